package dev.nabla.cpu;

import dev.nabla.spi.Strided;

/**
 * Runs a same-index kernel over an output and inputs of one shape. When every operand is contiguous at the same
 * offset the kernel runs on the storage arrays directly; otherwise each block of elements is staged into dense
 * scratch arrays first. Work is split into blocks whose boundaries do not depend on the thread count.
 */
final class ElementwiseLoop {
    /** Elements per staged block: small enough for L1, large enough to amortize the staging calls. */
    static final int BLOCK = 2048;
    /** Minimum elements per parallel task, below which the hand-off costs more than it saves. */
    static final int GRAIN = 32768;

    /** A loop over [from, to) of dense arrays that share one index. */
    @FunctionalInterface
    interface Kernel {
        void apply(Object[] in, Object out, int from, int to);
    }

    private ElementwiseLoop() {
    }

    static void run(Strided out, Strided[] in, Kernel kernel) {
        Strided[] all = new Strided[in.length + 1];
        all[0] = out;
        System.arraycopy(in, 0, all, 1, in.length);
        Layout l = Layout.of(all);
        int n = l.numel;
        if (n == 0) return;
        Object outArray = CpuStorage.array(out);
        Object[] inArrays = new Object[in.length];
        for (int k = 0; k < in.length; k++) inArrays[k] = CpuStorage.array(in[k]);

        int tasks = Parallel.tasksFor(n, GRAIN);
        int chunk = roundUp((n + tasks - 1) / tasks, BLOCK);
        if (direct(l)) {
            int off = l.offsets[0];
            Parallel.forEach(tasks, t -> {
                int s = t * chunk;
                int e = Math.min(n, s + chunk);
                if (s < e) kernel.apply(inArrays, outArray, off + s, off + e);
            });
            return;
        }
        Parallel.forEach(tasks, t -> {
            int s = t * chunk;
            int e = Math.min(n, s + chunk);
            if (s < e) staged(l, in, inArrays, out, outArray, kernel, s, e);
        });
    }

    /** True when all operands are contiguous from one shared offset, so the kernel can index storage directly. */
    private static boolean direct(Layout l) {
        for (int k = 0; k < l.offsets.length; k++) {
            if (!l.contiguous(k) || l.offsets[k] != l.offsets[0]) return false;
        }
        return true;
    }

    private static void staged(Layout l, Strided[] in, Object[] inArrays, Strided out, Object outArray, Kernel kernel,
                               int s, int e) {
        int block = Math.min(BLOCK, e - s);
        Object[] bufs = new Object[in.length];
        boolean[] scalar = new boolean[in.length];
        for (int k = 0; k < in.length; k++) {
            bufs[k] = CpuStorage.allocateArray(in[k].dtype(), block);
            scalar[k] = l.scalar(k + 1);
            if (scalar[k]) Staging.broadcast(inArrays[k], l.offsets[k + 1], bufs[k], block);
        }
        Object outBuf = CpuStorage.allocateArray(out.dtype(), block);
        for (int b = s; b < e; b += block) {
            int len = Math.min(block, e - b);
            for (int k = 0; k < in.length; k++) {
                if (!scalar[k]) Staging.gather(l, k + 1, inArrays[k], b, len, bufs[k]);
            }
            kernel.apply(bufs, outBuf, 0, len);
            Staging.scatter(l, 0, outArray, b, len, outBuf);
        }
    }

    private static int roundUp(int x, int multiple) {
        return (x + multiple - 1) / multiple * multiple;
    }
}
