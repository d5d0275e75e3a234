package dev.nabla.cpu;

import dev.nabla.spi.Strided;

/** Batched matrix multiply: each batch's operands are packed dense, then multiplied row by row. */
final class Gemm {
    private Gemm() {
    }

    static void matmul(Strided out, Strided a, Strided b) {
        int batches = a.shape()[0];
        int m = a.shape()[1];
        int k = a.shape()[2];
        int n = b.shape()[2];
        for (int batch = 0; batch < batches; batch++) {
            Object pa = pack(matrix(a, batch), m * k);
            Object pb = pack(matrix(b, batch), k * n);
            Object pc = CpuStorage.allocateArray(out.dtype(), m * n);
            int tasks = Parallel.tasksFor((long) m * n * Math.max(k, 1), ElementwiseLoop.GRAIN);
            int per = (m + tasks - 1) / tasks;
            Parallel.forEach(tasks, t -> rows(pa, pb, pc, t * per, Math.min(m, (t + 1) * per), k, n));
            Strided dst = matrix(out, batch);
            Strided dense = new Strided(new CpuStorage(out.dtype(), pc), dst.shape(), new int[] {n, 1}, 0);
            ElementwiseLoop.run(dst, new Strided[] {dense}, (in, o, s, e) -> System.arraycopy(in[0], s, o, s, e - s));
        }
    }

    private static Strided matrix(Strided s, int batch) {
        return new Strided(s.storage(), new int[] {s.shape()[1], s.shape()[2]}, new int[] {s.strides()[1], s.strides()[2]},
                s.offset() + batch * s.strides()[0]);
    }

    private static Object pack(Strided s, int size) {
        Object dst = CpuStorage.allocateArray(s.dtype(), size);
        Strided dense = new Strided(new CpuStorage(s.dtype(), dst), s.shape(), new int[] {s.shape()[1], 1}, 0);
        ElementwiseLoop.run(dense, new Strided[] {s}, (in, o, from, to) -> System.arraycopy(in[0], from, o, from, to - from));
        return dst;
    }

    private static void rows(Object a, Object b, Object c, int from, int to, int k, int n) {
        if (c instanceof float[] cc) {
            float[] aa = (float[]) a;
            float[] bb = (float[]) b;
            for (int i = from; i < to; i++) {
                for (int p = 0; p < k; p++) {
                    float x = aa[i * k + p];
                    for (int j = 0; j < n; j++) cc[i * n + j] += x * bb[p * n + j];
                }
            }
        } else if (c instanceof double[] cc) {
            double[] aa = (double[]) a;
            double[] bb = (double[]) b;
            for (int i = from; i < to; i++) {
                for (int p = 0; p < k; p++) {
                    double x = aa[i * k + p];
                    for (int j = 0; j < n; j++) cc[i * n + j] += x * bb[p * n + j];
                }
            }
        } else {
            long[] cc = (long[]) c;
            long[] aa = (long[]) a;
            long[] bb = (long[]) b;
            for (int i = from; i < to; i++) {
                for (int p = 0; p < k; p++) {
                    long x = aa[i * k + p];
                    for (int j = 0; j < n; j++) cc[i * n + j] += x * bb[p * n + j];
                }
            }
        }
    }
}
