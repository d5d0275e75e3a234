package dev.nabla.cpu.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

import java.util.Arrays;

/**
 * Goto/BLIS-style double kernel on the Vector API: A packed in 4-row strips, B in strips of two vectors, and a
 * 4 × 2-vector micro-kernel with 8 accumulators (A broadcast, fused multiply-add). Wider tiles spill under C2.
 * Template: FloatVectorGemmKernel is generated from this file by FloatKernelsGenerator.
 */
final class DoubleVectorGemmKernel implements DoubleGemmKernel {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int L = SPECIES.length();
    private static final int MR = 4;
    private static final int NR = 2 * L;
    private static final int KC = 256;
    private static final int MC = 120;
    /** 8 KiB per panel row, 2 MiB per panel at KC = 256: wide enough to amortize packing, small enough for L3. */
    private static final int NC = 8192 / Double.BYTES;

    private final ThreadLocal<double[][][]> panels = ThreadLocal.withInitial(() -> new double[1][][]);
    private final ThreadLocal<double[]> packedA = ThreadLocal.withInitial(() -> new double[MC * KC]);
    private final ThreadLocal<double[]> tiles = ThreadLocal.withInitial(() -> new double[MR * NR]);

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
        return MR;
    }

    @Override
    public int nr() {
        return NR;
    }

    @Override
    public double[][] panel(int index, int kc, int nc) {
        double[][][] all = panels.get();
        if (index >= all.length) panels.set(all = Arrays.copyOf(all, Math.max(index + 1, 2 * all.length)));
        if (all[index] == null) all[index] = new double[NC / NR][];
        double[][] panel = all[index];
        for (int s = 0; s * NR < nc; s++) {
            if (panel[s] == null) panel[s] = new double[KC * NR];
        }
        return panel;
    }

    @Override
    public void packB(double[][] panel, int kc, int j0, int j1, double[] b, int bo, int brs, int bcs) {
        for (int j = j0; j < j1; j += NR) {
            DoubleStripPacking.packB(b, bo + j * bcs, brs, bcs, kc, Math.min(NR, j1 - j), NR, panel[j / NR]);
        }
    }

    @Override
    public void multiply(double[][] panel, int kc, int j0, int j1, double[] a, int ao, int ars, int acs, int rows,
                         double[] c, int co, int crs, int ccs, boolean accumulate) {
        double[] ap = packedA.get();
        double[] tile = tiles.get();
        DoubleStripPacking.packA(a, ao, ars, acs, rows, kc, MR, ap);
        for (int j = j0; j < j1; j += NR) {
            double[] strip = panel[j / NR];
            int cols = Math.min(NR, j1 - j);
            int i = 0;
            if (cols <= L) {
                for (; i + 2 * MR <= rows; i += 2 * MR) {
                    narrowTile(kc, ap, i * kc, strip, c, co + i * crs + j * ccs, crs, ccs, cols, accumulate, tile);
                }
            }
            for (; i < rows; i += MR) {
                tile(kc, ap, i * kc, strip, c, co + i * crs + j * ccs, crs, ccs, Math.min(MR, rows - i), cols,
                        accumulate, tile);
            }
        }
    }

    /** One MR × NR tile of C from a packed A strip at {@code ap[ai]} and a packed B strip. */
    private static void tile(int kc, double[] ap, int ai, double[] bp, double[] c, int co, int crs, int ccs,
                             int rows, int cols, boolean accumulate, double[] tile) {
        DoubleVector c00 = DoubleVector.zero(SPECIES);
        DoubleVector c01 = c00;
        DoubleVector c10 = c00;
        DoubleVector c11 = c00;
        DoubleVector c20 = c00;
        DoubleVector c21 = c00;
        DoubleVector c30 = c00;
        DoubleVector c31 = c00;
        for (int p = 0, bi = 0; p < kc; p++, ai += MR, bi += NR) {
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, bp, bi);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, bp, bi + L);
            DoubleVector x = DoubleVector.broadcast(SPECIES, ap[ai]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = DoubleVector.broadcast(SPECIES, ap[ai + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = DoubleVector.broadcast(SPECIES, ap[ai + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = DoubleVector.broadcast(SPECIES, ap[ai + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
        }
        if (rows == MR && cols == NR && ccs == 1) {
            // Written out rather than through a helper: a call that C2 declines to inline would box the vectors.
            int c1 = co + crs;
            int c2 = co + 2 * crs;
            int c3 = co + 3 * crs;
            if (accumulate) {
                c00 = c00.add(DoubleVector.fromArray(SPECIES, c, co));
                c01 = c01.add(DoubleVector.fromArray(SPECIES, c, co + L));
                c10 = c10.add(DoubleVector.fromArray(SPECIES, c, c1));
                c11 = c11.add(DoubleVector.fromArray(SPECIES, c, c1 + L));
                c20 = c20.add(DoubleVector.fromArray(SPECIES, c, c2));
                c21 = c21.add(DoubleVector.fromArray(SPECIES, c, c2 + L));
                c30 = c30.add(DoubleVector.fromArray(SPECIES, c, c3));
                c31 = c31.add(DoubleVector.fromArray(SPECIES, c, c3 + L));
            }
            c00.intoArray(c, co);
            c01.intoArray(c, co + L);
            c10.intoArray(c, c1);
            c11.intoArray(c, c1 + L);
            c20.intoArray(c, c2);
            c21.intoArray(c, c2 + L);
            c30.intoArray(c, c3);
            c31.intoArray(c, c3 + L);
            return;
        }
        c00.intoArray(tile, 0);
        c01.intoArray(tile, L);
        c10.intoArray(tile, NR);
        c11.intoArray(tile, NR + L);
        c20.intoArray(tile, 2 * NR);
        c21.intoArray(tile, 2 * NR + L);
        c30.intoArray(tile, 3 * NR);
        c31.intoArray(tile, 3 * NR + L);
        for (int r = 0; r < rows; r++) {
            for (int j = 0, t = r * NR, ci = co + r * crs; j < cols; j++, t++, ci += ccs) {
                c[ci] = accumulate ? c[ci] + tile[t] : tile[t];
            }
        }
    }

    /**
     * Two MR × L tiles, for a last strip at most one vector wide (N = 100 leaves 4 columns after three full
     * strips): a full tile there spends half its multiply-adds on zero padding. Taking two strips of A keeps eight
     * independent accumulators, and each element of C still sums its products in order, as in {@link #tile}.
     */
    private static void narrowTile(int kc, double[] ap, int ai, double[] bp, double[] c, int co, int crs, int ccs,
                                   int cols, boolean accumulate, double[] tile) {
        DoubleVector c0 = DoubleVector.zero(SPECIES);
        DoubleVector c1 = c0;
        DoubleVector c2 = c0;
        DoubleVector c3 = c0;
        DoubleVector c4 = c0;
        DoubleVector c5 = c0;
        DoubleVector c6 = c0;
        DoubleVector c7 = c0;
        for (int p = 0, bi = 0, ai2 = ai + kc * MR; p < kc; p++, ai += MR, ai2 += MR, bi += NR) {
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, bp, bi);
            c0 = DoubleVector.broadcast(SPECIES, ap[ai]).fma(b0, c0);
            c1 = DoubleVector.broadcast(SPECIES, ap[ai + 1]).fma(b0, c1);
            c2 = DoubleVector.broadcast(SPECIES, ap[ai + 2]).fma(b0, c2);
            c3 = DoubleVector.broadcast(SPECIES, ap[ai + 3]).fma(b0, c3);
            c4 = DoubleVector.broadcast(SPECIES, ap[ai2]).fma(b0, c4);
            c5 = DoubleVector.broadcast(SPECIES, ap[ai2 + 1]).fma(b0, c5);
            c6 = DoubleVector.broadcast(SPECIES, ap[ai2 + 2]).fma(b0, c6);
            c7 = DoubleVector.broadcast(SPECIES, ap[ai2 + 3]).fma(b0, c7);
        }
        // One store per accumulator: an array of vectors would box them.
        c0.intoArray(tile, 0);
        c1.intoArray(tile, L);
        c2.intoArray(tile, 2 * L);
        c3.intoArray(tile, 3 * L);
        c4.intoArray(tile, 4 * L);
        c5.intoArray(tile, 5 * L);
        c6.intoArray(tile, 6 * L);
        c7.intoArray(tile, 7 * L);
        for (int r = 0; r < 2 * MR; r++) {
            for (int j = 0, t = r * L, ci = co + r * crs; j < cols; j++, t++, ci += ccs) {
                c[ci] = accumulate ? c[ci] + tile[t] : tile[t];
            }
        }
    }
}
