package dev.nabla.cpu.simd;

import java.util.Arrays;

/**
 * Packs strided blocks into the layouts of the vector micro-kernels, zero-padded to whole strips so that edge
 * tiles run the same kernel: A in strips of {@code mr} rows ({@code p}-major), B in strips of {@code nr} columns.
 * Template: FloatStripPacking is generated from this file by FloatKernelsGenerator.
 */
final class DoubleStripPacking {
    private DoubleStripPacking() {
    }

    /** {@code dst[s*kc*mr + p*mr + r] = A[s*mr + r, p]} for {@code rows} rows of A at {@code a[ao]}, zero beyond. */
    static void packA(double[] a, int ao, int ars, int acs, int rows, int kc, int mr, double[] dst) {
        for (int s = 0; s * mr < rows; s++) {
            int base = s * kc * mr;
            int valid = Math.min(mr, rows - s * mr);
            int rowStart = ao + s * mr * ars;
            if (mr == 4 && valid == 4) {
                packFour(a, rowStart, ars, acs, kc, dst, base);
            } else if (Math.abs(acs) <= Math.abs(ars)) {
                for (int r = 0; r < valid; r++) {
                    int src = rowStart + r * ars;
                    for (int p = 0, d = base + r; p < kc; p++, d += mr, src += acs) dst[d] = a[src];
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    int src = rowStart + p * acs;
                    for (int r = 0, d = base + p * mr; r < valid; r++) dst[d + r] = a[src + r * ars];
                }
            }
            for (int r = valid; r < mr; r++) {
                for (int p = 0, d = base + r; p < kc; p++, d += mr) dst[d] = 0;
            }
        }
    }

    /** A whole strip of four rows, the vector kernels' height, written in order with no inner loop. */
    private static void packFour(double[] a, int rowStart, int ars, int acs, int kc, double[] dst, int base) {
        int r1 = rowStart + ars;
        int r2 = rowStart + 2 * ars;
        int r3 = rowStart + 3 * ars;
        for (int p = 0, d = base, q = 0; p < kc; p++, d += 4, q += acs) {
            dst[d] = a[rowStart + q];
            dst[d + 1] = a[r1 + q];
            dst[d + 2] = a[r2 + q];
            dst[d + 3] = a[r3 + q];
        }
    }

    /** {@code strip[p*nr + j] = B[p, j]} for {@code cols} columns of B at {@code b[bo]}, zero beyond. */
    static void packB(double[] b, int bo, int brs, int bcs, int kc, int cols, int nr, double[] strip) {
        if (bcs == 1) {
            for (int p = 0, src = bo, d = 0; p < kc; p++, src += brs, d += nr) {
                System.arraycopy(b, src, strip, d, cols);
            }
        } else if (Math.abs(brs) < Math.abs(bcs)) {
            for (int j = 0; j < cols; j++) {
                int src = bo + j * bcs;
                for (int p = 0, d = j; p < kc; p++, d += nr, src += brs) strip[d] = b[src];
            }
        } else {
            for (int p = 0; p < kc; p++) {
                int src = bo + p * brs;
                for (int j = 0, d = p * nr; j < cols; j++) strip[d + j] = b[src + j * bcs];
            }
        }
        if (cols < nr) {
            for (int p = 0, d = 0; p < kc; p++, d += nr) Arrays.fill(strip, d + cols, d + nr, 0);
        }
    }
}
