package dev.nabla.nn;

import dev.nabla.Tensor;
import dev.nabla.spi.Window2d;

import java.util.Arrays;

/**
 * The bodies of Functional's convolutions, unfold and fold. A convolution is im2col, then one batched matmul per
 * group against the flattened weight; a transposed convolution is the matmul first, then col2im. 1-d forms run as
 * 2-d ones over a height of 1. Everything is Tensor ops, so autograd needs no rule of its own here.
 */
final class FunctionalConv {
    private FunctionalConv() {
    }

    /** conv1d (dims 1) or conv2d (dims 2) over a batched or unbatched input. */
    static Tensor conv(String op, int dims, Tensor input, Tensor weight, Tensor bias, int[] stride, int[] padding,
                       int[] dilation, int groups) {
        int[] s = Tuples.check(op, "stride", stride, dims);
        int[] p = Tuples.check(op, "padding", padding, dims);
        int[] d = Tuples.check(op, "dilation", dilation, dims);
        checkSettings(op, s, p, d, groups);
        boolean batched = checkRanks(op, dims, input, weight);
        Tensor x = batched ? input : input.unsqueeze(0);
        checkDtypes(op, x, weight, bias);
        int channels = x.size(1);
        int out = weight.size(0);
        if (out % groups != 0) {
            throw new IllegalArgumentException(op + ": out_channels (weight.size(0) = " + out + ") must be divisible by "
                    + "groups (" + groups + ")");
        }
        if (weight.size(1) * groups != channels) {
            throw new IllegalArgumentException(op + ": given groups=" + groups + ", weight of size "
                    + Arrays.toString(weight.shape()) + ", expected input " + Arrays.toString(input.shape()) + " to have "
                    + weight.size(1) * groups + " channels, but got " + channels + " channels instead");
        }
        checkBias(op, bias, out);
        int[] size = spatial(x, dims);
        int[] kernel = spatial(weight, dims);
        long[] padded = new long[dims];
        long[] reach = new long[dims];
        int[] blocks = new int[dims];
        boolean fits = true;
        for (int i = 0; i < dims; i++) {
            padded[i] = size[i] + 2L * p[i];
            reach[i] = (long) d[i] * (kernel[i] - 1) + 1;
            if (padded[i] > Integer.MAX_VALUE / 4 || reach[i] > Integer.MAX_VALUE / 4) {
                throw new IllegalArgumentException(op + ": padding " + PyRepr.ofTuple(p) + " or dilation " + PyRepr.ofTuple(d)
                        + " is too large for input " + Arrays.toString(input.shape()));
            }
            fits &= padded[i] >= reach[i];
            blocks[i] = fits ? (int) ((padded[i] - reach[i]) / s[i] + 1) : 0;
        }
        if (!fits) {
            throw new IllegalArgumentException(op + ": calculated padded input size per channel: (" + join(padded)
                    + "); kernel size: (" + join(widen(kernel)) + ")" + (Arrays.equals(reach, widen(kernel)) ? ""
                    : ", dilated: (" + join(reach) + ")") + "; the kernel can't be greater than the padded input, for "
                    + "input " + Arrays.toString(input.shape()) + " and weight " + Arrays.toString(weight.shape()));
        }
        Window2d window = dims == 1
                ? new Window2d(1, kernel[0], 1, d[0], 0, p[0], 1, s[0], 1, blocks[0])
                : new Window2d(kernel[0], kernel[1], d[0], d[1], p[0], p[1], s[0], s[1], blocks[0], blocks[1]);
        Tensor image = dims == 1 ? x.unsqueeze(2) : x;
        int n = x.size(0);
        int perGroup = channels / groups * window.kernelSize();
        Tensor cols = image.im2col(window, 0.0).view(n, groups, perGroup, window.blocks());
        Tensor y = weight.reshape(groups, out / groups, perGroup).matmul(cols).view(n, out, window.blocks());
        if (bias != null) y = y.add(bias.reshape(1, out, 1));
        int[] shape = new int[dims + 2];
        shape[0] = n;
        shape[1] = out;
        System.arraycopy(blocks, 0, shape, 2, dims);
        y = y.view(shape);
        return batched ? y : y.squeeze(0);
    }

