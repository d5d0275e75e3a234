package dev.nabla.cpu;

import dev.nabla.DType;
import dev.nabla.spi.ReduceOp;
import dev.nabla.spi.Strided;

/**
 * Reductions over any set of dims. The input is viewed as kept dims x reduced dims; each output folds its
 * reduced elements in index order, straight from storage when they are contiguous, else through a staged
 * block. A full reduction is cut into fixed-size pieces merged in order, so the thread count never changes a bit.
 */
final class Reduce {
    /** Elements per staged block and per piece of a full reduction. */
    static final int BLOCK = 4096;
    private static final int PIECE = 1 << 16;

    private Reduce() {
    }

    static void reduce(ReduceOp op, Strided out, Strided in, int[] dims) {
        int rank = in.rank();
        int n = in.numel();
        if (dims.length == rank && n > 0 && n <= PIECE && in.isContiguous()) {
            // One piece of a contiguous run to one output: what full() would do, minus the layout work.
            Accumulator acc = new Accumulator(op, in.dtype());
            acc.add(CpuStorage.array(in), in.offset(), in.offset() + n, 0);
            acc.store(CpuStorage.array(out), out.offset());
            return;
        }
        boolean[] reduced = new boolean[rank];
        for (int d : dims) reduced[d] = true;
        int nKept = rank - dims.length;
        int[] keptShape = new int[nKept];
        int[] keptIn = new int[nKept];
        int[] keptOut = new int[nKept];
        int[] redShape = new int[dims.length];
        int[] redIn = new int[dims.length];
        for (int d = 0, k = 0, r = 0; d < rank; d++) {
            if (reduced[d]) {
                redShape[r] = in.shape()[d];
                redIn[r++] = in.strides()[d];
            } else {
                keptShape[k] = in.shape()[d];
                keptIn[k] = in.strides()[d];
                keptOut[k++] = out.strides()[d];
            }
        }
        Layout kept = Layout.of(new Strided(out.storage(), keptShape, keptOut, out.offset()),
                new Strided(in.storage(), keptShape, keptIn, in.offset()));
        Layout red = Layout.of(new Strided(in.storage(), redShape, redIn, 0));
        int outputs = kept.numel;
        int count = red.numel;
        if (outputs == 0) return;
        Object inArray = CpuStorage.array(in);
        Object outArray = CpuStorage.array(out);
        DType type = in.dtype();

        if (outputs > 1 && RowReduce.applies(op, type, kept, count)) {
            RowReduce.run(op, kept, red, inArray, outArray, count);
            return;
        }
        if (outputs == 1) {
            Accumulator total = full(op, type, red, inArray, kept.position(1, 0), count);
            total.store(outArray, kept.position(0, 0));
            return;
        }
        int tasks = Parallel.tasksFor((long) outputs * Math.max(count, 1), ElementwiseLoop.GRAIN);
        int per = (outputs + tasks - 1) / tasks;
        Parallel.forEach(tasks, t -> {
            Accumulator acc = new Accumulator(op, type);
            Object buf = red.contiguous(0) ? null : type.newArray(Math.min(BLOCK, Math.max(count, 1)));
            for (int o = t * per, end = Math.min(outputs, o + per); o < end; o++) {
                acc.reset();
                fold(acc, red, inArray, kept.position(1, o), 0, count, buf);
                acc.store(outArray, kept.position(0, o));
            }
        });
    }

    /** A reduction to one output, in pieces of fixed size whose partial results merge in order. */
    private static Accumulator full(ReduceOp op, DType type, Layout red, Object inArray, int base, int count) {
        int pieces = Math.max(1, (count + PIECE - 1) / PIECE);
        Accumulator[] partial = new Accumulator[pieces];
        Parallel.forEach(pieces, p -> partial[p] =
                foldRange(op, type, red, inArray, base, p * PIECE, Math.min(count, (p + 1) * PIECE)));
        for (int p = 1; p < pieces; p++) partial[0].merge(partial[p]);
        return partial[0];
    }

    private static Accumulator foldRange(ReduceOp op, DType type, Layout red, Object inArray, int base, int from, int to) {
        Accumulator acc = new Accumulator(op, type);
        Object buf = red.contiguous(0) ? null : type.newArray(Math.min(BLOCK, Math.max(to - from, 1)));
        fold(acc, red, inArray, base, from, to, buf);
        return acc;
    }

    /** Feeds the reduced elements [from, to) of the output whose first input element is at {@code base}. */
    private static void fold(Accumulator acc, Layout red, Object inArray, int base, int from, int to, Object buf) {
        if (red.contiguous(0)) {
            acc.add(inArray, base + from, base + to, from);
            return;
        }
        int block = java.lang.reflect.Array.getLength(buf);
        for (int s = from; s < to; s += block) {
            int len = Math.min(block, to - s);
            Staging.gatherFrom(red, 0, base, inArray, s, len, buf);
            acc.add(buf, 0, len, s);
        }
    }
}
