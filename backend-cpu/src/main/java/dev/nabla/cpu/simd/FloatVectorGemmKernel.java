package dev.nabla.cpu.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import java.util.Arrays;

/**
 * Goto/BLIS-style float kernel on the Vector API: A packed in 4-row strips, B in strips of two vectors, and a
 * 4 × 2-vector micro-kernel with 8 accumulators (A broadcast, fused multiply-add). Wider tiles spill under C2.
 * GENERATED from simd/DoubleVectorGemmKernel.java by FloatKernelsGenerator: edit the template, then regenerate.
 */
final class FloatVectorGemmKernel implements FloatGemmKernel {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int L = SPECIES.length();
    private static final int MR = 4;
    private static final int NR = 2 * L;
    private static final int KC = 256;
    private static final int MC = 120;
    /** 8 KiB per panel row, 2 MiB per panel at KC = 256: wide enough to amortize packing, small enough for L3. */
    private static final int NC = 8192 / Float.BYTES;

    private final ThreadLocal<float[][][]> panels = ThreadLocal.withInitial(() -> new float[1][][]);
    private final ThreadLocal<float[]> packedA = ThreadLocal.withInitial(() -> new float[MC * KC]);
    private final ThreadLocal<float[]> tiles = ThreadLocal.withInitial(() -> new float[MR * NR]);

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
    public float[][] panel(int index, int kc, int nc) {
        float[][][] all = panels.get();
        if (index >= all.length) panels.set(all = Arrays.copyOf(all, Math.max(index + 1, 2 * all.length)));
        if (all[index] == null) all[index] = new float[NC / NR][];
        float[][] panel = all[index];
        for (int s = 0; s * NR < nc; s++) {
            if (panel[s] == null) panel[s] = new float[KC * NR];
        }
        return panel;
    }

    @Override
    public void packB(float[][] panel, int kc, int j0, int j1, float[] b, int bo, int brs, int bcs) {
        for (int j = j0; j < j1; j += NR) {
            FloatStripPacking.packB(b, bo + j * bcs, brs, bcs, kc, Math.min(NR, j1 - j), NR, panel[j / NR]);
        }
    }

    @Override
    public void multiply(float[][] panel, int kc, int j0, int j1, float[] a, int ao, int ars, int acs, int rows,
                         float[] c, int co, int crs, int ccs, boolean accumulate) {
        float[] ap = packedA.get();
        float[] tile = tiles.get();
        FloatStripPacking.packA(a, ao, ars, acs, rows, kc, MR, ap);
        for (int j = j0; j < j1; j += NR) {
            float[] strip = panel[j / NR];
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
    private static void tile(int kc, float[] ap, int ai, float[] bp, float[] c, int co, int crs, int ccs,
                             int rows, int cols, boolean accumulate, float[] tile) {
        FloatVector c00 = FloatVector.zero(SPECIES);
        FloatVector c01 = c00;
        FloatVector c10 = c00;
        FloatVector c11 = c00;
        FloatVector c20 = c00;
        FloatVector c21 = c00;
        FloatVector c30 = c00;
        FloatVector c31 = c00;
        for (int p = 0, bi = 0; p < kc; p++, ai += MR, bi += NR) {
            FloatVector b0 = FloatVector.fromArray(SPECIES, bp, bi);
            FloatVector b1 = FloatVector.fromArray(SPECIES, bp, bi + L);
            FloatVector x = FloatVector.broadcast(SPECIES, ap[ai]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(SPECIES, ap[ai + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(SPECIES, ap[ai + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(SPECIES, ap[ai + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
        }
        if (rows == MR && cols == NR && ccs == 1) {
            // Written out rather than through a helper: a call that C2 declines to inline would box the vectors.
            int c1 = co + crs;
            int c2 = co + 2 * crs;
            int c3 = co + 3 * crs;
            if (accumulate) {
                c00 = c00.add(FloatVector.fromArray(SPECIES, c, co));
                c01 = c01.add(FloatVector.fromArray(SPECIES, c, co + L));
                c10 = c10.add(FloatVector.fromArray(SPECIES, c, c1));
                c11 = c11.add(FloatVector.fromArray(SPECIES, c, c1 + L));
                c20 = c20.add(FloatVector.fromArray(SPECIES, c, c2));
                c21 = c21.add(FloatVector.fromArray(SPECIES, c, c2 + L));
                c30 = c30.add(FloatVector.fromArray(SPECIES, c, c3));
                c31 = c31.add(FloatVector.fromArray(SPECIES, c, c3 + L));
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
    private static void narrowTile(int kc, float[] ap, int ai, float[] bp, float[] c, int co, int crs, int ccs,
                                   int cols, boolean accumulate, float[] tile) {
        FloatVector c0 = FloatVector.zero(SPECIES);
        FloatVector c1 = c0;
        FloatVector c2 = c0;
        FloatVector c3 = c0;
        FloatVector c4 = c0;
        FloatVector c5 = c0;
        FloatVector c6 = c0;
        FloatVector c7 = c0;
        for (int p = 0, bi = 0, ai2 = ai + kc * MR; p < kc; p++, ai += MR, ai2 += MR, bi += NR) {
            FloatVector b0 = FloatVector.fromArray(SPECIES, bp, bi);
            c0 = FloatVector.broadcast(SPECIES, ap[ai]).fma(b0, c0);
            c1 = FloatVector.broadcast(SPECIES, ap[ai + 1]).fma(b0, c1);
            c2 = FloatVector.broadcast(SPECIES, ap[ai + 2]).fma(b0, c2);
            c3 = FloatVector.broadcast(SPECIES, ap[ai + 3]).fma(b0, c3);
            c4 = FloatVector.broadcast(SPECIES, ap[ai2]).fma(b0, c4);
            c5 = FloatVector.broadcast(SPECIES, ap[ai2 + 1]).fma(b0, c5);
            c6 = FloatVector.broadcast(SPECIES, ap[ai2 + 2]).fma(b0, c6);
            c7 = FloatVector.broadcast(SPECIES, ap[ai2 + 3]).fma(b0, c7);
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
