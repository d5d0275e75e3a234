package dev.nabla;

import dev.nabla.spi.ReduceOp;

/** Reductions and the normalizations built on them, with PyTorch's dtype rules and stable compositions. */
final class Reductions {
    private Reductions() {
    }

    /** Wrapped, sorted dims; a 0-dim tensor accepts dim 0 or -1 and reduces nothing. */
    static int[] dims(String op, Tensor x, int[] dims) {
        int[] wrapped = Shapes.wrapDims(op, dims, x.dim());
        return x.dim() == 0 ? new int[0] : wrapped;
    }

    /** The number of elements each output of a reduction over {@code dims} combines. */
    static int count(Tensor x, int[] dims) {
        int n = 1;
        for (int d : dims) n *= x.shape[d];
        return n;
    }

    static Tensor sum(Tensor x, int[] dims, boolean keepdim) {
        int[] d = dims("sum", x, dims);
        DType t = x.dtype().isFloatingPoint() ? x.dtype() : DType.INT64;
        return Dispatch.reduce(ReduceOp.SUM, x.to(t), d, keepdim, t);
    }

    static Tensor mean(Tensor x, int[] dims, boolean keepdim) {
        if (!x.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("mean: could not infer output dtype; the input dtype must be floating point, "
                    + "got " + x.dtype() + " (convert with to(DType.FLOAT32))");
        }
        int[] d = dims("mean", x, dims);
        return sum(x, d, keepdim).div((double) count(x, d));
    }

    static Tensor prod(Tensor x, int[] dims, boolean keepdim) {
        int[] d = dims("prod", x, dims);
        DType t = x.dtype().isFloatingPoint() ? x.dtype() : DType.INT64;
        return Dispatch.reduce(ReduceOp.PROD, x.to(t), d, keepdim, t);
    }

    private static void requireNonEmpty(String op, Tensor x, int[] dims) {
        if (x.numel() != 0) return;
        for (int d : dims) {
            if (x.shape[d] == 0) {
                throw new IllegalArgumentException(op + ": cannot reduce over dim " + d + " of size 0 (shape "
                        + Shapes.str(x.shape) + "): the operation has no identity");
            }
        }
        if (dims.length == x.dim()) {
            throw new IllegalArgumentException(op + ": cannot reduce a tensor with no elements (shape " + Shapes.str(x.shape)
                    + "): the operation has no identity; specify a dim");
        }
    }

    /** max/min values over dims; ties share the gradient, as PyTorch's {@code amax}. */
    static Tensor amax(String op, Tensor x, int[] dims, boolean keepdim, boolean isMax) {
        int[] d = dims(op, x, dims);
        requireNonEmpty(op, x, d);
        DType compute = Elementwise.computeType(x.dtype());
        Tensor r = Dispatch.reduce(isMax ? ReduceOp.MAX : ReduceOp.MIN, x.to(compute), d, keepdim, compute);
        return r.to(x.dtype());
    }

    /** max(dim)/min(dim): values gathered at the first extreme index, so the gradient reaches only that element. */
    static ValuesIndices maxMin(String op, Tensor x, int dim, boolean keepdim, boolean isMax) {
        Tensor src = x.dim() == 0 ? x.reshape(1) : x;
        int d = Shapes.wrapDim(op, dim, x.dim());
        Tensor indices = arg(op, src, d, true, isMax);
        // The indices come from the reduction itself, so gather's range check (two more passes) is skipped.
        Tensor values = Dispatch.gather(src, d, indices);
        if (x.dim() == 0) return new ValuesIndices(values.reshape(), indices.reshape());
        if (!keepdim) return new ValuesIndices(values.squeeze(d), indices.squeeze(d));
        return new ValuesIndices(values, indices);
    }

    static Tensor arg(String op, Tensor x, int dim, boolean keepdim, boolean isMax) {
        if (x.dim() == 0) {
            Shapes.wrapDim(op, dim, 0);
            return Nabla.zeros(DType.INT64, new int[0]).to(x.device());
        }
        int d = Shapes.wrapDim(op, dim, x.dim());
        if (x.shape[d] == 0) {
            throw new IllegalArgumentException(op + ": expected reduction dim " + d + " to have non-zero size (shape "
                    + Shapes.str(x.shape) + ")");
        }
        DType compute = Elementwise.computeType(x.dtype());
        return Dispatch.reduce(isMax ? ReduceOp.ARGMAX : ReduceOp.ARGMIN, x.to(compute), new int[] {d}, keepdim,
                DType.INT64);
    }

    static Tensor argFlat(String op, Tensor x, boolean isMax) {
        if (x.numel() == 0) {
            throw new IllegalArgumentException(op + ": expected a non-empty tensor when no dim is given (shape "
                    + Shapes.str(x.shape) + ")");
        }
        return arg(op, x.reshape(-1), 0, false, isMax);
    }

    /** Variance over dims: {@code sum((x - mean)^2) / (n - 1)} when unbiased, else {@code / n}. */
    static Tensor var(String op, Tensor x, int[] dims, boolean unbiased, boolean keepdim) {
        Elementwise.requireFloating(op, x);
        int[] d = dims(op, x, dims);
        int n = count(x, d);
        Tensor centered = x.sub(mean(x, d, true));
        return sum(centered.mul(centered), d, keepdim).div((double) Math.max(unbiased ? n - 1 : n, 0));
    }

