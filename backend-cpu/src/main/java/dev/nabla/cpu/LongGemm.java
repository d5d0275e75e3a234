package dev.nabla.cpu;

/**
 * One int64 matrix product {@code C = A·B} over strided operands, exact with wrap-around like Java's {@code long}.
 * A plain loop blocked for cache: AVX2 has no 64-bit vector multiply, so there is nothing for SIMD to win.
 */
final class LongGemm {
    /** Columns and depth of the block of B that stays in cache while every row of A passes over it. */
    private static final int NB = 256;
    private static final int KB = 128;

    private LongGemm() {
    }

    /** {@code C[m×n] = A[m×k] · B[k×n]}, each operand given as array, offset of element (0, 0), row and column stride. */
    static void multiply(long[] a, int ao, int ars, int acs, long[] b, int bo, int brs, int bcs,
                         long[] c, int co, int crs, int ccs, int m, int n, int k) {
        if (m == 0 || n == 0) return;
        int tasks = Parallel.tasksFor((long) m * n * k, DoubleGemm.GRAIN);
        int per = (m + tasks - 1) / tasks;
        Parallel.forEach(tasks, t -> rows(a, ao, ars, acs, b, bo, brs, bcs, c, co, crs, ccs,
                Math.min(m, t * per), Math.min(m, (t + 1) * per), n, k));
    }

    private static void rows(long[] a, int ao, int ars, int acs, long[] b, int bo, int brs, int bcs,
                             long[] c, int co, int crs, int ccs, int r0, int r1, int n, int k) {
        for (int i = r0; i < r1; i++) {
            for (int j = 0, ci = co + i * crs; j < n; j++, ci += ccs) c[ci] = 0;
        }
        for (int jc = 0; jc < n; jc += NB) {
            int j1 = Math.min(n, jc + NB);
            for (int pc = 0; pc < k; pc += KB) {
                int p1 = Math.min(k, pc + KB);
                for (int i = r0; i < r1; i++) {
                    int rowC = co + i * crs;
                    for (int p = pc; p < p1; p++) {
                        long x = a[ao + i * ars + p * acs];
                        if (x == 0) continue;
                        int rowB = bo + p * brs;
                        for (int j = jc; j < j1; j++) c[rowC + j * ccs] += x * b[rowB + j * bcs];
                    }
                }
            }
        }
    }
}
