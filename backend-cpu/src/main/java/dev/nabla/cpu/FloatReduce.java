package dev.nabla.cpu;

/**
 * Reductions of a dense run {@code a[from..to)} of floats. Sums and products accumulate in float across
 * blocks of eight independent lanes, a fixed order that keeps results identical for any thread count.
 * GENERATED from DoubleReduce.java by FloatKernelsGenerator: edit the template, then regenerate.
 */
final class FloatReduce {
    private static final int LANES_BLOCK = 1024;

    private FloatReduce() {
    }

    /** The sum, accumulated per block in eight lanes and across blocks in float precision. */
    static float sum(float[] a, int from, int to) {
        var total = 0.0;
        for (int b = from; b < to; b += LANES_BLOCK) total += blockSum(a, b, Math.min(to, b + LANES_BLOCK));
        return (float) total;
    }

    private static float blockSum(float[] a, int from, int to) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            s0 += a[i];
            s1 += a[i + 1];
            s2 += a[i + 2];
            s3 += a[i + 3];
            s4 += a[i + 4];
            s5 += a[i + 5];
            s6 += a[i + 6];
            s7 += a[i + 7];
        }
        for (; i < to; i++) s0 += a[i];
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /** The product, accumulated in float precision. */
    static float prod(float[] a, int from, int to) {
        var p = 1.0;
        for (int i = from; i < to; i++) p *= a[i];
        return (float) p;
    }

    /** The largest value; NaN if any value is NaN; negative infinity for an empty run. */
    static float max(float[] a, int from, int to) {
        float m = Float.NEGATIVE_INFINITY;
        boolean nan = false;
        for (int i = from; i < to; i++) {
            float v = a[i];
            nan |= v != v;
            m = v > m ? v : m;
        }
        return nan ? Float.NaN : m;
    }

    /** The smallest value; NaN if any value is NaN; positive infinity for an empty run. */
    static float min(float[] a, int from, int to) {
        float m = Float.POSITIVE_INFINITY;
        boolean nan = false;
        for (int i = from; i < to; i++) {
            float v = a[i];
            nan |= v != v;
            m = v < m ? v : m;
        }
        return nan ? Float.NaN : m;
    }

    /** The index of the first largest value, a NaN counting as largest; {@code from} for an empty run. */
    static int argmax(float[] a, int from, int to) {
        int best = from;
        for (int i = from + 1; i < to; i++) {
            float v = a[i];
            float b = a[best];
            if (b != b) break;
            if (v > b || v != v) best = i;
        }
        return best;
    }

    /** The index of the first smallest value, a NaN counting as smallest; {@code from} for an empty run. */
    static int argmin(float[] a, int from, int to) {
        int best = from;
        for (int i = from + 1; i < to; i++) {
            float v = a[i];
            float b = a[best];
            if (b != b) break;
            if (v < b || v != v) best = i;
        }
        return best;
    }

    /** Inclusive running sum of a run with stride into another, accumulated in float precision. */
    static void cumsum(float[] a, int ai, int as, float[] o, int oi, int os, int n) {
        var s = 0.0;
        for (int i = 0; i < n; i++) {
            s += a[ai + i * as];
            o[oi + i * os] = (float) s;
        }
    }
}
