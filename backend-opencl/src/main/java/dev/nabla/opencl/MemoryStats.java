package dev.nabla.opencl;

/**
 * A snapshot of one device's buffer pool, as PyTorch's {@code torch.cuda.memory_stats}.
 *
 * @param bytesInUse         bytes held by live storages (rounded up to the pool's size classes)
 * @param bytesCached        bytes of freed buffers kept for reuse
 * @param peakBytesInUse     the most bytes in use at once since the device was first used
 * @param allocations        storages allocated (each reuse of a cached buffer counts)
 * @param deviceAllocations  buffers created on the device (cache misses)
 */
public record MemoryStats(long bytesInUse, long bytesCached, long peakBytesInUse, long allocations,
                          long deviceAllocations) {
}
