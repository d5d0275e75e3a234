package dev.nabla.opencl;

import dev.nabla.DType;
import dev.nabla.spi.Strided;

/** Stable argsort from program {@code sort.cl}: one launch per doubling of the merged run width. */
final class SortOps {
    private SortOps() {
    }

    static void argsort(Strided out, Strided in, int dim, boolean descending) {
        if (in.dtype() == DType.BOOL) {
            throw OpenClBackend.unsupported("argsort", in.dtype());
        }
        int n = in.shape()[dim];
        if (in.numel() == 0) return;
        Layout lines = Layout.of(IndexOps.without(in.shape(), dim), new int[] {in.offset(), out.offset()},
                IndexOps.without(in.strides(), dim), IndexOps.without(out.strides(), dim));
        ClDevice device = OpenClBackend.storage(out).owner();
        if (lines.rank() > Layout.MAX_RANK) {
            argsortDense(device, out, in, dim, descending);
            return;
        }
        int total = lines.numel() * n;
        DType t = in.dtype();
        int step = in.strides()[dim];
        try (OpenClStorage a = device.allocate(DType.INT32, total, false);
             OpenClStorage b = device.allocate(DType.INT32, total, false)) {
            OpenClStorage src = a;
            OpenClStorage dst = b;
            device.launch("sort", t, "sort_init").mem(src.mem()).i(n).i(total).run(total);
            for (int width = 1; width < n; width *= 2) {
                device.launch("sort", t, "sort_merge").buf(in).i(lines.offset(0)).i8(lines.strides8(0)).i(step)
                        .i8(lines.shape8()).i(lines.rank()).mem(src.mem()).mem(dst.mem()).i(n).i(width).i(total)
                        .i(descending ? 1 : 0).run(total);
                OpenClStorage swap = src;
                src = dst;
                dst = swap;
            }
            device.launch("sort", t, "sort_write").buf(out).i(lines.offset(1)).i8(lines.strides8(1))
                    .i(out.strides()[dim]).i8(lines.shape8()).i(lines.rank()).mem(src.mem()).i(n).i(total).run(total);
        }
    }

    /** Sorts contiguous copies, for layouts whose line dims do not merge to the 8 a kernel takes. */
    private static void argsortDense(ClDevice device, Strided out, Strided in, int dim, boolean descending) {
        try (OpenClStorage keys = device.allocate(in.dtype(), in.numel(), false);
             OpenClStorage order = device.allocate(DType.INT64, in.numel(), false)) {
            Strided denseIn = Strided.contiguous(keys, in.shape());
            Strided denseOut = Strided.contiguous(order, in.shape());
            ElementwiseOps.copy(denseIn, in);
            argsort(denseOut, denseIn, dim, descending);
            ElementwiseOps.copy(out, denseOut);
        }
    }
}
