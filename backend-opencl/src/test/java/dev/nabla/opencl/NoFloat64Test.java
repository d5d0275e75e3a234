package dev.nabla.opencl;

import dev.nabla.DType;
import dev.nabla.Device;
import dev.nabla.spi.ReduceOp;
import dev.nabla.spi.Strided;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The device opened as if it lacked double precision, as many GPUs do: float64 is refused with a clear error, and
 * float32 sums, accumulated in float32 with compensation, stay as accurate as the contracts ask.
 */
@OnOpenCl
class NoFloat64Test {
    private static final int N = 1 << 20;
    private ClDevice device;
    private final OpenClBackend backend = new OpenClBackend();

    @BeforeEach
    void openWithoutFp64() {
        Discovery.Found real = Discovery.get().devices().get(0);
        DeviceInfo i = real.info();
        DeviceInfo single = new DeviceInfo(i.platform(), i.platformVersion(), i.name(), i.vendor(), i.type(), i.version(),
                i.driver(), i.cVersion(), i.computeUnits(), i.clockMhz(), i.globalMemory(), i.maxAllocation(),
                i.localMemory(), i.maxWorkGroup(), false, i.exactDivSqrt());
        device = new ClDevice(Device.opencl(), new Discovery.Found(real.platform(), real.id(), single, real.listed()));
    }

    @Test
    void float64IsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> device.allocate(DType.FLOAT64, 4, true));
        assertTrue(e.getMessage().contains("does not support float64") && e.getMessage().contains("cl_khr_fp64"),
                e.getMessage());
    }

    private static Strided dense(OpenClStorage s, int... shape) {
        return Strided.contiguous(s, shape);
    }

    @Test
    void float32SumsAndScansStayAccurate() {
        float[] tenths = new float[N];
        Arrays.fill(tenths, 0.1f);
        Strided in = dense(device.upload(DType.FLOAT32, tenths), N);
        Strided total = dense(device.allocate(DType.FLOAT32, 1, true), 1);
        ReduceOps.reduce(ReduceOp.SUM, total, in, new int[] {0});
        assertEquals(0.1f * (double) N, ((float[]) backend.download(total))[0], 1e-6 * 0.1 * N);
        Strided grid = dense(device.upload(DType.FLOAT32, tenths), 1024, 1024);
        Strided columns = dense(device.allocate(DType.FLOAT32, 1024, true), 1, 1024);
        ReduceOps.reduce(ReduceOp.SUM, columns, grid, new int[] {0});
        for (float v : (float[]) backend.download(columns)) assertEquals(0.1f * 1024.0, v, 1e-6 * 102.4);
        Strided scan = dense(device.allocate(DType.FLOAT32, N, true), 1024, 1024);
        IndexOps.cumsum(scan, grid, 1);
        float[] running = (float[]) backend.download(scan);
        for (int row = 0; row < 1024; row += 97) assertEquals(0.1f * 1024.0, running[row * 1024 + 1023], 1e-6 * 102.4);
    }

    @Test
    void float32ExtremesAndIndicesNeedNoDoubles() {
        float[] v = {3, Float.NaN, 7, 7, -1, 2};
        Strided in = dense(device.upload(DType.FLOAT32, v), 2, 3);
        Strided arg = dense(device.allocate(DType.INT64, 2, true), 2, 1);
        ReduceOps.reduce(ReduceOp.ARGMAX, arg, in, new int[] {1});
        assertEquals(Arrays.toString(new long[] {1, 0}), Arrays.toString((long[]) backend.download(arg)));
        Strided max = dense(device.allocate(DType.FLOAT32, 3, true), 1, 3);
        ReduceOps.reduce(ReduceOp.MAX, max, in, new int[] {0});
        assertEquals(Arrays.toString(new float[] {7, Float.NaN, 7}), Arrays.toString((float[]) backend.download(max)));
    }
}
