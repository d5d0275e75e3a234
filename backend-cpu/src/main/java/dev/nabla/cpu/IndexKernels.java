package dev.nabla.cpu;

import dev.nabla.spi.Strided;

/**
 * gather and scatter along one dim. Every operand is walked in the index tensor's shape; the source (for gather)
 * or target (for scatter) gets stride 0 on {@code dim}, and the index value times that dim's stride is added.
 * Scatter runs on one thread, in index order, so duplicate targets resolve the same way every time.
 */
final class IndexKernels {
    private IndexKernels() {
    }

    /** The layout of {@code s} over {@code shape} with {@code dim} pinned at its first element. */
    private static Strided pinned(Strided s, int[] shape, int dim) {
        int[] strides = s.strides().clone();
        strides[dim] = 0;
        return new Strided(s.storage(), shape, strides, s.offset());
    }

    static void gather(Strided out, Strided in, int dim, Strided index) {
        int[] shape = index.shape();
        Layout l = Layout.of(out, index, pinned(in, shape, dim));
        int n = l.numel;
        if (n == 0) return;
        Object o = CpuStorage.array(out);
        long[] ix = (long[]) CpuStorage.array(index);
        Object a = CpuStorage.array(in);
        int step = in.strides()[dim];
        int so = l.innerStride(0);
        int si = l.innerStride(1);
        int sa = l.innerStride(2);
        int tasks = Parallel.tasksFor(n, ElementwiseLoop.GRAIN);
        int per = (n + tasks - 1) / tasks;
        Parallel.forEach(tasks, t -> l.forEachRun(Math.min(n, t * per), Math.min(n, (t + 1) * per),
                (pos, len) -> gatherRun(a, pos[2], sa, step, ix, pos[1], si, o, pos[0], so, len)));
    }

    private static void gatherRun(Object a, int ap, int sa, int step, long[] ix, int ip, int si, Object o, int op, int so,
                                  int len) {
        if (o instanceof float[] out) {
            float[] src = (float[]) a;
            for (int i = 0; i < len; i++) out[op + i * so] = src[ap + i * sa + (int) ix[ip + i * si] * step];
        } else if (o instanceof double[] out) {
            double[] src = (double[]) a;
            for (int i = 0; i < len; i++) out[op + i * so] = src[ap + i * sa + (int) ix[ip + i * si] * step];
        } else if (o instanceof long[] out) {
            long[] src = (long[]) a;
            for (int i = 0; i < len; i++) out[op + i * so] = src[ap + i * sa + (int) ix[ip + i * si] * step];
        } else if (o instanceof int[] out) {
            int[] src = (int[]) a;
            for (int i = 0; i < len; i++) out[op + i * so] = src[ap + i * sa + (int) ix[ip + i * si] * step];
        } else {
            boolean[] out = (boolean[]) o;
            boolean[] src = (boolean[]) a;
            for (int i = 0; i < len; i++) out[op + i * so] = src[ap + i * sa + (int) ix[ip + i * si] * step];
        }
    }

    static void scatter(Strided out, int dim, Strided index, Strided src, boolean accumulate) {
        int[] shape = index.shape();
        Layout l = Layout.of(src, index, pinned(out, shape, dim));
        int n = l.numel;
        if (n == 0) return;
        Object o = CpuStorage.array(out);
        long[] ix = (long[]) CpuStorage.array(index);
        Object s = CpuStorage.array(src);
        int step = out.strides()[dim];
        int ss = l.innerStride(0);
        int si = l.innerStride(1);
        int so = l.innerStride(2);
        l.forEachRun(0, n, (pos, len) -> scatterRun(s, pos[0], ss, ix, pos[1], si, o, pos[2], so, step, len, accumulate));
    }

    private static void scatterRun(Object s, int sp, int ss, long[] ix, int ip, int si, Object o, int op, int so, int step,
                                   int len, boolean add) {
        if (o instanceof float[] out) {
            float[] src = (float[]) s;
            for (int i = 0; i < len; i++) {
                int at = op + i * so + (int) ix[ip + i * si] * step;
                out[at] = add ? out[at] + src[sp + i * ss] : src[sp + i * ss];
            }
        } else if (o instanceof double[] out) {
            double[] src = (double[]) s;
            for (int i = 0; i < len; i++) {
                int at = op + i * so + (int) ix[ip + i * si] * step;
                out[at] = add ? out[at] + src[sp + i * ss] : src[sp + i * ss];
            }
        } else if (o instanceof long[] out) {
            long[] src = (long[]) s;
            for (int i = 0; i < len; i++) {
                int at = op + i * so + (int) ix[ip + i * si] * step;
                out[at] = add ? out[at] + src[sp + i * ss] : src[sp + i * ss];
            }
        } else if (o instanceof int[] out) {
            int[] src = (int[]) s;
            for (int i = 0; i < len; i++) {
                int at = op + i * so + (int) ix[ip + i * si] * step;
                out[at] = add ? out[at] + src[sp + i * ss] : src[sp + i * ss];
            }
        } else {
            boolean[] out = (boolean[]) o;
            boolean[] src = (boolean[]) s;
            for (int i = 0; i < len; i++) {
                int at = op + i * so + (int) ix[ip + i * si] * step;
                out[at] = add ? out[at] | src[sp + i * ss] : src[sp + i * ss];
            }
        }
    }
}