    /** conv_transpose2d over a batched or unbatched input; weight is [C_in, C_out / groups, kh, kw]. */
    static Tensor convTranspose2d(Tensor input, Tensor weight, Tensor bias, int[] stride, int[] padding,
                                  int[] outputPadding, int groups, int[] dilation) {
        String op = "convTranspose2d";
        int[] s = Tuples.check(op, "stride", stride, 2);
        int[] p = Tuples.check(op, "padding", padding, 2);
        int[] d = Tuples.check(op, "dilation", dilation, 2);
        int[] o = Tuples.check(op, "output_padding", outputPadding, 2);
        checkSettings(op, s, p, d, groups);
        Tuples.atLeast(op, "output_padding", o, 0);
        for (int i = 0; i < 2; i++) {
            if (o[i] >= s[i] && o[i] >= d[i]) {
                throw new IllegalArgumentException(op + ": output padding must be smaller than either stride or dilation, "
                        + "but got output_padding=" + PyRepr.ofTuple(o) + ", stride=" + PyRepr.ofTuple(s) + ", dilation="
                        + PyRepr.ofTuple(d));
            }
        }
        boolean batched = checkRanks(op, 2, input, weight);
        Tensor x = batched ? input : input.unsqueeze(0);
        checkDtypes(op, x, weight, bias);
        int channels = x.size(1);
        if (weight.size(0) != channels) {
            throw new IllegalArgumentException(op + ": given transposed=1, weight of size " + Arrays.toString(weight.shape())
                    + ", expected input " + Arrays.toString(input.shape()) + " to have " + weight.size(0)
                    + " channels, but got " + channels + " channels instead");
        }
        if (channels % groups != 0) {
            throw new IllegalArgumentException(op + ": in_channels (weight.size(0) = " + channels + ") must be divisible "
                    + "by groups (" + groups + ")");
        }
        int out = weight.size(1) * groups;
        checkBias(op, bias, out);
        int n = x.size(0);
        int h = x.size(2);
        int w = x.size(3);
        int kh = weight.size(2);
        int kw = weight.size(3);
        long oh = (long) (h - 1) * s[0] - 2L * p[0] + (long) d[0] * (kh - 1) + o[0] + 1;
        long ow = (long) (w - 1) * s[1] - 2L * p[1] + (long) d[1] * (kw - 1) + o[1] + 1;
        if (oh < 1 || ow < 1 || h < 1 || w < 1) {
            throw new IllegalArgumentException(op + ": given input size per channel (" + h + " x " + w + "), the "
                    + "calculated output size per channel (" + oh + " x " + ow + ") is too small, for input "
                    + Arrays.toString(input.shape()) + " and weight " + Arrays.toString(weight.shape()));
        }
        if (oh > Integer.MAX_VALUE / 4 || ow > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException(op + ": the calculated output size per channel (" + oh + " x " + ow
                    + ") is too large, for input " + Arrays.toString(input.shape()));
        }
        Window2d window = new Window2d(kh, kw, d[0], d[1], p[0], p[1], s[0], s[1], h, w);
        int in = channels / groups;
        int perGroup = weight.size(1) * kh * kw;
        Tensor wt = weight.reshape(groups, in, perGroup).transpose(1, 2);
        Tensor cols = wt.matmul(x.reshape(n, groups, in, h * w)).reshape(n, out * kh * kw, h * w);
        Tensor y = cols.col2im((int) oh, (int) ow, window);
        if (bias != null) y = y.add(bias.reshape(1, out, 1, 1));
        return batched ? y : y.squeeze(0);
    }

    /** F.unfold: [N, C, H, W] (or [C, H, W]) into [N, C*kh*kw, L] (or [C*kh*kw, L]) sliding blocks. */
    static Tensor unfold(Tensor input, int[] kernelSize, int[] dilation, int[] padding, int[] stride) {
        String op = "unfold";
        int[] k = Tuples.check(op, "kernel_size", kernelSize, 2);
        int[] d = Tuples.check(op, "dilation", dilation, 2);
        int[] p = Tuples.check(op, "padding", padding, 2);
        int[] s = Tuples.check(op, "stride", stride, 2);
        checkWindow(op, k, d, p, s);
        if (input.dim() != 3 && input.dim() != 4) {
            throw new IllegalArgumentException(op + ": expected a 3-D (unbatched) or 4-D (batched) input, but got shape "
                    + Arrays.toString(input.shape()));
        }
        boolean batched = input.dim() == 4;
        Tensor x = batched ? input : input.unsqueeze(0);
        int[] blocks = blocks(op, new int[] {x.size(2), x.size(3)}, k, d, p, s);
        Window2d window = new Window2d(k[0], k[1], d[0], d[1], p[0], p[1], s[0], s[1], blocks[0], blocks[1]);
        Tensor cols = x.im2col(window, 0.0);
        return batched ? cols : cols.squeeze(0);
    }

