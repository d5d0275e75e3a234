package dev.nabla.opencl;

import dev.nabla.Device;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Discovery, selection and the describe() report on the real runtime, and asynchronous execution with waiting reads. */
@OnOpenCl
class OpenClFacadeTest {
    @Test
    void describeReportsPlatformsDevicesAndTheDefault() {
        String report = OpenCl.describe();
        DeviceInfo info = OpenCl.info(OpenCl.defaultDevice());
        assertTrue(report.contains(info.name()) && report.contains(info.platform()) && report.contains("opencl:0")
                && report.contains("fp64 " + (info.fp64() ? "yes" : "no")) && report.contains("default device"), report);
        assertTrue(info.maxWorkGroup() >= 1 && info.globalMemory() > 0 && info.maxAllocation() > 0, info.toString());
    }

    @Test
    void devicesAreFoundByIndexTypeAndName() {
        Device first = Device.opencl();
        assertEquals(first, OpenCl.defaultDevice());
        assertEquals(first, OpenCl.device("opencl:0"));
        assertEquals(OpenCl.deviceCount(), new OpenClBackend().deviceCount());
        DeviceInfo info = OpenCl.info(first);
        assertEquals(first, OpenCl.device(info.type()));
        assertEquals(first, OpenCl.device(info.name().substring(0, Math.min(6, info.name().length()))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OpenCl.device(99));
        assertTrue(e.getMessage().contains("opencl:99") && e.getMessage().contains("describe()"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OpenCl.device("no such device name"));
    }

    @Test
    void workIsQueuedAndReadingWaitsForIt() {
        Device d = OpenCl.defaultDevice();
        Tensor x = Nabla.ones(512, 512).to(d);
        Tensor y = x;
        for (int i = 0; i < 20; i++) y = y.mm(x).mul(1.0 / 512);
        OpenCl.synchronize(d);
        float[] v = y.toFloatArray();
        for (float f : new float[] {v[0], v[v.length - 1]}) assertEquals(1.0f, f, 1e-6f);
        assertArrayEquals(new float[] {5, 5}, Nabla.full(new int[] {2}, 5.0).to(d).toFloatArray());
    }
}
