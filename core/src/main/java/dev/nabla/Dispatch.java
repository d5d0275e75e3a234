package dev.nabla;

import dev.nabla.spi.Backend;
import dev.nabla.spi.BinaryOp;
import dev.nabla.spi.GraphOp;
import dev.nabla.spi.ReduceArgs;
import dev.nabla.spi.ReduceOp;
import dev.nabla.spi.Strided;
import dev.nabla.spi.UnaryOp;
import dev.nabla.spi.Window2d;

import java.util.List;

/**
 * The one place where core hands primitive ops to a backend: it allocates outputs and checks that all
 * inputs share a device. Callers have already validated shapes and dtypes.
 */
final class Dispatch {
    private Dispatch() {
    }

    /** A new zero-filled contiguous tensor. */
    static Tensor empty(int[] shape, DType dtype, Device device) {
        int n = Shapes.numel(shape);
        return new Tensor(Backends.of(device).allocate(device, dtype, n), shape.clone());
    }

    /** {@link #sameDevice(String, Tensor...)} for two tensors, without an array. */
    static Device sameDevice(String op, Tensor a, Tensor b) {
        Device d = a.device();
        return d.equals(b.device()) ? d : sameDevice(op, new Tensor[] {a, b});
    }

    /** Throws unless every tensor lives on the first one's device. */
    static Device sameDevice(String op, Tensor... tensors) {
        Device d = tensors[0].device();
        for (Tensor t : tensors) {
            if (!t.device().equals(d)) {
                throw new IllegalArgumentException(op + ": expected all tensors to be on the same device, but found "
                        + d + " and " + t.device() + " (move one with to(Device))");
            }
        }
        return d;
    }

    /** The layout of {@code t} broadcast to {@code shape} (stride 0 on repeated and new leading dims). */
    static Strided broadcastTo(Tensor t, int[] shape) {
        if (java.util.Arrays.equals(t.shape, shape)) return t.strided();
        int lead = shape.length - t.shape.length;
        int[] strides = new int[shape.length];
        for (int d = 0; d < t.shape.length; d++) {
            strides[d + lead] = t.shape[d] == 1 && shape[d + lead] != 1 ? 0 : t.strides[d];
        }
        return new Strided(t.storage, shape, strides, t.offset);
    }

    static Tensor unary(UnaryOp op, Tensor x) {
        Tensor out = empty(x.shape, x.dtype(), x.device());
        x.backend().unary(op, out.strided(), x.strided());
        return Recorder.record(out, op, null, x);
    }

    /** {@code a op b} for inputs of one dtype, broadcast to {@code shape}. */
    static Tensor binary(BinaryOp op, Tensor a, Tensor b, int[] shape) {
        Device device = a.device();
        if (!device.equals(b.device())) sameDevice(op.name().toLowerCase(java.util.Locale.ROOT), a, b);
        DType outType = op.isComparison() ? DType.BOOL : a.dtype();
        Tensor out = empty(shape, outType, device);
        a.backend().binary(op, out.strided(), broadcastTo(a, shape), broadcastTo(b, shape));
        return Recorder.record(out, op, null, a, b);
    }

    /** Writes {@code a op b} into {@code out}, whose shape is the broadcast shape. */
    static void binaryInto(BinaryOp op, Tensor out, Tensor a, Tensor b) {
        out.backend().binary(op, out.strided(), broadcastTo(a, out.shape), broadcastTo(b, out.shape));
    }

    static Tensor where(Tensor cond, Tensor a, Tensor b, int[] shape) {
        Device device = sameDevice("where", cond, a, b);
        Tensor out = empty(shape, a.dtype(), device);
        whereInto(out, cond, a, b);
        return Recorder.record(out, GraphOp.WHERE, null, cond, a, b);
    }

    /** Writes {@code cond ? a : b} into {@code out}, whose shape is the broadcast shape; records nothing. */
    static void whereInto(Tensor out, Tensor cond, Tensor a, Tensor b) {
        out.backend().where(out.strided(), broadcastTo(cond, out.shape), broadcastTo(a, out.shape),
                broadcastTo(b, out.shape));
    }

    /** Reduces sorted {@code dims}; the result has {@code outType} and keeps or drops them. */
    static Tensor reduce(ReduceOp op, Tensor x, int[] dims, boolean keepdim, DType outType) {
        int[] kept = Shapes.reducedShape(x.shape, dims, true);
        Tensor out = empty(kept, outType, x.device());
        x.backend().reduce(op, out.strided(), x.strided(), dims);
        Tensor result = keepdim ? out : Views.viewUnchecked(out, Shapes.reducedShape(x.shape, dims, false));
        return Recorder.record(result, op, new ReduceArgs(dims, keepdim), x);
    }

    /** A contiguous copy converted to {@code dtype}. */
    static Tensor cast(Tensor x, DType dtype) {
        Tensor out = empty(x.shape, dtype, x.device());
        x.backend().copy(out.strided(), x.strided());
        return Recorder.record(out, GraphOp.CAST, null, x);
    }

