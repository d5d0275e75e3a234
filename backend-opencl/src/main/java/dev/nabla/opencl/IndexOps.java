package dev.nabla.opencl;

import dev.nabla.DType;
import dev.nabla.spi.Strided;

/** gather, scatter and cumsum from program {@code index.cl}. */
final class IndexOps {
    private IndexOps() {
    }

    static void gather(Strided out, Strided in, int dim, Strided index) {
        int[] pinned = in.strides().clone();
        pinned[dim] = 0;
        Layout layout = Layout.of(index.shape(), new int[] {out.offset(), index.offset(), in.offset()}, out.strides(),
                index.strides(), pinned);
        if (layout.numel() == 0 || out.numel() == 0) return;
        ClDevice device = OpenClBackend.storage(out).owner();
        for (Layout s : layout.slabs()) {
            device.launch("index", out.dtype(), "gather")
                    .buf(out).i(s.offset(0)).i8(s.strides8(0))
                    .buf(index).i(s.offset(1)).i8(s.strides8(1))
                    .buf(in).i(s.offset(2)).i8(s.strides8(2)).i(in.strides()[dim])
                    .i8(s.shape8()).i(s.rank()).i(s.numel()).run(s.numel());
        }
    }

    static void scatter(Strided out, int dim, Strided index, Strided src, boolean accumulate) {
        int len = index.shape()[dim];
        if (index.numel() == 0) return;
        Layout lines = Layout.of(without(index.shape(), dim), new int[] {out.offset(), index.offset(), src.offset()},
                without(out.strides(), dim), without(index.strides(), dim), without(src.strides(), dim));
        ClDevice device = OpenClBackend.storage(out).owner();
        for (Layout s : lines.slabs()) {
            device.launch("index", out.dtype(), "scatter")
                    .buf(out).i(s.offset(0)).i8(s.strides8(0)).i(out.strides()[dim])
                    .buf(index).i(s.offset(1)).i8(s.strides8(1)).i(index.strides()[dim])
                    .buf(src).i(s.offset(2)).i8(s.strides8(2)).i(src.strides()[dim])
                    .i8(s.shape8()).i(s.rank()).i(s.numel()).i(len).i(accumulate ? 1 : 0).run(s.numel());
        }
    }

    static void cumsum(Strided out, Strided in, int dim) {
        if (in.dtype() == DType.BOOL) {
            throw OpenClBackend.unsupported("cumsum", in.dtype());
        }
        if (in.numel() == 0) return;
        Layout lines = Layout.of(without(in.shape(), dim), new int[] {out.offset(), in.offset()},
                without(out.strides(), dim), without(in.strides(), dim));
        ClDevice device = OpenClBackend.storage(out).owner();
        for (Layout s : lines.slabs()) {
            device.launch("index", in.dtype(), "cumsum")
                    .buf(out).i(s.offset(0)).i8(s.strides8(0)).i(out.strides()[dim])
                    .buf(in).i(s.offset(1)).i8(s.strides8(1)).i(in.strides()[dim])
                    .i8(s.shape8()).i(s.rank()).i(s.numel()).i(in.shape()[dim]).run(s.numel());
        }
    }

    /** {@code a} without element {@code dim}. */
    static int[] without(int[] a, int dim) {
        int[] out = new int[a.length - 1];
        System.arraycopy(a, 0, out, 0, dim);
        System.arraycopy(a, dim + 1, out, dim, a.length - dim - 1);
        return out;
    }
}
