package dev.nabla.opencl;

import dev.nabla.DType;
import dev.nabla.spi.ReduceOp;
import dev.nabla.spi.Strided;

/**
 * Reductions over any dims, from program {@code reduce.cl}. Short reductions, and many outputs reading strided
 * columns, fold one output per work item; the rest fold one output per work group, split into chunks merged by a
 * second launch when there are too few outputs to fill the device.
 */
final class ReduceOps {
    /** Reductions this short fold one output per work item. */
    private static final int SHORT = 64;
    /** This many outputs or more fold one per work item unless their elements are contiguous. */
    private static final int MANY = 4096;
    /** Elements each work item folds at least, before a reduction is split across groups. */
    private static final int PER_ITEM = 16;

    private ReduceOps() {
    }

    static void reduce(ReduceOp op, Strided out, Strided in, int[] dims) {
        DType t = in.dtype();
        if (!defined(op, t)) {
            throw OpenClBackend.unsupported(op, t);
        }
        int rank = in.rank();
        boolean[] reduced = new boolean[rank];
        for (int d : dims) reduced[d] = true;
        int[] keptShape = new int[rank - dims.length];
        int[] keptIn = new int[keptShape.length];
        int[] keptOut = new int[keptShape.length];
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
        Layout kept = Layout.of(keptShape, new int[] {in.offset(), out.offset()}, keptIn, keptOut);
        Layout red = Layout.of(redShape, new int[] {0}, redIn);
        if (out.numel() == 0) return;
        if (in.numel() == 0) {
            ElementwiseOps.fill(out, op == ReduceOp.PROD || op == ReduceOp.ALL ? 1 : 0);
            return;
        }
        if (kept.rank() > Layout.MAX_RANK || red.rank() > Layout.MAX_RANK) {
            reduceDense(op, out, in, reduced, keptShape.length);
            return;
        }
        ClDevice device = OpenClBackend.storage(out).owner();
        int outputs = kept.numel();
        int count = red.numel();
        int wg = groupSize(device);
        String define = "WG=" + wg;
        if (count <= SHORT || (outputs >= MANY && red.stride(0, red.rank() - 1) != 1)) {
            Launch l = args(device.launch("reduce", t, "reduce_thread", define), op, in, out, kept, red);
            l.i(outputs).i(count).run(outputs);
            return;
        }
        long groups = Math.max(1, 4L * device.info().computeUnits());
        int splits = outputs >= groups || count <= wg * PER_ITEM ? 1
                : (int) Math.min((count + (long) wg * PER_ITEM - 1) / ((long) wg * PER_ITEM), (groups + outputs - 1) / outputs);
        int chunk = (count + splits - 1) / splits;
        Launch group = args(device.launch("reduce", t, "reduce_group", define), op, in, out, kept, red);
        checkGroup(device, group, wg);
        group.i(count).i(splits).i(chunk);
        if (splits == 1) {
            group.buf(out).buf(out).runGroups(outputs, wg);
            return;
        }
        int accSize = ClTypes.accSize(t, device.info().fp64());
        try (OpenClStorage values = device.allocate(accSize == 8 ? DType.INT64 : DType.INT32, outputs * splits, false);
             OpenClStorage indices = device.allocate(DType.INT64, outputs * splits, false)) {
            group.mem(values.mem()).mem(indices.mem()).runGroups((long) outputs * splits, wg);
            Launch merge = device.launch("reduce", t, "reduce_partials", define);
            merge.i(op.ordinal()).mem(values.mem()).mem(indices.mem()).i(splits).buf(out).buf(out).i(kept.offset(1))
                    .i8(kept.shape8()).i8(kept.strides8(1)).i(kept.rank()).runGroups(outputs, wg);
        }
    }

    /** Whether the kernels compute {@code op} on inputs of {@code t}; a new op fails to compile here until it has one. */
    static boolean defined(ReduceOp op, DType t) {
        return switch (op) {
            case SUM, PROD, MAX, MIN -> t != DType.BOOL;
            case ARGMAX, ARGMIN -> true;
            case ALL, ANY -> t == DType.BOOL;
        };
    }

    /** The arguments reduce_thread and reduce_group share: op, input, output (as values and as indices), layouts. */
    private static Launch args(Launch l, ReduceOp op, Strided in, Strided out, Layout kept, Layout red) {
        return l.i(op.ordinal()).buf(in).i(kept.offset(0)).buf(out).buf(out).i(kept.offset(1)).i8(kept.shape8())
                .i8(kept.strides8(0)).i8(kept.strides8(1)).i(kept.rank()).i8(red.shape8()).i8(red.strides8(0))
                .i(red.rank());
    }

    /** The work-group size of the tree reductions: the largest power of two the device allows, at most 256. */
    static int groupSize(ClDevice device) {
        return Integer.highestOneBit((int) Math.min(256, device.info().maxWorkGroup()));
    }

    private static void checkGroup(ClDevice device, Launch l, int wg) {
        if (l.maxGroup() < wg) {
            throw new IllegalStateException(device.label() + ": the reduction kernel runs in groups of at most "
                    + l.maxGroup() + " items, fewer than the device's " + wg);
        }
    }

    /**
     * Reduces a copy of {@code in} laid out densely as kept dims then reduced dims, for layouts whose dims do not
     * merge to the 8 a kernel takes.
     */
    private static void reduceDense(ReduceOp op, Strided out, Strided in, boolean[] reduced, int keptCount) {
        int rank = in.rank();
        int[] order = new int[rank];
        int k = 0;
        for (int d = 0; d < rank; d++) if (!reduced[d]) order[k++] = d;
        for (int d = 0; d < rank; d++) if (reduced[d]) order[k++] = d;
        int[] shape = new int[rank];
        int[] inStrides = new int[rank];
        int[] outStrides = new int[rank];
        for (int i = 0; i < rank; i++) {
            shape[i] = in.shape()[order[i]];
            inStrides[i] = in.strides()[order[i]];
            outStrides[i] = reduced[order[i]] ? 0 : out.strides()[order[i]];
        }
        ClDevice device = OpenClBackend.storage(in).owner();
        try (OpenClStorage dense = device.allocate(in.dtype(), in.numel(), false)) {
            Strided copy = Strided.contiguous(dense, shape);
            ElementwiseOps.copy(copy, new Strided(in.storage(), shape, inStrides, in.offset()));
            int[] outShape = shape.clone();
            int[] dims = new int[rank - keptCount];
            for (int i = keptCount; i < rank; i++) {
                outShape[i] = 1;
                dims[i - keptCount] = i;
            }
            reduce(op, new Strided(out.storage(), outShape, outStrides, out.offset()), copy, dims);
        }
    }
}
