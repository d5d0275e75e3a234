package dev.nabla.cpu;

import dev.nabla.spi.Strided;

/** Prefix sums along one dim, one line per task unit; each line is summed in index order. */
final class Scan {
    private Scan() {
    }

    static void cumsum(Strided out, Strided in, int dim) {
        int n = in.shape()[dim];
        Layout lines = Lines.of(dim, out, in);
        int count = lines.numel;
        if (count == 0 || n == 0) return;
        Object o = CpuStorage.array(out);
        Object a = CpuStorage.array(in);
        int os = out.strides()[dim];
        int as = in.strides()[dim];
        int tasks = Parallel.tasksFor((long) count * n, ElementwiseLoop.GRAIN);
        int per = (count + tasks - 1) / tasks;
        Parallel.forEach(tasks, t -> lines.forEachRun(Math.min(count, t * per), Math.min(count, (t + 1) * per),
                (pos, len) -> {
                    int op = pos[0];
                    int ap = pos[1];
                    for (int i = 0; i < len; i++) {
                        line(a, ap + i * lines.innerStride(1), as, o, op + i * lines.innerStride(0), os, n);
                    }
                }));
    }

    private static void line(Object a, int ai, int as, Object o, int oi, int os, int n) {
        if (a instanceof float[] x) FloatReduce.cumsum(x, ai, as, (float[]) o, oi, os, n);
        else if (a instanceof double[] x) DoubleReduce.cumsum(x, ai, as, (double[]) o, oi, os, n);
        else LongReduce.cumsum((long[]) a, ai, as, (long[]) o, oi, os, n);
    }
}
