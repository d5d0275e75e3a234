package dev.nabla.cpu;

import dev.nabla.spi.BinaryOp;

import java.util.Arrays;

/**
 * Row-at-a-time reductions of double arrays for {@link RowReduce}: {@code n} consecutive outputs, whose inputs for
 * reduced element r start at {@code base + red[r]}, are folded together with same-index loops. Per output, values
 * are combined in {@link Reduce}'s order and precision (pieces of {@code Reduce.BLOCK}, then eight-lane blocks for
 * sums), so the results match its one-output-at-a-time path bit for bit.
 * Template: FloatRowReduce is generated from this file by FloatKernelsGenerator.
 */
@SuppressWarnings("cast")
final class DoubleRowReduce {
    private static final int LANES_BLOCK = 1024;

    private DoubleRowReduce() {
    }

    /** Scratch rows for one task: eight sum lanes, the running value and its index, and per-output NaN flags. */
    static final class Scratch {
        final double[] lanes;
        final double[] best;
        final long[] index;
        final boolean[] nan;

        Scratch(int n) {
            lanes = new double[8 * n];
            best = new double[n];
            index = new long[n];
            nan = new boolean[n];
        }
    }

    /** Sums: within each piece, blocks of eight lanes added into a wide piece total; pieces added in wide precision. */
    static void sum(double[] a, int base, int[] red, double[] o, int outPos, int n, Scratch s, RowReduce.Wide w) {
        var total = w.total;
        var piece = w.piece;
        double[] lanes = s.lanes;
        Arrays.fill(total, 0, n, 0);
        for (int p0 = 0; p0 < red.length; p0 += Reduce.BLOCK) {
            int p1 = Math.min(red.length, p0 + Reduce.BLOCK);
            Arrays.fill(piece, 0, n, 0);
            for (int b0 = p0; b0 < p1; b0 += LANES_BLOCK) {
                int b1 = Math.min(p1, b0 + LANES_BLOCK);
                Arrays.fill(lanes, 0, 8 * n, 0);
                int r = b0;
                for (; r + 8 <= b1; r += 8) {
                    for (int lane = 0; lane < 8; lane++) addRow(lanes, lane * n, a, base + red[r + lane], n);
                }
                for (; r < b1; r++) addRow(lanes, 0, a, base + red[r], n);
                for (int j = 0; j < n; j++) {
                    piece[j] += ((lanes[j] + lanes[n + j]) + (lanes[2 * n + j] + lanes[3 * n + j]))
                            + ((lanes[4 * n + j] + lanes[5 * n + j]) + (lanes[6 * n + j] + lanes[7 * n + j]));
                }
            }
            for (int j = 0; j < n; j++) total[j] += (double) piece[j];
        }
        for (int j = 0; j < n; j++) o[outPos + j] = (double) total[j];
    }

    /** {@code acc[at + j] += a[from + j]} for j &lt; n: C2 does not vectorize this loop, the Vector API loops do. */
    private static void addRow(double[] acc, int at, double[] a, int from, int n) {
        if (n >= RowReduce.VECTOR_ROW && RowReduce.ADD != null) {
            RowReduce.ADD.binary(BinaryOp.ADD, acc, at, false, a, from, false, acc, at, n);
        } else {
            for (int j = 0; j < n; j++) acc[at + j] += a[from + j];
        }
    }

    /** Largest (or smallest) values; NaN where any value is NaN. */
    static void extreme(double[] a, int base, int[] red, double[] o, int outPos, int n, boolean max, Scratch s,
                        RowReduce.Wide w) {
        double[] best = s.best;
        boolean[] nan = s.nan;
        var total = w.total;
        Arrays.fill(total, 0, n, max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        Arrays.fill(nan, 0, n, false);
        for (int p0 = 0; p0 < red.length; p0 += Reduce.BLOCK) {
            int p1 = Math.min(red.length, p0 + Reduce.BLOCK);
            Arrays.fill(best, 0, n, max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
            for (int r = p0; r < p1; r++) {
                int src = base + red[r];
                for (int j = 0; j < n; j++) {
                    double v = a[src + j];
                    double b = best[j];
                    nan[j] |= v != v;
                    best[j] = Bits.select((max ? v > b : v < b) ? -1 : 0, v, b);
                }
            }
            // Pieces combine with Math.max/min, as Reduce's accumulator does (it orders -0.0 below 0.0).
            for (int j = 0; j < n; j++) total[j] = max ? Math.max(total[j], best[j]) : Math.min(total[j], best[j]);
        }
        for (int j = 0; j < n; j++) o[outPos + j] = nan[j] ? Double.NaN : (double) total[j];
    }

    /** Index (along the flattened reduced dims) of the first largest or smallest value, a NaN beating everything. */
    static void arg(double[] a, int base, int[] red, long[] o, int outPos, int n, boolean max, Scratch s) {
        double[] best = s.best;
        long[] index = s.index;
        System.arraycopy(a, base + red[0], best, 0, n);
        Arrays.fill(index, 0, n, 0);
        for (int r = 1; r < red.length; r++) {
            int src = base + red[r];
            for (int j = 0; j < n; j++) {
                double v = a[src + j];
                double b = best[j];
                long take = b == b & (v != v | (max ? v > b : v < b)) ? -1 : 0;
                best[j] = Bits.select(take, v, b);
                index[j] = (index[j] & ~take) | (r & take);
            }
        }
        System.arraycopy(index, 0, o, outPos, n);
    }
}
