package dev.nabla.nn;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.spi.Window2d;

import java.util.Arrays;

/**
 * The bodies of Functional's pooling. Max and average pooling gather each window with im2col (padding with -inf
 * or 0) and reduce over its taps; adaptive average pooling is separable, so it is two products with averaging
 * matrices. All are Tensor ops, so their gradients come from the primitives' rules.
 */
final class FunctionalPool {
    private FunctionalPool() {
    }

    /** max_pool2d; the gradient of each window goes to its first maximum, as in PyTorch. */
    static Tensor maxPool2d(Tensor input, int[] kernelSize, int[] stride, int[] padding, int[] dilation,
                            boolean ceilMode) {
        String op = "maxPool2d";
        Tensor x = batched(op, input);
        Window2d w = window(op, x, input, kernelSize, stride, padding, dilation, ceilMode);
        int n = x.size(0);
        int c = x.size(1);
        Tensor taps = x.im2col(w, Double.NEGATIVE_INFINITY).view(n, c, w.kernelSize(), w.blocks());
        Tensor y = taps.max(2).values().view(n, c, w.blocksH(), w.blocksW());
        return input.dim() == 4 ? y : y.squeeze(0);
    }

    /** avg_pool2d with PyTorch's divisor: the window clipped to the padded input, or to the input alone without countIncludePad. */
    static Tensor avgPool2d(Tensor input, int[] kernelSize, int[] stride, int[] padding, boolean ceilMode,
                            boolean countIncludePad) {
        String op = "avgPool2d";
        Tensor x = batched(op, input);
        Window2d w = window(op, x, input, kernelSize, stride, padding, new int[] {1, 1}, ceilMode);
        int n = x.size(0);
        int c = x.size(1);
        Tensor sums = x.im2col(w, 0.0).view(n, c, w.kernelSize(), w.blocks()).sum(2);
        double[] divisors = divisors(w, x.size(2), x.size(3), countIncludePad);
        boolean uniform = Arrays.stream(divisors).allMatch(v -> v == divisors[0]);
        Tensor mean = uniform ? sums.div(divisors[0]) : sums.div(constant(divisors, x, w.blocks()));
        Tensor y = mean.view(n, c, w.blocksH(), w.blocksW());
        return input.dim() == 4 ? y : y.squeeze(0);
    }

    /** adaptive_avg_pool2d: output cell i averages input rows floor(i*H/out) to ceil((i+1)*H/out), likewise columns. */
    static Tensor adaptiveAvgPool2d(Tensor input, int[] outputSize) {
        String op = "adaptiveAvgPool2d";
        int[] size = Tuples.check(op, "output_size", outputSize, 2);
        Tuples.atLeast(op, "output_size", size, 0);
        Tensor x = batched(op, input);
        int h = x.size(2);
        int w = x.size(3);
        Tensor rows = averaging(size[0], h, x);
        Tensor cols = averaging(size[1], w, x);
        Tensor y = rows.matmul(x.matmul(cols.t()));
        return input.dim() == 4 ? y : y.squeeze(0);
    }

    /** The input as [N, C, H, W] after checking it is 3-D or 4-D with non-empty channel and spatial dims. */
    private static Tensor batched(String op, Tensor input) {
        if (input.dim() != 3 && input.dim() != 4) {
            throw new IllegalArgumentException(op + ": expected a 3-D (unbatched) or 4-D (batched) input, but got shape "
                    + Arrays.toString(input.shape()));
        }
        for (int d = input.dim() - 3; d < input.dim(); d++) {
            if (input.size(d) == 0) {
                throw new IllegalArgumentException(op + ": expected input to have non-zero size for non-batch "
                        + "dimensions, but got shape " + Arrays.toString(input.shape()));
            }
        }
        if (!input.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException(op + ": expected a floating point input, but got " + input.dtype());
        }
        return input.dim() == 4 ? input : input.unsqueeze(0);
    }

