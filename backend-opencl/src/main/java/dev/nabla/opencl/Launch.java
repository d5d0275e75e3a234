package dev.nabla.opencl;

import dev.nabla.DType;
import dev.nabla.spi.Strided;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;

import static org.jocl.CL.clEnqueueNDRangeKernel;
import static org.jocl.CL.clSetKernelArg;

/**
 * One kernel launch: arguments are collected here and set and enqueued together under the device's lock, since
 * kernel objects are shared. The storages passed stay reachable until the launch is enqueued.
 */
final class Launch {
    private final ClDevice device;
    private final Programs.Kernel kernel;
    private final List<Pointer> values = new ArrayList<>();
    private final List<Long> sizes = new ArrayList<>();
    private final List<Object> keep = new ArrayList<>();

    Launch(ClDevice device, Programs.Kernel kernel) {
        this.device = device;
        this.kernel = kernel;
    }

    /** The largest work group the device runs this kernel in. */
    long maxGroup() {
        return kernel.maxGroup();
    }

    /** The buffer of {@code s}'s storage. */
    Launch buf(Strided s) {
        OpenClStorage storage = OpenClBackend.storage(s);
        keep.add(storage);
        return mem(storage.mem());
    }

    /** A buffer argument. */
    Launch mem(cl_mem m) {
        return arg(Pointer.to(m), Sizeof.cl_mem);
    }

    /** An int argument. */
    Launch i(int v) {
        return arg(Pointer.to(new int[] {v}), Sizeof.cl_int);
    }

    /** An int8 argument from 8 ints. */
    Launch i8(int[] v) {
        return arg(Pointer.to(v), 8L * Sizeof.cl_int);
    }

    /** A scalar of the kernel's element type, converted the way PyTorch casts a Python number. */
    Launch value(DType t, Number v) {
        boolean integral = v instanceof Long || v instanceof Integer;
        return switch (t) {
            case FLOAT32 -> arg(Pointer.to(new float[] {integral ? (float) v.longValue() : v.floatValue()}), Sizeof.cl_float);
            case FLOAT64 -> arg(Pointer.to(new double[] {integral ? (double) v.longValue() : v.doubleValue()}),
                    Sizeof.cl_double);
            case INT64 -> arg(Pointer.to(new long[] {integral ? v.longValue() : (long) v.doubleValue()}), Sizeof.cl_long);
            case INT32 -> arg(Pointer.to(new int[] {integral ? (int) v.longValue() : (int) v.doubleValue()}), Sizeof.cl_int);
            case BOOL -> arg(Pointer.to(new byte[] {(byte) ((integral ? v.longValue() != 0 : v.doubleValue() != 0) ? 1 : 0)}),
                    Sizeof.cl_uchar);
        };
    }

    private Launch arg(Pointer p, long size) {
        values.add(p);
        sizes.add(size);
        return this;
    }

    /** Enqueues {@code n} work items in groups of the kernel's preferred size. */
    void run(long n) {
        if (n <= 0) return;
        long local = kernel.groupSize();
        run(new long[] {(n + local - 1) / local * local}, new long[] {local});
    }

    /** Enqueues {@code groups} work groups of {@code local} items. */
    void runGroups(long groups, long local) {
        if (groups <= 0) return;
        run(new long[] {groups * local}, new long[] {local});
    }

    /** Enqueues an ND-range of the given global and local sizes. */
    void run(long[] global, long[] local) {
        cl_kernel k = kernel.handle();
        try {
            synchronized (device) {
                for (int i = 0; i < values.size(); i++) clSetKernelArg(k, i, sizes.get(i), values.get(i));
                clEnqueueNDRangeKernel(device.queue(), k, global.length, null, global, local, 0, null, null);
            }
        } catch (CLException e) {
            throw new IllegalStateException(device.label() + ": launching kernel " + kernel.name() + " failed: "
                    + e.getMessage(), e);
        } finally {
            Reference.reachabilityFence(keep);
        }
    }
}