    /** A contiguous copy on another device (through host memory). */
    static Tensor toDevice(Tensor x, Device device) {
        Object host = x.backend().download(x.strided());
        Tensor out = new Tensor(Backends.of(device).upload(device, x.dtype(), host), x.shape.clone());
        return Recorder.record(out, GraphOp.TO_DEVICE, null, x);
    }

    /** Batched product of 3-d tensors of one dtype: [B,M,K] x [B,K,N]; LinAlg records the user-level node. */
    static Tensor matmul(Tensor a, Tensor b) {
        Device device = sameDevice("matmul", a, b);
        Tensor out = empty(new int[] {a.shape[0], a.shape[1], b.shape[2]}, a.dtype(), device);
        a.backend().matmul(out.strided(), a.strided(), b.strided());
        return out;
    }

    /** The product of two matrices of one dtype, as the batched primitive over a batch of one; not recorded. */
    static Tensor mm(Tensor a, Tensor b) {
        Device device = sameDevice("matmul", a, b);
        Tensor out = empty(new int[] {a.shape[0], b.shape[1]}, a.dtype(), device);
        a.backend().matmul(batchOfOne(out), batchOfOne(a), batchOfOne(b));
        return out;
    }

    /** A matrix as a [1, rows, cols] layout, with the stride unsqueeze(0) would give. */
    private static Strided batchOfOne(Tensor t) {
        return new Strided(t.storage, new int[] {1, t.shape[0], t.shape[1]},
                new int[] {t.shape[0] * t.strides[0], t.strides[0], t.strides[1]}, t.offset);
    }

    static Tensor gather(Tensor x, int dim, Tensor index) {
        Device device = sameDevice("gather", x, index);
        Tensor out = empty(index.shape, x.dtype(), device);
        x.backend().gather(out.strided(), x.strided(), dim, index.strided());
        return Recorder.record(out, GraphOp.GATHER, dim, x, index);
    }

    /** Scatters {@code src} (broadcast to the index's shape) into {@code out} in place. */
    static void scatter(Tensor out, int dim, Tensor index, Tensor src, boolean accumulate) {
        sameDevice(accumulate ? "scatterAdd" : "scatter", out, index, src);
        out.backend().scatter(out.strided(), dim, index.strided(), broadcastTo(src, index.shape), accumulate);
    }

    static Tensor cumsum(Tensor x, int dim) {
        Tensor out = empty(x.shape, x.dtype(), x.device());
        x.backend().cumsum(out.strided(), x.strided(), dim);
        return Recorder.record(out, GraphOp.CUMSUM, dim, x);
    }

    static Tensor argsort(Tensor x, int dim, boolean descending) {
        Tensor out = empty(x.shape, DType.INT64, x.device());
        x.backend().argsort(out.strided(), x.strided(), dim, descending);
        return out;
    }

    /** im2col of a 4-D floating tensor into columns of {@code shape}, recorded with its window. */
    static Tensor im2col(Tensor x, Window2d window, double padValue, int[] shape) {
        Tensor out = empty(shape, x.dtype(), x.device());
        x.backend().im2col(out.strided(), x.strided(), window, padValue);
        return Recorder.record(out, GraphOp.IM2COL, window, x);
    }

    /** col2im of 3-D floating columns into an image of {@code shape}, recorded with its window. */
    static Tensor col2im(Tensor cols, Window2d window, int[] shape) {
        Tensor out = empty(shape, cols.dtype(), cols.device());
        cols.backend().col2im(out.strided(), cols.strided(), window);
        return Recorder.record(out, GraphOp.COL2IM, window, cols);
    }

    /** Concatenates tensors of one dtype and rank along {@code dim} into a new tensor of {@code shape}. */
    static Tensor cat(List<Tensor> tensors, int dim, int[] shape, DType dtype) {
        Tensor[] inputs = tensors.toArray(new Tensor[0]);
        Device device = sameDevice("cat", inputs);
        Tensor out = empty(shape, dtype, device);
        Backend backend = out.backend();
        int at = 0;
        for (Tensor t : tensors) {
            int len = t.shape[dim];
            if (len > 0) backend.copy(Views.narrow(out, dim, at, len).strided(), t.strided());
            at += len;
        }
        return Recorder.record(out, GraphOp.CAT, dim, inputs);
    }

    /** A new contiguous tensor holding the elements of an arbitrary (possibly reversed) window. */
    static Tensor copyOf(Strided src, int[] shape) {
        Tensor out = empty(shape, src.dtype(), src.storage().device());
        out.backend().copy(out.strided(), src);
        return out;
    }

    /** Writes {@code src} (broadcast to out's shape) into {@code out}, converting dtype. */
    static void copyInto(Tensor out, Tensor src) {
        out.backend().copy(out.strided(), broadcastTo(src, out.shape));
    }

    static void fill(Tensor out, Number value) {
        out.backend().fill(out.strided(), value);
    }

    /** Host copy of the elements as a Java array of the tensor's dtype. */
    static Object download(Tensor x) {
        return x.backend().download(x.strided());
    }

    /** A tensor holding a copy of a Java array of the dtype's element type. */
    static Tensor upload(Object array, DType dtype, int[] shape, Device device) {
        return new Tensor(Backends.of(device).upload(device, dtype, array), shape.clone());
    }
}
