package dev.nabla;

import dev.nabla.spi.Window2d;

/** The two sliding-window primitives, im2col and its adjoint col2im: checks here, kernels in the backends. */
final class Patches {
    private Patches() {
    }

    static Tensor im2col(Tensor x, Window2d window, double padValue) {
        if (x.dim() != 4) {
            throw new IllegalArgumentException("im2col: expected a 4-D [N, C, H, W] input, but got shape "
                    + Shapes.str(x.shape));
        }
        Elementwise.requireFloating("im2col", x);
        check("im2col", window);
        int[] shape = {x.shape[0], product("im2col", x.shape[1], window.kernelSize()), window.blocks()};
        return Dispatch.im2col(x, window, padValue, shape);
    }

    static Tensor col2im(Tensor cols, int height, int width, Window2d window) {
        if (cols.dim() != 3) {
            throw new IllegalArgumentException("col2im: expected 3-D [N, C*kh*kw, L] columns, but got shape "
                    + Shapes.str(cols.shape));
        }
        Elementwise.requireFloating("col2im", cols);
        check("col2im", window);
        if (height < 0 || width < 0) {
            throw new IllegalArgumentException("col2im: output size (" + height + ", " + width + ") must be >= 0");
        }
        int k = window.kernelSize();
        if (cols.shape[1] % k != 0) {
            throw new IllegalArgumentException("col2im: expected size 1 of the columns " + Shapes.str(cols.shape)
                    + " to be divisible by the kernel size " + window.kernelH() + " * " + window.kernelW() + " = " + k);
        }
        if (cols.shape[2] != window.blocks()) {
            throw new IllegalArgumentException("col2im: expected size 2 of the columns " + Shapes.str(cols.shape)
                    + " to match the number of blocks " + window.blocksH() + " * " + window.blocksW() + " = "
                    + window.blocks());
        }
        int[] shape = {cols.shape[0], cols.shape[1] / k, height, width};
        return Dispatch.col2im(cols, window, shape);
    }

    /** Rejects a window whose kernel, dilation or stride is below 1, whose padding or block count is negative, or whose sizes overflow. */
    static void check(String op, Window2d w) {
        if (w.kernelH() < 1 || w.kernelW() < 1 || w.dilationH() < 1 || w.dilationW() < 1 || w.strideH() < 1
                || w.strideW() < 1 || w.padH() < 0 || w.padW() < 0 || w.blocksH() < 0 || w.blocksW() < 0) {
            throw new IllegalArgumentException(op + ": kernel, dilation and stride must be >= 1 and padding and blocks "
                    + ">= 0, but got " + w);
        }
        product(op, w.kernelH(), w.kernelW());
        product(op, w.blocksH(), w.blocksW());
        // The kernel's reach, the padding and the last block's start stay far from overflow, so kernels index in int.
        product(op, w.padH(), 1);
        product(op, w.padW(), 1);
        product(op, w.dilationH(), w.kernelH());
        product(op, w.dilationW(), w.kernelW());
        product(op, w.strideH(), Math.max(w.blocksH(), 1));
        product(op, w.strideW(), Math.max(w.blocksW(), 1));
    }

    private static int product(String op, int a, int b) {
        long p = (long) a * b;
        if (p > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException(op + ": sizes " + a + " * " + b + " are too large for a Nabla tensor");
        }
        return (int) p;
    }
}
