package dev.nabla.opencl;

import dev.nabla.DType;
import dev.nabla.Device;
import dev.nabla.spi.Backend;
import dev.nabla.spi.BinaryOp;
import dev.nabla.spi.ReduceOp;
import dev.nabla.spi.Storage;
import dev.nabla.spi.Strided;
import dev.nabla.spi.UnaryOp;
import dev.nabla.spi.Window2d;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backend of {@code opencl} devices: every primitive as an OpenCL kernel, enqueued without waiting on the
 * device's in-order queue; reading values back ({@link #download}) waits. Constructing it does no OpenCL work, so
 * a machine without OpenCL loads it safely and sees no devices.
 */
public final class OpenClBackend implements Backend {
    private static final Logger LOG = LoggerFactory.getLogger(OpenClBackend.class);
    private static volatile boolean warned;

    /** Created by {@link java.util.ServiceLoader}. */
    public OpenClBackend() {
    }

    @Override
    public String deviceType() {
        return OpenCl.TYPE;
    }

    /** How many OpenCL devices exist; when none, logs why once, since core's error for a missing device cannot. */
    @Override
    public int deviceCount() {
        int count = OpenCl.deviceCount();
        if (count == 0 && !warned) {
            warned = true;
            LOG.warn("Nabla OpenCL backend: {}; OpenCl.describe() shows what was found", OpenCl.unavailableReason());
        }
        return count;
    }

    @Override
    public Storage allocate(Device device, DType dtype, int length) {
        return Devices.open(device).allocate(dtype, length, true);
    }

    @Override
    public Storage upload(Device device, DType dtype, Object array) {
        return Devices.open(device).upload(dtype, array);
    }

    @Override
    public Object download(Strided src) {
        OpenClStorage storage = storage(src);
        ClDevice device = storage.owner();
        DType t = src.dtype();
        int n = src.numel();
        Object host = ClTypes.hostArray(t, n);
        if (n == 0) return ClTypes.finish(t, host);
        if (src.isContiguous()) {
            device.read(storage, src.offset(), n, host);
        } else {
            try (OpenClStorage dense = device.allocate(t, n, false)) {
                ElementwiseOps.copy(Strided.contiguous(dense, src.shape()), src);
                device.read(dense, 0, n, host);
            }
        }
        return ClTypes.finish(t, host);
    }

    @Override
    public void fill(Strided out, Number value) {
        ElementwiseOps.fill(out, value);
    }

    @Override
    public void copy(Strided out, Strided src) {
        ElementwiseOps.copy(out, src);
    }

    @Override
    public void unary(UnaryOp op, Strided out, Strided in) {
        ElementwiseOps.unary(op, out, in);
    }

    @Override
    public void binary(BinaryOp op, Strided out, Strided a, Strided b) {
        ElementwiseOps.binary(op, out, a, b);
    }

    @Override
    public void where(Strided out, Strided cond, Strided a, Strided b) {
        ElementwiseOps.where(out, cond, a, b);
    }

    @Override
    public void reduce(ReduceOp op, Strided out, Strided in, int[] dims) {
        ReduceOps.reduce(op, out, in, dims);
    }

    @Override
    public void matmul(Strided out, Strided a, Strided bm) {
        MatmulOps.matmul(out, a, bm);
    }

    @Override
    public void gather(Strided out, Strided in, int dim, Strided index) {
        IndexOps.gather(out, in, dim, index);
    }

    @Override
    public void scatter(Strided out, int dim, Strided index, Strided src, boolean accumulate) {
        IndexOps.scatter(out, dim, index, src, accumulate);
    }

    @Override
    public void cumsum(Strided out, Strided in, int dim) {
        IndexOps.cumsum(out, in, dim);
    }

    @Override
    public void im2col(Strided out, Strided in, Window2d window, double padValue) {
        ConvOps.im2col(out, in, window, padValue);
    }

    @Override
    public void col2im(Strided out, Strided in, Window2d window) {
        ConvOps.col2im(out, in, window);
    }

    @Override
    public void argsort(Strided out, Strided in, int dim, boolean descending) {
        SortOps.argsort(out, in, dim, descending);
    }

    /** The error for an op that core converts to another dtype before it reaches this backend. */
    static IllegalArgumentException unsupported(Object op, DType t) {
        return new IllegalArgumentException("opencl backend: " + op + " is not defined on " + t
                + " (core converts it first)");
    }

    /** The OpenCL storage behind {@code s}. */
    static OpenClStorage storage(Strided s) {
        return (OpenClStorage) s.storage();
    }

}
