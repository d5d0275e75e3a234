package dev.nabla.cpu;

import dev.nabla.DType;
import dev.nabla.Device;
import dev.nabla.cpu.simd.ElementwiseKernels;
import dev.nabla.spi.Backend;
import dev.nabla.spi.BinaryOp;
import dev.nabla.spi.ReduceOp;
import dev.nabla.spi.Storage;
import dev.nabla.spi.Strided;
import dev.nabla.spi.UnaryOp;
import dev.nabla.spi.Window2d;

/** The pure-Java backend of {@link Device#cpu()}: tensors are Java arrays and kernels run on a shared thread pool. */
public final class CpuBackend implements Backend {
    private final ElementwiseKernels simd;
    private final int minVectorized;

    /** Created by {@link java.util.ServiceLoader}. */
    public CpuBackend() {
        this(ElementwiseKernels.get(), ElementwiseKernels.get().minElements());
    }

    /** A backend whose elementwise ops on outputs of at least {@code minVectorized} elements use the given loops. */
    CpuBackend(ElementwiseKernels simd, int minVectorized) {
        this.simd = simd;
        this.minVectorized = minVectorized;
    }

    @Override
    public String deviceType() {
        return "cpu";
    }

    @Override
    public int deviceCount() {
        return 1;
    }

    @Override
    public Storage allocate(Device device, DType dtype, int length) {
        return new CpuStorage(dtype, dtype.newArray(length));
    }

    @Override
    public Storage upload(Device device, DType dtype, Object array) {
        return new CpuStorage(dtype, array);
    }

    @Override
    public Object download(Strided src) {
        Object array = CpuStorage.array(src);
        int n = src.numel();
        if (src.isContiguous() && src.offset() == 0 && n == java.lang.reflect.Array.getLength(array)) {
            return cloneArray(array);
        }
        CpuStorage dense = new CpuStorage(src.dtype(), src.dtype().newArray(n));
        copy(Strided.contiguous(dense, src.shape()), src);
        return dense.array;
    }

    @Override
    public void fill(Strided out, Number value) {
        Object v = boxed(out.dtype(), value);
        ElementwiseLoop.run(out, new Strided[0], (in, o, s, e) -> fillRange(o, v, s, e));
    }

    @Override
    public void copy(Strided out, Strided src) {
        ElementwiseLoop.RunKernel runs = src.dtype() != out.dtype() ? null
                : (i, off, sc, o, oo, n) -> Staging.copyRun(i[0], off[0], sc[0] ? 0 : 1, o, oo, n);
        ElementwiseLoop.run(out, new Strided[] {src}, (in, o, s, e) -> Convert.convert(in[0], o, s, e), runs);
    }

    @Override
    public void unary(UnaryOp op, Strided out, Strided in) {
        ElementwiseLoop.RunKernel runs = !vectorized(out) || !simd.supports(op, in.dtype()) ? null
                : (i, off, sc, o, oo, n) -> simd.unary(op, i[0], off[0], sc[0], o, oo, n);
        ElementwiseLoop.Kernel k = switch (in.dtype()) {
            case FLOAT32 -> (i, o, s, e) -> FloatKernels.unary(op, (float[]) i[0], (float[]) o, s, e);
            case FLOAT64 -> (i, o, s, e) -> DoubleKernels.unary(op, (double[]) i[0], (double[]) o, s, e);
            case INT64 -> (i, o, s, e) -> LongKernels.unary(op, (long[]) i[0], (long[]) o, s, e);
            case BOOL -> (i, o, s, e) -> BoolKernels.unary(op, (boolean[]) i[0], (boolean[]) o, s, e);
            case INT32 -> throw unsupported(op, in.dtype());
        };
        ElementwiseLoop.run(out, new Strided[] {in}, k, runs);
    }

    @Override
    public void binary(BinaryOp op, Strided out, Strided a, Strided b) {
        DType t = a.dtype();
        if (vectorized(out) && simd.supports(op, t)) {
            ElementwiseLoop.run(out, new Strided[] {a, b}, null,
                    (i, off, sc, o, oo, n) -> simd.binary(op, i[0], off[0], sc[0], i[1], off[1], sc[1], o, oo, n));
            return;
        }
        if (Layout.allZero(b.strides()) && !op.isLogical() && (t == DType.FLOAT32 || t == DType.FLOAT64)) {
            binaryWithScalar(op, out, a, b);
            return;
        }
        boolean cmp = op.isComparison();
        ElementwiseLoop.Kernel k = switch (t) {
            case FLOAT32 -> cmp
                    ? (i, o, s, e) -> FloatKernels.compare(op, (float[]) i[0], (float[]) i[1], (boolean[]) o, s, e)
                    : (i, o, s, e) -> FloatKernels.binary(op, (float[]) i[0], (float[]) i[1], (float[]) o, s, e);
            case FLOAT64 -> cmp
                    ? (i, o, s, e) -> DoubleKernels.compare(op, (double[]) i[0], (double[]) i[1], (boolean[]) o, s, e)
                    : (i, o, s, e) -> DoubleKernels.binary(op, (double[]) i[0], (double[]) i[1], (double[]) o, s, e);
            case INT64 -> cmp
                    ? (i, o, s, e) -> LongKernels.compare(op, (long[]) i[0], (long[]) i[1], (boolean[]) o, s, e)
                    : (i, o, s, e) -> LongKernels.binary(op, (long[]) i[0], (long[]) i[1], (long[]) o, s, e);
            case BOOL -> (i, o, s, e) -> BoolKernels.binary(op, (boolean[]) i[0], (boolean[]) i[1], (boolean[]) o, s, e);
            case INT32 -> throw unsupported(op, t);
        };
        ElementwiseLoop.run(out, new Strided[] {a, b}, k);
    }

