package dev.nabla;

/** Random factories: samples are drawn on the host from a {@link Generator}, then moved to the target device. */
final class Random {
    private Random() {
    }

    private static DType floating(String op, TensorOptions options) {
        DType t = options.dtypeOr(Defaults.dtype());
        if (!t.isFloatingPoint()) {
            throw new IllegalArgumentException(op + ": expected a floating point dtype, got " + t);
        }
        return t;
    }

    static Tensor uniform(String op, Generator g, TensorOptions options, int[] shape, double from, double to) {
        DType t = floating(op, options);
        return Dispatch.upload(draw(g, t, Shapes.numel(shape), 'u', from, to), t, shape, options.deviceOrDefault());
    }

    static Tensor normal(String op, Generator g, TensorOptions options, int[] shape, double mean, double std) {
        DType t = floating(op, options);
        return Dispatch.upload(draw(g, t, Shapes.numel(shape), 'n', mean, std), t, shape, options.deviceOrDefault());
    }

    /** Samples with {@code self}'s shape, dtype and device: {@code kind} is uniform(a, b), normal(a, b) or bernoulli(a). */
    static Tensor like(Tensor self, String op, Generator g, char kind, double a, double b) {
        DType t = self.dtype();
        if (!t.isFloatingPoint()) throw new IllegalArgumentException(op + ": expected a floating point tensor, got " + t);
        return Dispatch.upload(draw(g, t, self.numel(), kind, a, b), t, self.shape, self.device());
    }

    /** {@code n} host samples of a floating dtype: uniform(a, b) ('u'), normal(a, b) ('n') or bernoulli(a) ('b'). */
    private static Object draw(Generator g, DType t, int n, char kind, double a, double b) {
        if (t == DType.FLOAT32) {
            float[] v = new float[n];
            if (kind == 'u') g.uniform(v, a, b);
            else if (kind == 'n') g.normal(v, a, b);
            else g.bernoulli(v, a);
            return v;
        }
        double[] v = new double[n];
        if (kind == 'u') g.uniform(v, a, b);
        else if (kind == 'n') g.normal(v, a, b);
        else g.bernoulli(v, a);
        return v;
    }

    /** As {@code torch.randint}: PyTorch's checks of the bounds against the dtype, then INT64 draws converted. */
    static Tensor randint(Generator g, TensorOptions options, long low, long high, int[] shape) {
        if (low >= high) {
            throw new IllegalArgumentException("randint: expected low < high, but got low=" + low
                    + " and high=" + high);
        }
        DType t = options.dtypeOr(DType.INT64);
        if (t.isFloatingPoint()) {
            int digits = t == DType.FLOAT32 ? 24 : 53;
            long from = roundFromUp(low, digits);
            long to = roundToDown(high, digits);
            if (from >= to) {
                throw new IllegalArgumentException("randint: low=" + low + " and high=" + high + " leave no value of "
                        + t + " in [low, high)");
            }
            low = from;
            high = to;
        } else if (t == DType.BOOL) {
            checkBounds(t, low, high, 0, 1);
        } else if (t == DType.INT32) {
            checkBounds(t, low, high, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        long[] v = new long[Shapes.numel(shape)];
        g.randint(v, low, high);
        Tensor r = Dispatch.upload(v, DType.INT64, shape, options.deviceOrDefault());
        return r.to(t);
    }

    private static void checkBounds(DType t, long low, long high, long min, long max) {
        if (low < min || high - 1 > max) {
            throw new IllegalArgumentException("randint: low=" + low + " and high - 1=" + (high - 1)
                    + " must lie in the range of " + t + " [" + min + ", " + max + "]");
        }
    }

    /**
     * PyTorch's {@code update_from}: above 2^digits not every integer is representable, so a {@code low} that
     * would round below itself moves up to the next representable value.
     */
    static long roundFromUp(long from, int digits) {
        long fromPlus1 = asFloating(from + 1, digits);
        if (fromPlus1 >= from) return from;
        int n = 63 - Long.numberOfLeadingZeros(Math.abs(from + 1));
        return fromPlus1 + (1L << (n - digits + 1));
    }

    /** PyTorch's {@code update_to}: the mirror of {@link #roundFromUp} for the exclusive upper bound. */
    static long roundToDown(long to, int digits) {
        long toMinus1 = asFloating(to - 1, digits);
        if (toMinus1 < to) return to;
        int n = 63 - Long.numberOfLeadingZeros(Math.abs(to - 1));
        return toMinus1 - (1L << (n - digits + 1));
    }

    private static long asFloating(long v, int digits) {
        return digits == 24 ? (long) (float) v : (long) (double) v;
    }
}
