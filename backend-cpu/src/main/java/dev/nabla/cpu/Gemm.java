package dev.nabla.cpu;

import dev.nabla.cpu.simd.GemmProvider;
import dev.nabla.spi.Strided;

/**
 * The backend's batched matrix product [B,M,K] × [B,K,N] → [B,M,N] over arbitrary strides (stride-0 batches
 * included): each batch is one product of {@link FloatGemm}, {@link DoubleGemm} or {@link LongGemm}. Batches of
 * small matrices run in parallel with each other instead of splitting every matrix.
 */
final class Gemm {
    private Gemm() {
    }

    /** {@code out[b] = a[b] · bm[b]} with the kernels picked at start-up. */
    static void matmul(Strided out, Strided a, Strided bm) {
        matmul(out, a, bm, GemmProvider.get());
    }

    /** {@code out[b] = a[b] · bm[b]} with the given kernels (tests and benchmarks compare both). */
    static void matmul(Strided out, Strided a, Strided bm, GemmProvider kernels) {
        int batches = a.shape()[0];
        int m = a.shape()[1];
        int k = a.shape()[2];
        int n = bm.shape()[2];
        if (batches == 0 || m == 0 || n == 0) return;
        Product product = switch (out.dtype()) {
            case FLOAT32 -> floats(out, a, bm, kernels);
            case FLOAT64 -> doubles(out, a, bm, kernels);
            case INT64 -> longs(out, a, bm);
            default -> throw new IllegalArgumentException("matmul: the CPU backend multiplies float32, float64 and "
                    + "int64 matrices, not " + out.dtype());
        };
        long work = (long) m * n * Math.max(k, 1);
        if (batches > 1 && work < 2 * DoubleGemm.GRAIN) {
            // Each product would stay on one thread anyway: hand whole batches to the threads instead.
            int tasks = Parallel.tasksFor(work * batches, DoubleGemm.GRAIN);
            int per = (batches + tasks - 1) / tasks;
            Parallel.forEach(tasks, t -> {
                for (int i = t * per; i < Math.min(batches, (t + 1) * per); i++) product.run(i);
            });
        } else {
            for (int i = 0; i < batches; i++) product.run(i);
        }
    }

    /** The product of one batch. */
    @FunctionalInterface
    private interface Product {
        void run(int batch);
    }

    private static Product floats(Strided out, Strided a, Strided b, GemmProvider kernels) {
        float[] aa = (float[]) CpuStorage.array(a);
        float[] bb = (float[]) CpuStorage.array(b);
        float[] cc = (float[]) CpuStorage.array(out);
        return i -> FloatGemm.multiply(kernels.float32(), aa, offset(a, i), a.strides()[1], a.strides()[2],
                bb, offset(b, i), b.strides()[1], b.strides()[2], cc, offset(out, i), out.strides()[1], out.strides()[2],
                a.shape()[1], b.shape()[2], a.shape()[2]);
    }

    private static Product doubles(Strided out, Strided a, Strided b, GemmProvider kernels) {
        double[] aa = (double[]) CpuStorage.array(a);
        double[] bb = (double[]) CpuStorage.array(b);
        double[] cc = (double[]) CpuStorage.array(out);
        return i -> DoubleGemm.multiply(kernels.float64(), aa, offset(a, i), a.strides()[1], a.strides()[2],
                bb, offset(b, i), b.strides()[1], b.strides()[2], cc, offset(out, i), out.strides()[1], out.strides()[2],
                a.shape()[1], b.shape()[2], a.shape()[2]);
    }

    private static Product longs(Strided out, Strided a, Strided b) {
        long[] aa = (long[]) CpuStorage.array(a);
        long[] bb = (long[]) CpuStorage.array(b);
        long[] cc = (long[]) CpuStorage.array(out);
        return i -> LongGemm.multiply(aa, offset(a, i), a.strides()[1], a.strides()[2],
                bb, offset(b, i), b.strides()[1], b.strides()[2], cc, offset(out, i), out.strides()[1], out.strides()[2],
                a.shape()[1], b.shape()[2], a.shape()[2]);
    }

    private static int offset(Strided s, int batch) {
        return s.offset() + batch * s.strides()[0];
    }
}
