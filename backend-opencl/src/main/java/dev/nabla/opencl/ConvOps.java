package dev.nabla.opencl;

import dev.nabla.spi.Strided;
import dev.nabla.spi.Window2d;

/** im2col and col2im from program {@code conv.cl}: one work item per output element. */
final class ConvOps {
    private ConvOps() {
    }

    static void im2col(Strided out, Strided in, Window2d w, double padValue) {
        int n = out.numel();
        if (n == 0) return;
        int[] s = in.strides();
        int[] shape = in.shape();
        geometry(OpenClBackend.storage(out).owner().launch("conv", out.dtype(), "im2col")
                .buf(out).i(out.offset()).buf(in).i(in.offset()).i(s[0]).i(s[1]).i(s[2]).i(s[3]), shape, w)
                .i(n).value(out.dtype(), padValue).run(n);
    }

    static void col2im(Strided out, Strided in, Window2d w) {
        int n = out.numel();
        if (n == 0) return;
        int[] s = in.strides();
        geometry(OpenClBackend.storage(out).owner().launch("conv", out.dtype(), "col2im")
                .buf(out).i(out.offset()).buf(in).i(in.offset()).i(s[0]).i(s[1]).i(s[2]), out.shape(), w)
                .i(n).run(n);
    }

    /** The image's C, H, W and the window's fields, in the order both kernels take them. */
    private static Launch geometry(Launch l, int[] image, Window2d w) {
        return l.i(image[1]).i(image[2]).i(image[3]).i(w.kernelH()).i(w.kernelW()).i(w.dilationH()).i(w.dilationW())
                .i(w.padH()).i(w.padW()).i(w.strideH()).i(w.strideW()).i(w.blocksH()).i(w.blocksW());
    }
}
