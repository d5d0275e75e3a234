package dev.nabla.nn;

import dev.nabla.Tensor;

/**
 * PyTorch's {@code torch.nn.functional}: the stateless forms of the layers and losses, as static methods
 * ({@code import static dev.nabla.nn.Functional.*;}). Each section is implemented next to its layers.
 */
public final class Functional {
    private Functional() {
    }

    // ---------------------------------------------------------------- linear, dropout, embedding, one-hot, pad

    // ---------------------------------------------------------------- normalization

    // ---------------------------------------------------------------- convolution and pooling

    /** F.conv1d with stride 1, no padding, dilation 1 and one group: input [N, C_in, L] (or [C_in, L]), weight [C_out, C_in, k]. */
    public static Tensor conv1d(Tensor input, Tensor weight, Tensor bias) {
        return conv1d(input, weight, bias, 1, 0, 1, 1);
    }

    /** F.conv1d: weight [C_out, C_in / groups, k], bias [C_out] or null. */
    public static Tensor conv1d(Tensor input, Tensor weight, Tensor bias, int stride, int padding, int dilation,
                                int groups) {
        return FunctionalConv.conv("conv1d", 1, input, weight, bias, new int[] {stride}, new int[] {padding},
                new int[] {dilation}, groups);
    }

    /** F.conv2d with stride 1, no padding, dilation 1 and one group: input [N, C_in, H, W] (or [C_in, H, W]). */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias) {
        return conv2d(input, weight, bias, 1, 0, 1, 1);
    }

    /** F.conv2d with the same stride, padding and dilation in both dims. */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int stride, int padding, int dilation,
                                int groups) {
        return conv2d(input, weight, bias, Tuples.repeat(stride, 2), Tuples.repeat(padding, 2),
                Tuples.repeat(dilation, 2), groups);
    }

    /** F.conv2d: weight [C_out, C_in / groups, kh, kw], bias [C_out] or null; stride, padding, dilation as (h, w). */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int[] stride, int[] padding, int[] dilation,
                                int groups) {
        return FunctionalConv.conv("conv2d", 2, input, weight, bias, stride, padding, dilation, groups);
    }

    /** F.conv_transpose2d with stride 1, no padding and one group: weight [C_in, C_out, kh, kw]. */
    public static Tensor convTranspose2d(Tensor input, Tensor weight, Tensor bias) {
        return convTranspose2d(input, weight, bias, new int[] {1, 1}, new int[] {0, 0}, new int[] {0, 0}, 1,
                new int[] {1, 1});
    }

    /** F.conv_transpose2d (PyTorch's argument order): weight [C_in, C_out / groups, kh, kw], bias [C_out] or null. */
    public static Tensor convTranspose2d(Tensor input, Tensor weight, Tensor bias, int[] stride, int[] padding,
                                         int[] outputPadding, int groups, int[] dilation) {
        return FunctionalConv.convTranspose2d(input, weight, bias, stride, padding, outputPadding, groups, dilation);
    }

    /** F.max_pool2d over square windows with stride equal to the kernel size. */
    public static Tensor maxPool2d(Tensor input, int kernelSize) {
        return maxPool2d(input, Tuples.repeat(kernelSize, 2), null, new int[] {0, 0}, new int[] {1, 1}, false);
    }

    /** F.max_pool2d: a null stride means the kernel size; the gradient goes to each window's first maximum. */
    public static Tensor maxPool2d(Tensor input, int[] kernelSize, int[] stride, int[] padding, int[] dilation,
                                   boolean ceilMode) {
        return FunctionalPool.maxPool2d(input, kernelSize, stride, padding, dilation, ceilMode);
    }

    /** F.avg_pool2d over square windows with stride equal to the kernel size. */
    public static Tensor avgPool2d(Tensor input, int kernelSize) {
        return avgPool2d(input, Tuples.repeat(kernelSize, 2), null, new int[] {0, 0}, false, true);
    }

    /** F.avg_pool2d: a null stride means the kernel size; countIncludePad counts zero padding in each divisor. */
    public static Tensor avgPool2d(Tensor input, int[] kernelSize, int[] stride, int[] padding, boolean ceilMode,
                                   boolean countIncludePad) {
        return FunctionalPool.avgPool2d(input, kernelSize, stride, padding, ceilMode, countIncludePad);
    }

    /** F.adaptive_avg_pool2d to an (h, w) output, or a square one when one size is given. */
    public static Tensor adaptiveAvgPool2d(Tensor input, int... outputSize) {
        int[] size = outputSize.length == 1 ? Tuples.repeat(outputSize[0], 2) : outputSize;
        return FunctionalPool.adaptiveAvgPool2d(input, size);
    }

    /** F.unfold: the sliding blocks of [N, C, H, W] as [N, C*kh*kw, L] columns (unbatched [C, H, W] too). */
    public static Tensor unfold(Tensor input, int[] kernelSize, int[] dilation, int[] padding, int[] stride) {
        return FunctionalConv.unfold(input, kernelSize, dilation, padding, stride);
    }

    /** F.fold: [N, C*kh*kw, L] blocks summed into [N, C, H, W] of {@code outputSize} (the adjoint of unfold). */
    public static Tensor fold(Tensor input, int[] outputSize, int[] kernelSize, int[] dilation, int[] padding,
                              int[] stride) {
        return FunctionalConv.fold(input, outputSize, kernelSize, dilation, padding, stride);
    }

    // ---------------------------------------------------------------- losses
}