    /** F.fold: [N, C*kh*kw, L] (or [C*kh*kw, L]) blocks summed into [N, C, H, W] (or [C, H, W]). */
    static Tensor fold(Tensor input, int[] outputSize, int[] kernelSize, int[] dilation, int[] padding, int[] stride) {
        String op = "fold";
        int[] size = Tuples.check(op, "output_size", outputSize, 2);
        int[] k = Tuples.check(op, "kernel_size", kernelSize, 2);
        int[] d = Tuples.check(op, "dilation", dilation, 2);
        int[] p = Tuples.check(op, "padding", padding, 2);
        int[] s = Tuples.check(op, "stride", stride, 2);
        checkWindow(op, k, d, p, s);
        Tuples.atLeast(op, "output_size", size, 1);
        if (input.dim() != 2 && input.dim() != 3) {
            throw new IllegalArgumentException(op + ": expected a 2-D (unbatched) or 3-D (batched) input, but got shape "
                    + Arrays.toString(input.shape()));
        }
        boolean batched = input.dim() == 3;
        Tensor cols = batched ? input : input.unsqueeze(0);
        if (cols.size(1) % (k[0] * k[1]) != 0) {
            throw new IllegalArgumentException(op + ": expected size of input's dimension 1 to be divisible by the product "
                    + "of kernel_size, but got input.size(1)=" + cols.size(1) + " and kernel_size=" + PyRepr.ofTuple(k));
        }
        int[] blocks = blocks(op, size, k, d, p, s);
        if (cols.size(2) != blocks[0] * blocks[1]) {
            throw new IllegalArgumentException(op + ": given output_size=" + PyRepr.ofTuple(size) + ", kernel_size="
                    + PyRepr.ofTuple(k) + ", dilation=" + PyRepr.ofTuple(d) + ", padding=" + PyRepr.ofTuple(p) + ", stride="
                    + PyRepr.ofTuple(s) + ", expected size of input's dimension 2 to match the calculated number of sliding "
                    + "blocks " + blocks[0] + " * " + blocks[1] + " = " + blocks[0] * blocks[1] + ", but got input.size(2)="
                    + cols.size(2) + " (input shape " + Arrays.toString(input.shape()) + ")");
        }
        Window2d window = new Window2d(k[0], k[1], d[0], d[1], p[0], p[1], s[0], s[1], blocks[0], blocks[1]);
        Tensor image = cols.col2im(size[0], size[1], window);
        return batched ? image : image.squeeze(0);
    }

    /** PyTorch's count of sliding blocks per dim, which must be positive. */
    private static int[] blocks(String op, int[] size, int[] k, int[] d, int[] p, int[] s) {
        int[] out = new int[2];
        for (int i = 0; i < 2; i++) {
            long span = (long) size[i] + 2L * p[i] - (long) d[i] * (k[i] - 1) - 1;
            out[i] = span < 0 ? 0 : (int) (span / s[i] + 1);
        }
        if (out[0] < 1 || out[1] < 1) {
            throw new IllegalArgumentException(op + ": given spatial size " + PyRepr.ofTuple(size) + ", kernel_size="
                    + PyRepr.ofTuple(k) + ", dilation=" + PyRepr.ofTuple(d) + ", padding=" + PyRepr.ofTuple(p) + ", stride="
                    + PyRepr.ofTuple(s) + ", the calculated shape of the array of sliding blocks is " + PyRepr.ofTuple(out)
                    + ", but its components must be at least one");
        }
        return out;
    }

    private static void checkWindow(String op, int[] k, int[] d, int[] p, int[] s) {
        Tuples.atLeast(op, "kernel_size", k, 1);
        Tuples.atLeast(op, "dilation", d, 1);
        Tuples.atLeast(op, "padding", p, 0);
        Tuples.atLeast(op, "stride", s, 1);
    }

    private static void checkSettings(String op, int[] s, int[] p, int[] d, int groups) {
        Tuples.atLeast(op, "stride", s, 1);
        Tuples.atLeast(op, "padding", p, 0);
        Tuples.atLeast(op, "dilation", d, 1);
        if (groups < 1) throw new IllegalArgumentException(op + ": groups must be positive, but got " + groups);
    }

    /** Checks the weight's and input's ranks; true when the input carries a batch dim. */
    private static boolean checkRanks(String op, int dims, Tensor input, Tensor weight) {
        if (weight.dim() != dims + 2) {
            throw new IllegalArgumentException(op + ": expected weight to be " + (dims + 2) + "-D, but got shape "
                    + Arrays.toString(weight.shape()));
        }
        if (input.dim() != dims + 1 && input.dim() != dims + 2) {
            throw new IllegalArgumentException(op + ": expected " + (dims + 1) + "-D (unbatched) or " + (dims + 2)
                    + "-D (batched) input, but got input of shape " + Arrays.toString(input.shape()));
        }
        return input.dim() == dims + 2;
    }

    private static void checkDtypes(String op, Tensor x, Tensor weight, Tensor bias) {
        if (x.dtype() != weight.dtype() || (bias != null && bias.dtype() != weight.dtype())) {
            throw new IllegalArgumentException(op + ": input (" + x.dtype() + "), weight (" + weight.dtype() + ")"
                    + (bias == null ? "" : " and bias (" + bias.dtype() + ")") + " must have the same dtype");
        }
    }

    private static void checkBias(String op, Tensor bias, int out) {
        if (bias != null && (bias.dim() != 1 || bias.size(0) != out)) {
            throw new IllegalArgumentException(op + ": expected bias of shape [" + out + "], but got "
                    + Arrays.toString(bias.shape()));
        }
    }

    /** The last {@code dims} sizes of {@code t}. */
    private static int[] spatial(Tensor t, int dims) {
        return Arrays.copyOfRange(t.shape(), t.dim() - dims, t.dim());
    }

    /** Sizes joined by " x ", as PyTorch prints them in convolution errors. */
    private static String join(long[] sizes) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < sizes.length; i++) b.append(i == 0 ? "" : " x ").append(sizes[i]);
        return b.toString();
    }

    private static long[] widen(int[] sizes) {
        return Arrays.stream(sizes).asLongStream().toArray();
    }
}