    /** {@code a op s} with the scalar read once, so a contiguous {@code a} needs no staging at all. */
    private void binaryWithScalar(BinaryOp op, Strided out, Strided a, Strided b) {
        boolean cmp = op.isComparison();
        ElementwiseLoop.Kernel k;
        if (a.dtype() == DType.FLOAT32) {
            float s = ((float[]) CpuStorage.array(b))[b.offset()];
            k = cmp ? (i, o, from, to) -> FloatKernels.compareScalar(op, (float[]) i[0], s, (boolean[]) o, from, to)
                    : (i, o, from, to) -> FloatKernels.binaryScalar(op, (float[]) i[0], s, (float[]) o, from, to);
        } else {
            double s = ((double[]) CpuStorage.array(b))[b.offset()];
            k = cmp ? (i, o, from, to) -> DoubleKernels.compareScalar(op, (double[]) i[0], s, (boolean[]) o, from, to)
                    : (i, o, from, to) -> DoubleKernels.binaryScalar(op, (double[]) i[0], s, (double[]) o, from, to);
        }
        ElementwiseLoop.run(out, new Strided[] {a}, k);
    }

    @Override
    public void where(Strided out, Strided cond, Strided a, Strided b) {
        ElementwiseLoop.RunKernel runs = !vectorized(out) || !simd.supportsWhere(a.dtype()) ? null : this::whereRun;
        ElementwiseLoop.run(out, new Strided[] {cond, a, b},
                (i, o, s, e) -> BoolKernels.where((boolean[]) i[0], i[1], i[2], o, s, e), runs);
    }

    /** A run of where: a repeated condition picks one operand throughout. */
    private void whereRun(Object[] in, int[] off, boolean[] scalar, Object out, int at, int n) {
        if (scalar[0]) {
            int k = ((boolean[]) in[0])[off[0]] ? 1 : 2;
            Staging.copyRun(in[k], off[k], scalar[k] ? 0 : 1, out, at, n);
        } else {
            simd.where((boolean[]) in[0], off[0], in[1], off[1], scalar[1], in[2], off[2], scalar[2], out, at, n);
        }
    }

    @Override
    public void reduce(ReduceOp op, Strided out, Strided in, int[] dims) {
        Reduce.reduce(op, out, in, dims);
    }

    @Override
    public void matmul(Strided out, Strided a, Strided b) {
        Gemm.matmul(out, a, b);
    }

    @Override
    public void gather(Strided out, Strided in, int dim, Strided index) {
        IndexKernels.gather(out, in, dim, index);
    }

    @Override
    public void scatter(Strided out, int dim, Strided index, Strided src, boolean accumulate) {
        IndexKernels.scatter(out, dim, index, src, accumulate);
    }

    @Override
    public void cumsum(Strided out, Strided in, int dim) {
        Scan.cumsum(out, in, dim);
    }

    @Override
    public void im2col(Strided out, Strided in, Window2d window, double padValue) {
        Im2Col.im2col(out, in, window, padValue);
    }

    @Override
    public void col2im(Strided out, Strided in, Window2d window) {
        Im2Col.col2im(out, in, window);
    }

    @Override
    public void argsort(Strided out, Strided in, int dim, boolean descending) {
        Sorting.argsort(out, in, dim, descending);
    }

    /** True when the output is large enough for the run loops. */
    private boolean vectorized(Strided out) {
        return out.numel() >= minVectorized;
    }

    private static IllegalArgumentException unsupported(Object op, DType t) {
        return new IllegalArgumentException("cpu backend: " + op + " is not defined on " + t + " (core widens it first)");
    }


    private static Object cloneArray(Object a) {
        if (a instanceof float[] x) return x.clone();
        if (a instanceof double[] x) return x.clone();
        if (a instanceof long[] x) return x.clone();
        if (a instanceof int[] x) return x.clone();
        return ((boolean[]) a).clone();
    }

    /** The fill value as the boxed Java type of the dtype's element, converted the way PyTorch casts. */
    private static Object boxed(DType t, Number v) {
        boolean integral = v instanceof Long || v instanceof Integer;
        return switch (t) {
            case FLOAT32 -> integral ? (float) v.longValue() : v.floatValue();
            case FLOAT64 -> integral ? (double) v.longValue() : v.doubleValue();
            case INT64 -> integral ? v.longValue() : (long) v.doubleValue();
            case INT32 -> integral ? (int) v.longValue() : (int) v.doubleValue();
            case BOOL -> integral ? v.longValue() != 0 : v.doubleValue() != 0;
        };
    }

    private static void fillRange(Object array, Object v, int from, int to) {
        if (array instanceof float[] a) java.util.Arrays.fill(a, from, to, (Float) v);
        else if (array instanceof double[] a) java.util.Arrays.fill(a, from, to, (Double) v);
        else if (array instanceof long[] a) java.util.Arrays.fill(a, from, to, (Long) v);
        else if (array instanceof int[] a) java.util.Arrays.fill(a, from, to, (Integer) v);
        else java.util.Arrays.fill((boolean[]) array, from, to, (Boolean) v);
    }
}
