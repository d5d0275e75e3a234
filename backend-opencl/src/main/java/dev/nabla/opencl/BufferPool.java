package dev.nabla.opencl;

import org.jocl.CLException;
import org.jocl.cl_context;
import org.jocl.cl_mem;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

import static org.jocl.CL.CL_INVALID_BUFFER_SIZE;
import static org.jocl.CL.CL_MEM_OBJECT_ALLOCATION_FAILURE;
import static org.jocl.CL.CL_MEM_READ_WRITE;
import static org.jocl.CL.CL_OUT_OF_HOST_MEMORY;
import static org.jocl.CL.CL_OUT_OF_RESOURCES;
import static org.jocl.CL.clCreateBuffer;
import static org.jocl.CL.clReleaseMemObject;

/**
 * A caching allocator for one device. Requests round up to size classes (512 bytes, then four classes per power of
 * two, so at most 25% is wasted); freed buffers wait in a list per class and serve the next request of that class.
 * When the device (or the limit set by the user) is full, the cache is released before giving up.
 *
 * <p>The garbage collector cannot see device memory: tensors are small on the heap, so unreachable ones could keep
 * their buffers until the device is full. The pool therefore asks for a collection whenever the bytes in use have
 * grown by more than the larger of {@link #COLLECT_STEP} (at most an eighth of the limit) and the lowest level seen
 * since the last collection, roughly the live set: collections then cost little per byte allocated.
 */
final class BufferPool {
    private static final long MIN_CLASS = 512;
    /** Growth in bytes in use that always justifies asking for a collection. */
    static final long COLLECT_STEP = 256L << 20;

    /** A device buffer and the size class it was created for. */
    record Block(cl_mem mem, long bytes) {
    }

    private final cl_context context;
    private final String device;
    private final long deviceMemory;
    private final long maxAllocation;
    private final Map<Long, ArrayDeque<cl_mem>> free = new HashMap<>();
    private long limit;
    private long inUse;
    private long cached;
    private long peak;
    private long allocations;
    private long deviceAllocations;
    /** The lowest bytes in use since the pool last asked for a collection. */
    private long low;
    /** Why the last request that did not fit was refused, for the error message. */
    private String refusal = "";

    BufferPool(cl_context context, String device, long deviceMemory, long maxAllocation) {
        this.context = context;
        this.device = device;
        this.deviceMemory = deviceMemory;
        this.maxAllocation = maxAllocation;
        this.limit = deviceMemory;
    }

    /** The size class that serves a request of {@code bytes}. */
    static long sizeClass(long bytes) {
        if (bytes <= MIN_CLASS) return MIN_CLASS;
        long base = Long.highestOneBit(bytes - 1);
        long step = base / 4;
        return (bytes + step - 1) / step * step;
    }

    /**
     * A buffer of at least {@code bytes}, from the cache when one of its class is free. When the device is full,
     * the garbage collector gets a few chances to return the buffers of unreachable tensors first, as
     * {@code ByteBuffer.allocateDirect} does for direct memory.
     */
    Block take(long bytes) {
        long size = sizeClass(bytes);
        if (size > maxAllocation) {
            throw outOfMemory(bytes, "the device's largest buffer is " + DeviceInfo.bytes(maxAllocation));
        }
        Block b = tryTake(size);
        for (int attempt = 0; b == null && attempt < 8; attempt++) {
            System.gc();
            try {
                Thread.sleep(1L << attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            b = tryTake(size);
        }
        if (b == null) throw outOfMemory(bytes, refusal);
        if (grownSinceCollection()) System.gc();
        return b;
    }

    /** Whether enough was allocated since the last collection to ask for another; resets the low mark if so. */
    private synchronized boolean grownSinceCollection() {
        if (inUse - low <= Math.max(Math.min(COLLECT_STEP, limit / 8), low)) return false;
        low = inUse;
        return true;
    }

    /** A buffer of class {@code size}, or null (with the reason in {@link #refusal}) when none fits now. */
    private synchronized Block tryTake(long size) {
        ArrayDeque<cl_mem> list = free.get(size);
        if (list != null && !list.isEmpty()) {
            cached -= size;
            return use(new Block(list.pop(), size));
        }
        if (inUse + size > limit) {
            refusal = "that would pass the limit";
            return null;
        }
        if (inUse + cached + size > limit) releaseCache();
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                cl_mem mem = clCreateBuffer(context, CL_MEM_READ_WRITE, size, null, null);
                deviceAllocations++;
                return use(new Block(mem, size));
            } catch (CLException e) {
                if (!isOutOfMemory(e)) throw e;
                refusal = "the driver refused (" + e.getMessage() + ")";
                releaseCache();
            }
        }
        return null;
    }

    private Block use(Block b) {
        allocations++;
        inUse += b.bytes();
        peak = Math.max(peak, inUse);
        return b;
    }

    /** Returns a buffer whose storage is gone to the cache. */
    synchronized void give(Block b) {
        inUse -= b.bytes();
        low = Math.min(low, inUse);
        cached += b.bytes();
        free.computeIfAbsent(b.bytes(), k -> new ArrayDeque<>()).push(b.mem());
    }

    /** Releases every cached buffer to the driver. */
    synchronized void releaseCache() {
        for (ArrayDeque<cl_mem> list : free.values()) {
            for (cl_mem m : list) clReleaseMemObject(m);
        }
        free.clear();
        cached = 0;
    }

    /** Caps the bytes in use (at most the device's memory); later requests past it fail. */
    synchronized void setLimit(long bytes) {
        if (bytes <= 0) throw new IllegalArgumentException("memory limit must be positive, got " + bytes);
        limit = Math.min(bytes, deviceMemory);
    }

    synchronized MemoryStats stats() {
        return new MemoryStats(inUse, cached, peak, allocations, deviceAllocations);
    }

    private static boolean isOutOfMemory(CLException e) {
        int s = e.getStatus();
        return s == CL_MEM_OBJECT_ALLOCATION_FAILURE || s == CL_OUT_OF_RESOURCES || s == CL_OUT_OF_HOST_MEMORY
                || s == CL_INVALID_BUFFER_SIZE;
    }

    private synchronized OpenClOutOfMemoryException outOfMemory(long bytes, String why) {
        return new OpenClOutOfMemoryException(device + ": out of device memory: tried to allocate "
                + DeviceInfo.bytes(bytes) + "; " + DeviceInfo.bytes(inUse) + " in use by tensors, "
                + DeviceInfo.bytes(cached) + " cached, limit " + DeviceInfo.bytes(limit) + " of "
                + DeviceInfo.bytes(deviceMemory) + ": " + why + ". Free tensors you no longer need (drop references "
                + "so they can be collected), or use smaller batches");
    }
}
