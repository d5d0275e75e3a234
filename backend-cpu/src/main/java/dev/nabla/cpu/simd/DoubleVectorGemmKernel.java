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
            for (int i = 0; i < rows; i += MR) {
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

    private static void store(DoubleVector lo, DoubleVector hi, double[] c, int ci, boolean accumulate) {
        if (accumulate) {
            lo = lo.add(DoubleVector.fromArray(SPECIES, c, ci));
            hi = hi.add(DoubleVector.fromArray(SPECIES, c, ci + L));
        }
        lo.intoArray(c, ci);
        hi.intoArray(c, ci + L);
    }
}