    /** The pooling window over x [N, C, H, W] with PyTorch's output size, checked as PyTorch's pool2d_shape_check. */
    private static Window2d window(String op, Tensor x, Tensor input, int[] kernelSize, int[] stride, int[] padding,
                                   int[] dilation, boolean ceilMode) {
        int[] k = Tuples.check(op, "kernel_size", kernelSize, 2);
        int[] s = stride == null ? k.clone() : Tuples.check(op, "stride", stride, 2);
        int[] p = Tuples.check(op, "padding", padding, 2);
        int[] d = Tuples.check(op, "dilation", dilation, 2);
        Tuples.atLeast(op, "kernel_size", k, 1);
        Tuples.atLeast(op, "stride", s, 1);
        Tuples.atLeast(op, "padding", p, 0);
        Tuples.atLeast(op, "dilation", d, 1);
        if (p[0] > k[0] / 2 || p[1] > k[1] / 2) {
            throw new IllegalArgumentException(op + ": pad should be at most half of kernel size, but got padding="
                    + PyRepr.ofTuple(p) + " and kernel_size=" + PyRepr.ofTuple(k));
        }
        int[] in = {x.size(2), x.size(3)};
        long[] out = new long[2];
        for (int i = 0; i < 2; i++) out[i] = outputSize(in[i], k[i], p[i], s[i], d[i], ceilMode);
        if (out[0] < 1 || out[1] < 1) {
            throw new IllegalArgumentException(op + ": given input of shape " + Arrays.toString(input.shape())
                    + ", kernel_size=" + PyRepr.ofTuple(k) + ", stride=" + PyRepr.ofTuple(s) + ", padding=" + PyRepr.ofTuple(p)
                    + ", dilation=" + PyRepr.ofTuple(d) + ", the calculated output size (" + out[0] + " x " + out[1]
                    + ") is too small");
        }
        return new Window2d(k[0], k[1], d[0], d[1], p[0], p[1], s[0], s[1], (int) out[0], (int) out[1]);
    }

    /** PyTorch's pooling_output_shape: floor or ceil division, and in ceil mode no window that starts in the right padding. */
    static long outputSize(int in, int k, int p, int s, int d, boolean ceilMode) {
        long span = (long) in + 2L * p - (long) d * (k - 1) - 1 + (ceilMode ? s - 1 : 0);
        long out = Math.floorDiv(span, s) + 1;
        if (ceilMode && (out - 1) * s >= (long) in + p) out--;
        return out;
    }

    /** Each window's divisor, as PyTorch's avg_pool2d counts it, in block order. */
    private static double[] divisors(Window2d w, int h, int wd, boolean countIncludePad) {
        double[] out = new double[w.blocks()];
        for (int by = 0; by < w.blocksH(); by++) {
            int[] ys = span(by, w.strideH(), w.padH(), w.kernelH(), h);
            for (int bx = 0; bx < w.blocksW(); bx++) {
                int[] xs = span(bx, w.strideW(), w.padW(), w.kernelW(), wd);
                out[by * w.blocksW() + bx] = countIncludePad ? (double) ys[1] * xs[1] : (double) ys[0] * xs[0];
            }
        }
        return out;
    }

    /** {taps inside the input, taps inside the padded input} of block {@code b} in one dim. */
    private static int[] span(int b, int stride, int pad, int k, int size) {
        int start = b * stride - pad;
        int end = Math.min(start + k, size + pad);
        int padded = end - start;
        return new int[] {Math.min(end, size) - Math.max(start, 0), padded};
    }

    /** {@code values} as a tensor of shape [len] with x's dtype and device. */
    private static Tensor constant(double[] values, Tensor x, int len) {
        return Nabla.tensor(values, len).to(x.dtype()).to(x.device());
    }

    /** The [out, in] matrix whose row i averages PyTorch's adaptive window i, with x's dtype and device. */
    private static Tensor averaging(int out, int in, Tensor x) {
        double[] m = new double[out * in];
        for (int i = 0; i < out; i++) {
            int start = (int) ((long) i * in / out);
            int end = (int) (((long) (i + 1) * in + out - 1) / out);
            for (int j = start; j < end; j++) m[i * in + j] = 1.0 / (end - start);
        }
        return Nabla.tensor(m, out, in).to(x.dtype()).to(x.device());
    }
}
