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
            for (int i = 0; i < rows; i += MR) {
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
            store(c00, c01, c, co, accumulate);
            store(c10, c11, c, co + crs, accumulate);
            store(c20, c21, c, co + 2 * crs, accumulate);
            store(c30, c31, c, co + 3 * crs, accumulate);
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

    private static void store(FloatVector lo, FloatVector hi, float[] c, int ci, boolean accumulate) {
        if (accumulate) {
            lo = lo.add(FloatVector.fromArray(SPECIES, c, ci));
            hi = hi.add(FloatVector.fromArray(SPECIES, c, ci + L));
        }
        lo.intoArray(c, ci);
        hi.intoArray(c, ci + L);
    }
}
