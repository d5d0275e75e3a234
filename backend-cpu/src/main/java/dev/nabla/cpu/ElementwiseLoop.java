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
        if (n < 2 * GRAIN && small(out, in, inArrays, outArray, n, kernel, runs)) return;

        Strided[] all = new Strided[in.length + 1];
        all[0] = out;
        System.arraycopy(in, 0, all, 1, in.length);
        Layout l = Layout.of(all);
        int tasks = Parallel.tasksFor(n, GRAIN);
        int chunk = roundUp((n + tasks - 1) / tasks, BLOCK);
        if (runs != null && flat(l)) {
            Parallel.forEach(tasks, t -> {
                int s = t * chunk;
                if (s < n) flatRun(l, inArrays, outArray, s, Math.min(n, s + chunk), runs);
            });
        } else if (runs != null && innerRuns(l)) {
            Parallel.forEach(tasks, t -> {
                int s = t * chunk;
                if (s < n) innerRun(l, inArrays, outArray, s, Math.min(n, s + chunk), runs);
            });
        } else if (runs == null && direct(l)) {
            int off = l.offsets[0];
            Parallel.forEach(tasks, t -> {
                int s = t * chunk;
                int e = Math.min(n, s + chunk);
                if (s < e) kernel.apply(inArrays, outArray, off + s, off + e);
            });
        } else {
            Parallel.forEach(tasks, t -> {
                int s = t * chunk;
                int e = Math.min(n, s + chunk);
                if (s < e) staged(l, in, inArrays, out, outArray, kernel, runs, s, e);
            });
        }
    }

    /**
     * One task without coalescing dims, for the common small case of contiguous operands (broadcast scalars too, when
     * there is a run kernel); false when the operands need the general path.
     */
    private static boolean small(Strided out, Strided[] in, Object[] inArrays, Object outArray, int n, Kernel kernel,
                                 RunKernel runs) {
        if (!out.isContiguous()) return false;
        int off = out.offset();
        boolean[] scalar = runs == null ? null : new boolean[in.length];
        for (int k = 0; k < in.length; k++) {
            Strided s = in[k];
            boolean dense = s.isContiguous();
            if (runs == null) {
                if (!dense || s.offset() != off) return false;
            } else {
                scalar[k] = !dense && Layout.allZero(s.strides());
                if (!dense && !scalar[k]) return false;
            }
        }
        if (runs == null) {
            kernel.apply(inArrays, outArray, off, off + n);
            return true;
        }
        int[] offsets = new int[in.length];
        for (int k = 0; k < in.length; k++) offsets[k] = in[k].offset();
        runs.apply(inArrays, offsets, scalar, outArray, off, n);
        return true;
    }

    /** True when all operands are contiguous from one shared offset, so the kernel can index storage directly. */
    private static boolean direct(Layout l) {
        for (int k = 0; k < l.offsets.length; k++) {
            if (!l.contiguous(k) || l.offsets[k] != l.offsets[0]) return false;
        }
        return true;
    }

    /** True when the output is contiguous and every input contiguous or a scalar, each from its own offset. */
    private static boolean flat(Layout l) {
        if (!l.contiguous(0)) return false;
        for (int k = 1; k < l.offsets.length; k++) {
            if (!l.contiguous(k) && !l.scalar(k)) return false;
        }
        return true;
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

    private static void flatRun(Layout l, Object[] inArrays, Object outArray, int s, int e, RunKernel runs) {
        int inputs = inArrays.length;
        int[] offsets = new int[inputs];
        boolean[] scalar = new boolean[inputs];
        for (int k = 0; k < inputs; k++) {
            scalar[k] = l.scalar(k + 1);
            offsets[k] = l.offsets[k + 1] + (scalar[k] ? 0 : s);
        }
        runs.apply(inArrays, offsets, scalar, outArray, l.offsets[0] + s, e - s);
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
