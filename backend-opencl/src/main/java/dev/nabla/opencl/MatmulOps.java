package dev.nabla.opencl;

import dev.nabla.spi.Strided;

/** Batched matrix products from program {@code matmul.cl}, with tile sizes chosen from the device's work-group limit. */
final class MatmulOps {
    /** Depth of the slices of A and B staged in local memory. */
    private static final int TK = 16;
    /** Outputs per work item along each dim. */
    private static final int WPT = 4;
    /** The most batches one launch takes along its third dim, a limit some drivers have. */
    private static final int MAX_BATCHES = 65535;

    private MatmulOps() {
    }

    static void matmul(Strided out, Strided a, Strided b) {
        int batches = a.shape()[0];
        int m = a.shape()[1];
        int k = a.shape()[2];
        int n = b.shape()[2];
        if (batches == 0 || m == 0 || n == 0) return;
        ClDevice device = OpenClBackend.storage(out).owner();
        long maxGroup = device.info().maxWorkGroup();
        int tile = maxGroup >= 256 ? 64 : maxGroup >= 64 ? 32 : 16;
        int threads = tile / WPT;
        String[] defines = {"TS=" + tile, "TK=" + TK, "WPT=" + WPT};
        int[] as = a.strides();
        int[] bs = b.strides();
        int[] cs = out.strides();
        for (int first = 0; first < batches; first += MAX_BATCHES) {
            int count = Math.min(MAX_BATCHES, batches - first);
            Launch l = device.launch("matmul", out.dtype(), "matmul", defines);
            if (l.maxGroup() < (long) threads * threads) {
                throw new IllegalStateException(device.label() + ": the matmul kernel runs in groups of at most "
                        + l.maxGroup() + " items, fewer than its " + threads + " x " + threads + " tile");
            }
            l.buf(out).i(out.offset() + first * cs[0]).i(cs[0]).i(cs[1]).i(cs[2])
                    .buf(a).i(a.offset() + first * as[0]).i(as[0]).i(as[1]).i(as[2])
                    .buf(b).i(b.offset() + first * bs[0]).i(bs[0]).i(bs[1]).i(bs[2])
                    .i(m).i(n).i(k);
            long[] global = {(long) ((n + tile - 1) / tile) * threads, (long) ((m + tile - 1) / tile) * threads, count};
            l.run(global, new long[] {threads, threads, 1});
        }
    }
}
