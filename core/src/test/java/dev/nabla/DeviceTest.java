package dev.nabla;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeviceTest {
    @Test
    void parsesAndPrintsLikePyTorch() {
        assertSame(Device.cpu(), Device.parse("cpu"));
        assertEquals("cpu", Device.cpu().toString());
        Device d = Device.parse("opencl:1");
        assertEquals("opencl", d.type());
        assertEquals(1, d.index());
        assertEquals("opencl:1", d.toString());
        assertEquals(Device.of("opencl", 0), Device.parse("opencl"));
        assertNotEquals(Device.of("opencl", 0), Device.of("opencl", 1));
        assertEquals(Device.parse("opencl:0"), Device.opencl());
        assertEquals(Device.parse("opencl:2"), Device.opencl(2));
        assertThrows(IllegalArgumentException.class, () -> Device.opencl(-1));
    }

    @Test
    void rejectsMalformedDevices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Device.parse("opencl:x"));
        assertTrue(e.getMessage().contains("'opencl:x'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Device.of("cpu", -1));
        assertThrows(IllegalArgumentException.class, () -> Device.of("Open CL", 0));
    }
}
