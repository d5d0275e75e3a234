package dev.nabla.cpu.simd;

import java.util.Arrays;

/**
 * Plain-Java double kernel shaped for C2's auto-vectorizer (JDK 17). C2 vectorizes {@code t[j] += x * b[j]} only when
 * every array shares the index: with offsets into one array ({@code c[ci + j] += x * b[bi + j]}) it cannot rule out
 * overlap. So the panel keeps each row of B in its own array and rows of C accumulate in scratch rows indexed the
 * same way. Each pass adds four rows of B into one row of C: with larger loop bodies (two rows of C sharing two or
 * more rows of B, or six rows of B) C2's default unrolling and loop-predication limits leave the loop scalar, 4–5×
 * slower (measured). The four rows of B stay in L1 while all rows of the block pass over them.
 * Template: FloatScalarGemmKernel is generated from this file by FloatKernelsGenerator.
 */
final class DoubleScalarGemmKernel implements DoubleGemmKernel {
    private static final int KC = 256;
    private static final int NC = 4096 / Double.BYTES;
    private static final int MC = 32;

    private final ThreadLocal<double[][][]> panels = ThreadLocal.withInitial(() -> new double[1][][]);
    private final ThreadLocal<double[][]> scratch = ThreadLocal.withInitial(() -> new double[MC][NC]);

    @Override
    public int kc() {
        return KC;
    }

    @Override
    public int nc() {
        return NC;
    }

    @Override
    public int mc() {
        return MC;
    }

    @Override
    public int mr() {
        return 1;
    }

    @Override
    public int nr() {
        return 8;
    }

    @Override
    public double[][] panel(int index, int kc, int nc) {
        double[][][] all = panels.get();
        if (index >= all.length) panels.set(all = Arrays.copyOf(all, Math.max(index + 1, 2 * all.length)));
        if (all[index] == null) all[index] = new double[KC][];
        double[][] panel = all[index];
        for (int p = 0; p < kc; p++) {
            // Rows grow to the widest product seen (at most NC), so narrow deep products stay small.
            if (panel[p] == null || panel[p].length < nc) panel[p] = new double[nc];
        }
        return panel;
    }

    @Override
    public void packB(double[][] panel, int kc, int j0, int j1, double[] b, int bo, int brs, int bcs) {
        for (int p = 0; p < kc; p++) {
            double[] row = panel[p];
            int src = bo + p * brs;
            if (bcs == 1) {
                System.arraycopy(b, src + j0, row, j0, j1 - j0);
            } else {
                for (int j = j0, s = src + j0 * bcs; j < j1; j++, s += bcs) row[j] = b[s];
            }
        }
    }

    @Override
    public void multiply(double[][] panel, int kc, int j0, int j1, double[] a, int ao, int ars, int acs, int rows,
                         double[] c, int co, int crs, int ccs, boolean accumulate) {
        double[][] t = scratch.get();
        for (int i = 0; i < rows; i++) Arrays.fill(t[i], j0, j1, 0);
        int p = 0;
        for (; p + 3 < kc; p += 4) {
            double[] b0 = panel[p];
            double[] b1 = panel[p + 1];
            double[] b2 = panel[p + 2];
            double[] b3 = panel[p + 3];
            for (int i = 0, x = ao + p * acs; i < rows; i++, x += ars) {
                axpy4(a[x], a[x + acs], a[x + 2 * acs], a[x + 3 * acs], b0, b1, b2, b3, t[i], j0, j1);
            }
        }
        for (; p < kc; p++) {
            double[] b0 = panel[p];
            for (int i = 0, x = ao + p * acs; i < rows; i++, x += ars) axpy(a[x], b0, t[i], j0, j1);
        }
        for (int i = 0; i < rows; i++) {
            double[] ti = t[i];
            int ci = co + i * crs + j0 * ccs;
            if (accumulate) {
                for (int j = j0; j < j1; j++, ci += ccs) c[ci] += ti[j];
            } else {
                for (int j = j0; j < j1; j++, ci += ccs) c[ci] = ti[j];
            }
        }
    }

    private static void axpy4(double x0, double x1, double x2, double x3, double[] b0, double[] b1, double[] b2,
                              double[] b3, double[] t, int j0, int j1) {
        for (int j = j0; j < j1; j++) t[j] += x0 * b0[j] + x1 * b1[j] + x2 * b2[j] + x3 * b3[j];
    }

    private static void axpy(double x, double[] b, double[] t, int j0, int j1) {
        for (int j = j0; j < j1; j++) t[j] += x * b[j];
    }
}
