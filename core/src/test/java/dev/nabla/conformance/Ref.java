package dev.nabla.conformance;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Independent reference computations for the contracts: plain loops in double over Java arrays, with no call
 * into Nabla, so an expected value never comes from the code under test.
 */
final class Ref {
    private Ref() {
    }

    /** {@code n} reproducible values in [-1, 1), rounded to float so float32 and float64 tensors hold the same numbers. */
    static double[] values(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = (float) (r.nextDouble() * 2 - 1);
        return out;
    }

    /** The same values as floats. */
    static float[] floats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) out[i] = (float) values[i];
        return out;
    }

    /** Values as longs. */
    static long[] longs(double[] values) {
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) out[i] = (long) values[i];
        return out;
    }

    /** {@code n} reproducible integers in [lo, hi). */
    static double[] integers(long seed, int n, int lo, int hi) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = r.nextInt(lo, hi);
        return out;
    }

    static int numel(int[] shape) {
        int n = 1;
        for (int s : shape) n *= s;
        return n;
    }

    /** The shape left after reducing {@code dims} (non-negative): removed, or kept as size 1. */
    static int[] reducedShape(int[] shape, int[] dims, boolean keepdim) {
        boolean[] red = mask(shape.length, dims);
        int n = 0;
        for (int d = 0; d < shape.length; d++) if (keepdim || !red[d]) n++;
        int[] out = new int[n];
        for (int d = 0, j = 0; d < shape.length; d++) {
            if (!red[d]) out[j++] = shape[d];
            else if (keepdim) out[j++] = 1;
        }
        return out;
    }

    private static boolean[] mask(int rank, int[] dims) {
        boolean[] red = new boolean[rank];
        for (int d : dims) red[d < 0 ? d + rank : d] = true;
        return red;
    }

    /**
     * For each output of a reduction over {@code dims} (row-major over the kept dims), the input values it
     * combines, in row-major order of the reduced dims.
     */
    static double[][] groups(double[] data, int[] shape, int[] dims) {
        boolean[] red = mask(shape.length, dims);
        int outputs = 1;
        int per = 1;
        for (int d = 0; d < shape.length; d++) {
            if (red[d]) per *= shape[d];
            else outputs *= shape[d];
        }
        double[][] out = new double[outputs][per];
        int[] fill = new int[outputs];
        int[] idx = new int[shape.length];
        for (int i = 0; i < data.length; i++) {
            int o = 0;
            for (int d = 0; d < shape.length; d++) if (!red[d]) o = o * shape[d] + idx[d];
            out[o][fill[o]++] = data[i];
            for (int d = shape.length - 1; d >= 0; d--) {
                if (++idx[d] < shape[d]) break;
                idx[d] = 0;
            }
        }
        return out;
    }

    /** {@code f} applied to each group of a reduction over {@code dims}. */
    static double[] reduce(double[] data, int[] shape, int[] dims, ToDoubleFunction<double[]> f) {
        double[][] g = groups(data, shape, dims);
        double[] out = new double[g.length];
        for (int i = 0; i < g.length; i++) out[i] = f.applyAsDouble(g[i]);
        return out;
    }

    static double sum(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s;
    }

    static double mean(double[] v) {
        return sum(v) / v.length;
    }

    static double prod(double[] v) {
        double p = 1;
        for (double x : v) p *= x;
        return p;
    }

    static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            if (Double.isNaN(x)) return Double.NaN;
            m = Math.max(m, x);
        }
        return m;
    }

    static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            if (Double.isNaN(x)) return Double.NaN;
            m = Math.min(m, x);
        }
        return m;
    }

    /** The first index of the largest value, a NaN counting as larger than anything. */
    static double argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (Double.isNaN(v[best])) break;
            if (Double.isNaN(v[i]) || v[i] > v[best]) best = i;
        }
        return best;
    }

    /** The first index of the smallest value, a NaN counting as smaller than anything. */
    static double argmin(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (Double.isNaN(v[best])) break;
            if (Double.isNaN(v[i]) || v[i] < v[best]) best = i;
        }
        return best;
    }

    /** Two-pass variance with divisor {@code n - correction}. */
    static double var(double[] v, int correction) {
        double m = mean(v);
        double s = 0;
        for (double x : v) s += (x - m) * (x - m);
        return s / (v.length - correction);
    }

    /** Running sums along {@code dim} (non-negative) of a row-major array. */
    static double[] cumsum(double[] data, int[] shape, int dim) {
        int inner = 1;
        for (int d = dim + 1; d < shape.length; d++) inner *= shape[d];
        int n = shape[dim];
        double[] out = data.clone();
        for (int i = 0; i < data.length; i++) {
            if ((i / inner) % n != 0) out[i] = out[i - inner] + data[i];
        }
        return out;
    }

    /** {@code log(sum(exp(v)))} with the largest value factored out. */
    static double logsumexp(double[] v) {
        double m = max(v);
        double s = 0;
        for (double x : v) s += Math.exp(x - m);
        return m + Math.log(s);
    }

    /** The elements of a strided window onto {@code base}, in row-major order of {@code shape}. */
    static double[] strided(double[] base, int[] shape, int[] strides, int offset) {
        double[] out = new double[numel(shape)];
        int[] idx = new int[shape.length];
        for (int i = 0; i < out.length; i++) {
            int p = offset;
            for (int d = 0; d < shape.length; d++) p += idx[d] * strides[d];
            out[i] = base[p];
            for (int d = shape.length - 1; d >= 0; d--) {
                if (++idx[d] < shape[d]) break;
                idx[d] = 0;
            }
        }
        return out;
    }

    /** {@code [m, k] x [k, n]} row-major, by the triple loop in double. */
    static double[] matmul(double[] a, double[] b, int m, int k, int n) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) s += a[i * k + p] * b[p * n + j];
                c[i * n + j] = s;
            }
        }
        return c;
    }
}
