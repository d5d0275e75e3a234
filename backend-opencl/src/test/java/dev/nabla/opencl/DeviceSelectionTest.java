package dev.nabla.opencl;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Choosing a device by listing number, type (with an ordinal) or part of a name, on a made-up set of devices. */
class DeviceSelectionTest {
    private static Discovery.Found device(int listed, String type, String name) {
        DeviceInfo info = new DeviceInfo("Platform " + type, "OpenCL 3.0", name, "vendor", type, "OpenCL 3.0", "1",
                "OpenCL C 1.2", 8, 1000, 1L << 30, 1L << 28, 1 << 16, 256, true, true);
        return new Discovery.Found(null, null, info, listed);
    }

    /** Nabla's order after choosing #2: the chosen device first, the rest as listed. */
    private static final List<Discovery.Found> DEVICES = List.of(device(2, "cpu", "pthread-haswell"),
            device(0, "gpu", "NVIDIA H100"), device(1, "gpu", "Intel Arc A770"), device(3, "accelerator", "FPGA"));

    @Test
    void byListingNumber() {
        assertEquals(1, Discovery.select("0", DEVICES));
        assertEquals(0, Discovery.select("2", DEVICES));
        assertEquals(3, Discovery.select(" 3 ", DEVICES));
    }

    @Test
    void byTypeAndOrdinal() {
        assertEquals(1, Discovery.select("gpu", DEVICES));
        assertEquals(2, Discovery.select("GPU:1", DEVICES));
        assertEquals(0, Discovery.select("cpu", DEVICES));
        assertEquals(3, Discovery.select("accelerator", DEVICES));
    }

    @Test
    void byPartOfAName() {
        assertEquals(2, Discovery.select("arc", DEVICES));
        assertEquals(1, Discovery.select("h100", DEVICES));
        assertEquals(3, Discovery.select("platform accel", DEVICES));
    }

    @Test
    void unknownSpecsListTheDevices() {
        for (String spec : new String[] {"7", "gpu:2", "tpu"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Discovery.select(spec, DEVICES));
            assertTrue(e.getMessage().contains("#1 gpu 'Intel Arc A770'"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Discovery.select("cpu:1", List.of(device(0, "gpu", "x"))));
    }
}
