package dev.nabla.cpu;

import dev.nabla.DType;
import dev.nabla.cpu.simd.ElementwiseKernels;
import dev.nabla.spi.BinaryOp;
import dev.nabla.spi.ReduceOp;

/**
 * The fast path of {@link Reduce} for reductions whose consecutive outputs read consecutive inputs: the kept
 * innermost dim has stride 1 in both the input and the output (pooling over window taps, column sums). The
 * generic path pays a call, a staged gather and a store per output, which dominates when each output folds only
 * a few elements; here whole rows of outputs are folded per reduced element instead. Work items are runs of
 * outputs, each folded in a fixed order, so results do not depend on the thread count.
 */
final class RowReduce {
    /** The fewest consecutive outputs worth a row: below this the generic path is as fast. */
    private static final int MIN_ROW = 8;
    /** Outputs per work item: the scratch rows stay in L1/L2. */
    private static final int CHUNK = 512;
    /** The Vector API loops that add rows of sums, or null without them. */
    static final ElementwiseKernels ADD = vectorAdd();
    /** Rows at least this long are added by {@link #ADD}. */
    static final int VECTOR_ROW = 64;

    private RowReduce() {
    }

    /** True for float SUM, MAX, MIN, ARGMAX and ARGMIN whose kept layout ends in a unit-stride run of outputs. */
    static boolean applies(ReduceOp op, DType type, Layout kept, int count) {
        if (type != DType.FLOAT32 && type != DType.FLOAT64) return false;
        if (op != ReduceOp.SUM && op != ReduceOp.MAX && op != ReduceOp.MIN && op != ReduceOp.ARGMAX
                && op != ReduceOp.ARGMIN) {
            return false;
        }
        return count > 0 && kept.rank() > 0 && kept.innerStride(0) == 1 && kept.innerStride(1) == 1
                && kept.shape[kept.rank() - 1] >= MIN_ROW;
    }

    /** Reduces every output of {@code kept} over the elements of {@code red} (whose offset is 0). */
    static void run(ReduceOp op, Layout kept, Layout red, Object in, Object out, int count) {
        int inner = kept.shape[kept.rank() - 1];
        int rows = kept.numel / inner;
        int chunks = (inner + CHUNK - 1) / CHUNK;
        int[] offsets = new int[count];
        for (int r = 0; r < count; r++) offsets[r] = red.position(0, r);
        int items = rows * chunks;
        int tasks = Math.min(items, Parallel.tasksFor((long) kept.numel * count, ElementwiseLoop.GRAIN));
        int per = (items + tasks - 1) / tasks;
        boolean isFloat = in instanceof float[];
        Parallel.forEach(tasks, t -> {
            int width = Math.min(CHUNK, inner);
            FloatRowReduce.Scratch fs = isFloat ? new FloatRowReduce.Scratch(width) : null;
            DoubleRowReduce.Scratch ds = isFloat ? null : new DoubleRowReduce.Scratch(width);
            Wide w = new Wide(width);
            for (int item = t * per, end = Math.min(items, item + per); item < end; item++) {
                int first = item / chunks * inner + item % chunks * CHUNK;
                int n = Math.min(CHUNK, inner - item % chunks * CHUNK);
                int base = kept.position(1, first);
                int at = kept.position(0, first);
                if (isFloat) {
                    fold(op, (float[]) in, base, offsets, out, at, n, fs, w);
                } else {
                    fold(op, (double[]) in, base, offsets, out, at, n, ds, w);
                }
            }
        });
    }

    private static void fold(ReduceOp op, float[] a, int base, int[] red, Object out, int at, int n,
                             FloatRowReduce.Scratch s, Wide w) {
        switch (op) {
            case SUM -> FloatRowReduce.sum(a, base, red, (float[]) out, at, n, s, w);
            case MAX, MIN -> FloatRowReduce.extreme(a, base, red, (float[]) out, at, n, op == ReduceOp.MAX, s, w);
            default -> FloatRowReduce.arg(a, base, red, (long[]) out, at, n, op == ReduceOp.ARGMAX, s);
        }
    }

    private static void fold(ReduceOp op, double[] a, int base, int[] red, Object out, int at, int n,
                             DoubleRowReduce.Scratch s, Wide w) {
        switch (op) {
            case SUM -> DoubleRowReduce.sum(a, base, red, (double[]) out, at, n, s, w);
            case MAX, MIN -> DoubleRowReduce.extreme(a, base, red, (double[]) out, at, n, op == ReduceOp.MAX, s, w);
            default -> DoubleRowReduce.arg(a, base, red, (long[]) out, at, n, op == ReduceOp.ARGMAX, s);
        }
    }

    private static ElementwiseKernels vectorAdd() {
        ElementwiseKernels k = ElementwiseKernels.get();
        return k.supports(BinaryOp.ADD, DType.FLOAT32) && k.supports(BinaryOp.ADD, DType.FLOAT64) ? k : null;
    }

    /** Rows kept in double whatever the element type, as Reduce's accumulator keeps its running value. */
    static final class Wide {
        final double[] piece;
        final double[] total;

        Wide(int n) {
            piece = new double[n];
            total = new double[n];
        }
    }
}
