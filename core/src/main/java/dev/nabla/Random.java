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
        int n = Shapes.numel(shape);
        Object data;
        if (t == DType.FLOAT32) {
            float[] v = new float[n];
            g.uniform(v, from, to);
            data = v;
        } else {
            double[] v = new double[n];
            g.uniform(v, from, to);
            data = v;
        }
        return Dispatch.upload(data, t, shape, options.deviceOrDefault());
    }

    static Tensor normal(String op, Generator g, TensorOptions options, int[] shape, double mean, double std) {
        DType t = floating(op, options);
        int n = Shapes.numel(shape);
        Object data;
        if (t == DType.FLOAT32) {
            float[] v = new float[n];
            g.normal(v, mean, std);
            data = v;
        } else {
            double[] v = new double[n];
            g.normal(v, mean, std);
            data = v;
        }
        return Dispatch.upload(data, t, shape, options.deviceOrDefault());
    }

    static Tensor randint(Generator g, TensorOptions options, long low, long high, int[] shape) {
        if (low >= high) {
            throw new IllegalArgumentException("randint: expected low < high, but got low=" + low + " and high=" + high);
        }
        DType t = options.dtypeOr(DType.INT64);
        long[] v = new long[Shapes.numel(shape)];
        g.randint(v, low, high);
        Tensor r = Dispatch.upload(v, DType.INT64, shape, options.deviceOrDefault());
        return r.to(t);
    }
}
