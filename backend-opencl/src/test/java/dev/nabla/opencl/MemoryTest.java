package dev.nabla.opencl;

import dev.nabla.DType;
import dev.nabla.Device;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.spi.Strided;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The caching buffer pool: reuse by size class, release on close and on collection, statistics and out-of-memory errors. */
@OnOpenCl
class MemoryTest {
    private static final int MIB = 1 << 20;
    private final OpenClBackend backend = new OpenClBackend();
    private Device device;

    @BeforeEach
    void setUp() throws InterruptedException {
        device = OpenClCondition.device();
        settle();
        OpenCl.emptyCache(device);
    }

    /** Lets the collector return the buffers of earlier tests' unreachable tensors, so that figures start steady. */
    private void settle() throws InterruptedException {
        long before;
        long after = OpenCl.memoryStats(device).bytesInUse();
        do {
            before = after;
            System.gc();
            Thread.sleep(20);
            after = OpenCl.memoryStats(device).bytesInUse();
        } while (after < before);
    }

    @AfterEach
    void noLimit() {
        OpenCl.setMemoryLimit(device, Long.MAX_VALUE);
    }

    @Test
    void sizeClassesWasteAtMostAQuarter() {
        assertEquals(512, BufferPool.sizeClass(1));
        assertEquals(512, BufferPool.sizeClass(512));
        assertEquals(640, BufferPool.sizeClass(513));
        assertEquals(1024, BufferPool.sizeClass(1024));
        assertEquals(1280, BufferPool.sizeClass(1025));
        for (long n = 600; n < 1L << 34; n = n * 3 + 7) {
            long c = BufferPool.sizeClass(n);
            assertTrue(c >= n && c <= n * 1.25 + 1, n + " -> " + c);
        }
    }

    @Test
    void closedBuffersAreCachedAndReused() {
        MemoryStats before = OpenCl.memoryStats(device);
        OpenClStorage s = (OpenClStorage) backend.allocate(device, DType.FLOAT32, MIB / 4);
        MemoryStats held = OpenCl.memoryStats(device);
        assertEquals(before.bytesInUse() + MIB, held.bytesInUse());
        assertEquals(before.allocations() + 1, held.allocations());
        assertTrue(held.peakBytesInUse() >= held.bytesInUse());
        s.close();
        s.close();
        MemoryStats freed = OpenCl.memoryStats(device);
        assertEquals(before.bytesInUse(), freed.bytesInUse());
        assertEquals(before.bytesCached() + MIB, freed.bytesCached());
        OpenClStorage again = (OpenClStorage) backend.allocate(device, DType.INT32, MIB / 4 - 100);
        MemoryStats reused = OpenCl.memoryStats(device);
        assertEquals(freed.deviceAllocations(), reused.deviceAllocations(), "served from the cache");
        assertEquals(freed.allocations() + 1, reused.allocations());
        assertEquals(freed.bytesCached() - MIB, reused.bytesCached());
        Strided view = new Strided(again, new int[] {3}, new int[] {1}, 0);
        assertEquals(3, ((int[]) backend.download(view)).length);
        assertEquals(0, ((int[]) backend.download(view))[2], "a reused buffer is zero-filled again");
        again.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> backend.download(view));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        OpenCl.emptyCache(device);
        assertEquals(0, OpenCl.memoryStats(device).bytesCached());
    }

    @Test
    void unreachableTensorsGiveTheirBuffersBack() throws InterruptedException {
        long base = OpenCl.memoryStats(device).bytesInUse();
        for (int i = 0; i < 20; i++) Nabla.ones(MIB).to(device).mul(2.0);
        assertTrue(OpenCl.memoryStats(device).allocations() > 0);
        long inUse = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 50 && inUse > base; attempt++) {
            System.gc();
            Thread.sleep(20);
            inUse = OpenCl.memoryStats(device).bytesInUse();
        }
        assertTrue(inUse <= base, "still in use: " + inUse + " bytes, " + base + " before");
    }

    @Test
    void runningOutNamesTheRequestAndWhatIsInUse() {
        Tensor kept = Nabla.ones(MIB).to(device);
        long inUse = OpenCl.memoryStats(device).bytesInUse();
        OpenCl.setMemoryLimit(device, inUse + 2 * MIB);
        OpenClOutOfMemoryException e = assertThrows(OpenClOutOfMemoryException.class, () -> Nabla.zeros(4 * MIB).to(device));
        assertTrue(e.getMessage().contains("tried to allocate 16.00 MiB") && e.getMessage().contains("in use by tensors")
                && e.getMessage().contains(device.toString()), e.getMessage());
        assertEquals(4.0, kept.narrow(0, 0, 4).sum().item(), "the pool still works after refusing");
    }

    @Test
    void collectingUnreachableTensorsMakesRoomBeforeGivingUp() {
        long inUse = OpenCl.memoryStats(device).bytesInUse();
        OpenCl.setMemoryLimit(device, inUse + 12 * MIB);
        double total = 0;
        for (int i = 0; i < 10; i++) total += Nabla.ones(MIB).to(device).mul(3.0).sum().item();
        assertEquals(30.0 * MIB, total);
    }

    @Test
    void aBufferPastTheDevicesLargestIsRefusedUpFront() {
        long max = OpenCl.info(device).maxAllocation();
        assumeTrue(max < 8L * Integer.MAX_VALUE, "this device can hold a 16 GiB buffer");
        OpenClOutOfMemoryException e = assertThrows(OpenClOutOfMemoryException.class,
                () -> backend.allocate(device, DType.INT64, Integer.MAX_VALUE));
        assertTrue(e.getMessage().contains("largest buffer"), e.getMessage());
    }
}
