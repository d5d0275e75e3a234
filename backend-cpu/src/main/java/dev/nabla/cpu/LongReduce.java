package dev.nabla.cpu;

/** Reductions of a dense run {@code a[from..to)} of longs; sums and products wrap on overflow like C. */
final class LongReduce {
    private LongReduce() {
    }

    static long sum(long[] a, int from, int to) {
        long s = 0;
        for (int i = from; i < to; i++) s += a[i];
        return s;
    }

    static long prod(long[] a, int from, int to) {
        long p = 1;
        for (int i = from; i < to; i++) p *= a[i];
        return p;
    }

    static long max(long[] a, int from, int to) {
        long m = Long.MIN_VALUE;
        for (int i = from; i < to; i++) m = Math.max(m, a[i]);
        return m;
    }

    static long min(long[] a, int from, int to) {
        long m = Long.MAX_VALUE;
        for (int i = from; i < to; i++) m = Math.min(m, a[i]);
        return m;
    }

    /** The index of the first largest value. */
    static int argmax(long[] a, int from, int to) {
        int best = from;
        for (int i = from + 1; i < to; i++) if (a[i] > a[best]) best = i;
        return best;
    }

    /** The index of the first smallest value. */
    static int argmin(long[] a, int from, int to) {
        int best = from;
        for (int i = from + 1; i < to; i++) if (a[i] < a[best]) best = i;
        return best;
    }

    static void cumsum(long[] a, int ai, int as, long[] o, int oi, int os, int n) {
        long s = 0;
        for (int i = 0; i < n; i++) {
            s += a[ai + i * as];
            o[oi + i * os] = s;
        }
    }
}
