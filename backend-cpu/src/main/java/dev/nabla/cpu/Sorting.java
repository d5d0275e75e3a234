package dev.nabla.cpu;

import dev.nabla.spi.Strided;

/**
 * Stable argsort along one dim: each line's keys are copied out (as double, exact for float32/float64, or as
 * long), and a merge sort orders the indices; NaN sorts as the largest value, as in PyTorch.
 */
final class Sorting {
    private Sorting() {
    }

    static void argsort(Strided out, Strided in, int dim, boolean descending) {
        int n = in.shape()[dim];
        Layout lines = Lines.of(dim, out, in);
        int count = lines.numel;
        if (count == 0 || n == 0) return;
        long[] o = (long[]) CpuStorage.array(out);
        Object a = CpuStorage.array(in);
        int os = out.strides()[dim];
        int as = in.strides()[dim];
        int tasks = Parallel.tasksFor((long) count * n * 8, ElementwiseLoop.GRAIN);
        int per = (count + tasks - 1) / tasks;
        Parallel.forEach(tasks, t -> {
            int[] idx = new int[n];
            int[] tmp = new int[n];
            double[] dk = a instanceof long[] ? null : new double[n];
            long[] lk = a instanceof long[] ? new long[n] : null;
            lines.forEachRun(Math.min(count, t * per), Math.min(count, (t + 1) * per), (pos, len) -> {
                for (int r = 0; r < len; r++) {
                    int ap = pos[1] + r * lines.innerStride(1);
                    int op = pos[0] + r * lines.innerStride(0);
                    load(a, ap, as, n, dk, lk);
                    for (int i = 0; i < n; i++) idx[i] = i;
                    mergeSort(idx, tmp, 0, n, dk, lk, descending);
                    for (int i = 0; i < n; i++) o[op + i * os] = idx[i];
                }
            });
        });
    }

    private static void load(Object a, int p, int stride, int n, double[] dk, long[] lk) {
        if (a instanceof float[] x) {
            for (int i = 0; i < n; i++) dk[i] = x[p + i * stride];
        } else if (a instanceof double[] x) {
            for (int i = 0; i < n; i++) dk[i] = x[p + i * stride];
        } else {
            long[] x = (long[]) a;
            for (int i = 0; i < n; i++) lk[i] = x[p + i * stride];
        }
    }

    /** Orders idx[from..to) by key; equal keys keep their order. */
    private static void mergeSort(int[] idx, int[] tmp, int from, int to, double[] dk, long[] lk, boolean desc) {
        if (to - from < 2) return;
        if (to - from <= 16) {
            for (int i = from + 1; i < to; i++) {
                int v = idx[i];
                int j = i - 1;
                while (j >= from && compare(idx[j], v, dk, lk, desc) > 0) {
                    idx[j + 1] = idx[j];
                    j--;
                }
                idx[j + 1] = v;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(idx, tmp, from, mid, dk, lk, desc);
        mergeSort(idx, tmp, mid, to, dk, lk, desc);
        if (compare(idx[mid - 1], idx[mid], dk, lk, desc) <= 0) return;
        System.arraycopy(idx, from, tmp, from, to - from);
        for (int i = from, l = from, r = mid; i < to; i++) {
            if (r >= to || (l < mid && compare(tmp[l], tmp[r], dk, lk, desc) <= 0)) {
                idx[i] = tmp[l++];
            } else {
                idx[i] = tmp[r++];
            }
        }
    }

    /** Compares the keys at two positions in the requested direction; NaN is the largest value and equals NaN. */
    private static int compare(int i, int j, double[] dk, long[] lk, boolean desc) {
        int c;
        if (lk != null) {
            c = Long.compare(lk[i], lk[j]);
        } else {
            double x = dk[i];
            double y = dk[j];
            if (x < y) c = -1;
            else if (x > y) c = 1;
            else c = Boolean.compare(x != x, y != y);
        }
        return desc ? -c : c;
    }
}
