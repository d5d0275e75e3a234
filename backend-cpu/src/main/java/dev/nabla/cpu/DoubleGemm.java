package dev.nabla.cpu;

import dev.nabla.cpu.simd.DoubleGemmKernel;

/**
 * One double matrix product {@code C = A·B} over strided operands: plain dot products when it is tiny, a single
 * row or at most a few columns wide, else Goto-style blocking around a {@link DoubleGemmKernel} (a kc × nc block of
 * B packed once per panel, shared by all threads, which split M, or the panel's columns when M is short, never K).
 * Template: FloatGemm is generated from this file by FloatKernelsGenerator.
 */
final class DoubleGemm {
    /** Products up to this many multiply-adds skip packing: it costs more than it saves (measured: about 8³). */
    private static final long DIRECT_MAX = 8 * 8 * 8;
    /** Products this narrow skip packing too: kernel tiles would be mostly padding (measured). */
    private static final int DIRECT_MAX_COLUMNS = 4;
    /**
     * Multiply-adds per task below which a product stays on one thread. A pool hand-off costs 5–50 µs: on the
     * 2-core machine two threads lost at 128³ and 160³, broke even at 192³–256³ and won from 512³ (under load).
     */
    static final long GRAIN = 128 * 128 * 128;
    /** Elements of B below which the calling thread packs it alone: packing them takes less than a hand-off. */
    private static final int PACK_GRAIN = 256 * 1024;

    private DoubleGemm() {
    }

    /** {@code C[m×n] = A[m×k] · B[k×n]}, each operand given as array, offset of element (0, 0), row and column stride. */
    static void multiply(DoubleGemmKernel kernel, double[] a, int ao, int ars, int acs, double[] b, int bo, int brs,
                         int bcs, double[] c, int co, int crs, int ccs, int m, int n, int k) {
        if (m == 0 || n == 0) return;
        long work = (long) m * n * k;
        if (k == 0) {
            for (int i = 0; i < m; i++) {
                for (int j = 0, ci = co + i * crs; j < n; j++, ci += ccs) c[ci] = 0;
            }
        } else if (work <= DIRECT_MAX || m == 1 || n <= DIRECT_MAX_COLUMNS) {
            int tasks = Parallel.tasksFor(work, GRAIN);
            boolean byRows = m >= n;
            int per = ((byRows ? m : n) + tasks - 1) / tasks;
            Parallel.forEach(tasks, t -> {
                int from = t * per;
                int to = Math.min((byRows ? m : n), from + per);
                if (byRows) direct(a, ao, ars, acs, b, bo, brs, bcs, c, co, crs, ccs, from, to, 0, n, k);
                else direct(a, ao, ars, acs, b, bo, brs, bcs, c, co, crs, ccs, 0, m, from, to, k);
            });
        } else {
            blocked(kernel, a, ao, ars, acs, b, bo, brs, bcs, c, co, crs, ccs, m, n, k, Parallel.tasksFor(work, GRAIN));
        }
    }

    /** Dot products for C[r0:r1, c0:c1], with four partial sums so that consecutive adds do not wait on each other. */
    private static void direct(double[] a, int ao, int ars, int acs, double[] b, int bo, int brs, int bcs,
                               double[] c, int co, int crs, int ccs, int r0, int r1, int c0, int c1, int k) {
        for (int i = r0; i < r1; i++) {
            for (int j = c0; j < c1; j++) {
                int x = ao + i * ars;
                int y = bo + j * bcs;
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                int p = 0;
                for (; p + 3 < k; p += 4, x += 4 * acs, y += 4 * brs) {
                    s0 += a[x] * b[y];
                    s1 += a[x + acs] * b[y + brs];
                    s2 += a[x + 2 * acs] * b[y + 2 * brs];
                    s3 += a[x + 3 * acs] * b[y + 3 * brs];
                }
                for (; p < k; p++, x += acs, y += brs) s0 += a[x] * b[y];
                c[co + i * crs + j * ccs] = (s0 + s1) + (s2 + s3);
            }
        }
    }

    private static void blocked(DoubleGemmKernel kernel, double[] a, int ao, int ars, int acs, double[] b, int bo,
                                int brs, int bcs, double[] c, int co, int crs, int ccs, int m, int n, int k, int tasks) {
        int kcMax = kernel.kc();
        int mr = kernel.mr();
        int nr = kernel.nr();
        int blocks = (k + kcMax - 1) / kcMax;
        // When all of B fits in one panel's worth of memory, pack every depth block of it at once: then the threads
        // are handed work once per product instead of twice per block (a hand-off costs 5-50 µs).
        boolean whole = n <= kernel.nc() && (long) k * ((n + nr - 1) / nr * nr) <= (long) kcMax * kernel.nc();
        int width = whole ? n : kernel.nc();
        int depth = whole ? blocks : 1;
        for (int jc = 0; jc < n; jc += width) {
            int nc = Math.min(width, n - jc);
            int rowUnits = (m + mr - 1) / mr;
            int colUnits = (nc + nr - 1) / nr;
            // Split M when it has a unit of work per task, else the panel's columns (A is then packed per task).
            boolean byRows = rowUnits >= Math.min(tasks, colUnits);
            int parts = Math.min(tasks, byRows ? rowUnits : colUnits);
            int rowsPer = byRows ? (rowUnits + parts - 1) / parts * mr : m;
            int colsPer = byRows ? nc : (colUnits + parts - 1) / parts * nr;
            for (int q0 = 0; q0 < blocks; q0 += depth) {
                int q1 = Math.min(blocks, q0 + depth);
                double[][][] panels = new double[q1 - q0][][];
                for (int q = q0; q < q1; q++) panels[q - q0] = kernel.panel(q - q0, depth(q, kcMax, k), nc);
                long packed = (long) nc * (Math.min(k, q1 * kcMax) - q0 * kcMax);
                int packParts = packed >= PACK_GRAIN ? Math.min(tasks, colUnits) : 1;
                int packPer = (colUnits + packParts - 1) / packParts * nr;
                int first = q0;
                int bPanel = bo + jc * bcs;
                Parallel.forEach(packParts, t -> {
                    int j0 = Math.min(nc, t * packPer);
                    int j1 = Math.min(nc, (t + 1) * packPer);
                    for (int q = first; q < q1; q++) {
                        kernel.packB(panels[q - first], depth(q, kcMax, k), j0, j1, b, bPanel + q * kcMax * brs, brs,
                                bcs);
                    }
                });
                int cPanel = co + jc * ccs;
                Parallel.forEach(parts, t -> {
                    int r0 = byRows ? Math.min(m, t * rowsPer) : 0;
                    int r1 = byRows ? Math.min(m, (t + 1) * rowsPer) : m;
                    int j0 = byRows ? 0 : Math.min(nc, t * colsPer);
                    int j1 = byRows ? nc : Math.min(nc, (t + 1) * colsPer);
                    for (int q = first; q < q1; q++) {
                        for (int i = r0; i < r1; ) {
                            int rows = Math.min(kernel.mc(), r1 - i);
                            kernel.multiply(panels[q - first], depth(q, kcMax, k), j0, j1, a,
                                    ao + i * ars + q * kcMax * acs, ars, acs, rows, c, cPanel + i * crs, crs, ccs, q > 0);
                            i += rows;
                        }
                    }
                });
            }
        }
    }

    /** Rows of B in depth block q. */
    private static int depth(int q, int kcMax, int k) {
        return Math.min(kcMax, k - q * kcMax);
    }
}
