package dev.nabla.cpu;

import dev.nabla.spi.Strided;

/**
 * Runs an elementwise kernel over an output and inputs of one shape. A same-index {@link Kernel} runs on the storage
 * arrays directly when every operand is contiguous at one shared offset, and on dense scratch blocks staged from
 * the operands otherwise. An op that also has a {@link RunKernel} runs it on storage wherever each operand is
 * contiguous or one repeated element, whole or along the innermost dim, and stages only the rest. Work is split
 * into blocks whose boundaries do not depend on the thread count.
 */
final class ElementwiseLoop {
    /** Elements per staged block: small enough for L1, large enough to amortize the staging calls. */
    static final int BLOCK = 2048;
    /** Minimum elements per parallel task, below which the hand-off costs more than it saves. */
    static final int GRAIN = 32768;
    /** Innermost runs shorter than this are staged: a kernel call per run would cost more than the copies. */
    static final int MIN_RUN = 16;

    /** A loop over [from, to) of dense arrays that share one index. */
    @FunctionalInterface
    interface Kernel {
        void apply(Object[] in, Object out, int from, int to);
    }

    /**
     * A loop over n elements where input k is dense from {@code offsets[k]}, or its element at {@code offsets[k]}
     * repeated when {@code scalar[k]}, and the output is dense from {@code outOffset}.
     */
    @FunctionalInterface
    interface RunKernel {
        void apply(Object[] in, int[] offsets, boolean[] scalar, Object out, int outOffset, int n);
    }

    private ElementwiseLoop() {
    }

    static void run(Strided out, Strided[] in, Kernel kernel) {
        run(out, in, kernel, null);
    }

    /** Runs {@code runs} where it applies (when not null), else {@code kernel}. */
    static void run(Strided out, Strided[] in, Kernel kernel, RunKernel runs) {
        int n = out.numel();
        if (n == 0) return;
        Object outArray = CpuStorage.array(out);
        Object[] inArrays = new Object[in.length];
        for (int k = 0; k < in.length; k++) inArrays[k] = CpuStorage.array(in[k]);
        int tasks = Parallel.tasksFor(n, GRAIN);
        int chunk = roundUp((n + tasks - 1) / tasks, BLOCK);
        boolean[] scalar = flat(out, in, runs != null);
        if (scalar != null) {
            // No layout work: every operand is read at its own offset plus the element index (scalars at offset).
            int off = out.offset();
            forChunks(n, tasks, chunk, (from, to) -> {
                if (runs == null) {
                    kernel.apply(inArrays, outArray, off + from, off + to);
                    return;
                }
                int[] offsets = new int[in.length];
                for (int k = 0; k < in.length; k++) offsets[k] = in[k].offset() + (scalar[k] ? 0 : from);
                runs.apply(inArrays, offsets, scalar, outArray, off + from, to - from);
            });
            return;
        }
        Strided[] all = new Strided[in.length + 1];
        all[0] = out;
        System.arraycopy(in, 0, all, 1, in.length);
        Layout l = Layout.of(all);
        if (runs != null && innerRuns(l)) {
            forChunks(n, tasks, chunk, (from, to) -> innerRun(l, inArrays, outArray, from, to, runs));
        } else {
            forChunks(n, tasks, chunk, (from, to) -> staged(l, in, inArrays, out, outArray, kernel, runs, from, to));
        }
    }

    /** Runs {@code body} on [t * chunk, min(n, (t + 1) * chunk)) for each of {@code tasks} tasks that has elements. */
    private static void forChunks(int n, int tasks, int chunk, Range body) {
        Parallel.forEach(tasks, t -> {
            int from = t * chunk;
            if (from < n) body.apply(from, Math.min(n, from + chunk));
        });
    }

    @FunctionalInterface
    private interface Range {
        void apply(int from, int to);
    }

    /**
     * When the output is contiguous and every input is contiguous (from the output's offset, for a plain kernel) or,
     * for a run kernel, one repeated element: which inputs are repeated. Null when the operands need a layout.
     */
    private static boolean[] flat(Strided out, Strided[] in, boolean runKernel) {
        if (!out.isContiguous()) return null;
        boolean[] scalar = new boolean[in.length];
        for (int k = 0; k < in.length; k++) {
            Strided s = in[k];
            boolean dense = s.isContiguous();
            if (!runKernel) {
                if (!dense || s.offset() != out.offset()) return null;
            } else {
                scalar[k] = !dense && Layout.allZero(s.strides());
                if (!dense && !scalar[k]) return null;
            }
        }
        return scalar;
    }

    /** True when the innermost runs are long and every operand steps through them by 1 (inputs by 0 or 1). */
    private static boolean innerRuns(Layout l) {
        if (l.rank() == 0 || l.shape[l.rank() - 1] < MIN_RUN || l.innerStride(0) != 1) return false;
        for (int k = 1; k < l.offsets.length; k++) {
            int s = l.innerStride(k);
            if (s != 0 && s != 1) return false;
        }
        return true;
    }

    private static void innerRun(Layout l, Object[] inArrays, Object outArray, int s, int e, RunKernel runs) {
        int inputs = inArrays.length;
        int[] offsets = new int[inputs];
        boolean[] scalar = new boolean[inputs];
        for (int k = 0; k < inputs; k++) scalar[k] = l.innerStride(k + 1) == 0;
        l.forEachRun(s, e, (pos, len) -> {
            System.arraycopy(pos, 1, offsets, 0, inputs);
            runs.apply(inArrays, offsets, scalar, outArray, pos[0], len);
        });
    }

    /**
     * Stages the inputs block by block (scalars stay in storage for a run kernel, else are broadcast once), runs the
     * kernel, and stores the block: straight into a contiguous output when the kernel takes offsets, else through
     * a scratch block.
     */
    private static void staged(Layout l, Strided[] in, Object[] inArrays, Strided out, Object outArray, Kernel kernel,
                               RunKernel runs, int s, int e) {
        int block = Math.min(BLOCK, e - s);
        Object[] bufs = new Object[in.length];
        boolean[] scalar = new boolean[in.length];
        int[] offsets = new int[in.length];
        for (int k = 0; k < in.length; k++) {
            scalar[k] = l.scalar(k + 1);
            if (scalar[k] && runs != null) {
                bufs[k] = inArrays[k];
                offsets[k] = l.offsets[k + 1];
                continue;
            }
            bufs[k] = in[k].dtype().newArray(block);
            if (scalar[k]) Staging.broadcast(inArrays[k], l.offsets[k + 1], bufs[k], 0, block);
        }
        boolean outDirect = runs != null && l.contiguous(0);
        Object outBuf = outDirect ? null : out.dtype().newArray(block);
        for (int b = s; b < e; b += block) {
            int len = Math.min(block, e - b);
            for (int k = 0; k < in.length; k++) {
                if (!scalar[k]) Staging.gather(l, k + 1, inArrays[k], b, len, bufs[k]);
            }
            if (runs == null) {
                kernel.apply(bufs, outBuf, 0, len);
            } else {
                runs.apply(bufs, offsets, scalar, outDirect ? outArray : outBuf, outDirect ? l.offsets[0] + b : 0,
                        len);
            }
            if (!outDirect) Staging.scatter(l, 0, outArray, b, len, outBuf);
        }
    }

    private static int roundUp(int x, int multiple) {
        return (x + multiple - 1) / multiple * multiple;
    }
}