    /** The square root of {@link #var}, with gradient 0 where it is 0 (as PyTorch's std backward). */
    static Tensor std(Tensor x, int[] dims, boolean unbiased, boolean keepdim) {
        return rootAtZero(var("std", x, dims, unbiased, keepdim), 0.5);
    }

    /**
     * {@code v^e} for v &gt;= 0 and e &gt; 0, whose gradient is 0 where v is 0: the subgradient PyTorch's std and
     * norm backward pick ({@code masked_fill(result == 0, 0)}), where a plain root's infinite slope times 0 is NaN.
     */
    static Tensor rootAtZero(Tensor v, double e) {
        if (!Recorder.needed(v)) return e == 0.5 ? v.sqrt() : v.pow(e);
        Tensor zero = v.eq(0.0);
        Tensor safe = v.maskedFill(zero, 1.0);
        return (e == 0.5 ? safe.sqrt() : safe.pow(e)).maskedFill(zero, 0.0);
    }

    /** {@code log(sum(exp(x)))} with the max subtracted first (an infinite max is replaced by 0). */
    static Tensor logsumexp(Tensor x, int[] dims, boolean keepdim) {
        Tensor f = x.dtype().isFloatingPoint() ? x : x.to(Defaults.dtype());
        int[] d = dims("logsumexp", f, dims);
        if (f.numel() == 0) return sum(f, d, keepdim).log();
        Tensor m = shift("logsumexp", f, d);
        Tensor r = sum(f.sub(m).exp(), d, true).log().add(m);
        return keepdim ? r : squeezeDims(r, d);
    }

    /**
     * The max over dims (kept), with infinities replaced by 0, as a constant: subtracting it keeps exp() finite,
     * and since the results do not depend on it mathematically it needs no gradient.
     */
    private static Tensor shift(String op, Tensor x, int[] dims) {
        try (NoGrad g = NoGrad.enter()) {
            Tensor m = amax(op, x, dims, true, true);
            return m.maskedFill(m.abs().eq(Double.POSITIVE_INFINITY), 0.0);
        }
    }

    /** Removes the (sorted) reduced dims that a keepdim result kept with size 1. */
    static Tensor squeezeDims(Tensor r, int[] dims) {
        return r.view(Shapes.reducedShape(r.shape, dims, false));
    }

    static Tensor norm(Tensor x, double p, int[] dims, boolean keepdim) {
        Elementwise.requireFloating("norm", x);
        int[] d = dims("norm", x, dims);
        if (p == 2) return rootAtZero(sum(x.mul(x), d, keepdim), 0.5);
        if (p == 1) return sum(x.abs(), d, keepdim);
        if (p == Double.POSITIVE_INFINITY) return amax("norm", x.abs(), d, keepdim, true);
        if (p == Double.NEGATIVE_INFINITY) return amax("norm", x.abs(), d, keepdim, false);
        // The count of non-zeros, still connected to x (with gradient 0) as PyTorch's norm(0) is.
        if (p == 0) return sum(x.mul(0.0).maskedFill(x.ne(0.0), 1.0), d, keepdim);
        if (p < 0) return sum(x.abs().pow(p), d, keepdim).pow(1 / p);
        // p in (0, 1): |x|^p has an infinite slope at x = 0, where PyTorch's norm backward gives 0.
        Tensor powered = p < 1 ? rootAtZero(x.abs(), p) : x.abs().pow(p);
        return rootAtZero(sum(powered, d, keepdim), 1 / p);
    }

    static Tensor logical(String op, Tensor x, int[] dims, boolean keepdim) {
        int[] d = dims(op, x, dims);
        return Dispatch.reduce(op.equals("all") ? ReduceOp.ALL : ReduceOp.ANY, x.to(DType.BOOL), d, keepdim, DType.BOOL);
    }

    static Tensor cumsum(Tensor x, int dim) {
        int d = Shapes.wrapDim("cumsum", dim, x.dim());
        DType t = x.dtype().isFloatingPoint() ? x.dtype() : DType.INT64;
        if (x.dim() == 0) return x.to(t).clone();
        return Dispatch.cumsum(x.to(t), d);
    }

    static Tensor softmax(Tensor x, int dim) {
        Elementwise.requireFloating("softmax", x);
        int d = Shapes.wrapDim("softmax", dim, x.dim());
        if (x.numel() == 0) return x.clone();
        Tensor e = x.sub(shift("softmax", x, new int[] {d})).exp();
        return e.div(sum(e, new int[] {d}, true));
    }

    static Tensor logSoftmax(Tensor x, int dim) {
        Elementwise.requireFloating("logSoftmax", x);
        int d = Shapes.wrapDim("logSoftmax", dim, x.dim());
        if (x.numel() == 0) return x.clone();
        Tensor shifted = x.sub(shift("logSoftmax", x, new int[] {d}));
        return shifted.sub(sum(shifted.exp(), new int[] {d}, true).log());
    }
}
