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

    /** {@code input · weightᵀ}, weight of shape [out, in]. */
    public static Tensor linear(Tensor input, Tensor weight) {
        return FunctionalBasics.linear(input, weight, null);
    }

    /** {@code input · weightᵀ + bias}, weight of shape [out, in], bias of shape [out] (or null). */
    public static Tensor linear(Tensor input, Tensor weight, Tensor bias) {
        return FunctionalBasics.linear(input, weight, bias);
    }

    /** Dropout whose mask comes from the default generator (see the four-argument form). */
    public static Tensor dropout(Tensor input, double p, boolean training) {
        return FunctionalBasics.dropout(input, p, training, dev.nabla.Generator.defaultGenerator());
    }

    /**
     * In training, zeroes each element with probability {@code p} (mask drawn from {@code generator}) and scales the
     * rest by {@code 1 / (1 - p)}; otherwise returns {@code input} itself.
     */
    public static Tensor dropout(Tensor input, double p, boolean training, dev.nabla.Generator generator) {
        return FunctionalBasics.dropout(input, p, training, generator);
    }

    /** The rows of {@code weight} [num, dim] at integer {@code indices}: shape {@code indices.shape + [dim]}. */
    public static Tensor embedding(Tensor indices, Tensor weight) {
        return FunctionalBasics.embedding(indices, weight, null);
    }

    /** {@link #embedding(Tensor, Tensor)} where lookups of row {@code paddingIdx} (may be negative) get no gradient. */
    public static Tensor embedding(Tensor indices, Tensor weight, Integer paddingIdx) {
        return FunctionalBasics.embedding(indices, weight, paddingIdx);
    }

    /** One-hot INT64 encoding with {@code max(indices) + 1} classes. */
    public static Tensor oneHot(Tensor indices) {
        return FunctionalBasics.oneHot(indices, -1);
    }

    /** One-hot INT64 encoding of INT64 {@code indices}: shape {@code indices.shape + [numClasses]} (-1: inferred). */
    public static Tensor oneHot(Tensor indices, int numClasses) {
        return FunctionalBasics.oneHot(indices, numClasses);
    }

    /** Zero padding; see {@link #pad(Tensor, int[], double)}. */
    public static Tensor pad(Tensor input, int[] pad) {
        return FunctionalBasics.pad(input, pad, 0);
    }

    /**
     * Constant padding with {@code value}: {@code pad} holds (before, after) pairs for the last dim first, then the
     * one before it, as PyTorch's {@code F.pad}; negative amounts crop.
     */
    public static Tensor pad(Tensor input, int[] pad, double value) {
        return FunctionalBasics.pad(input, pad, value);
    }

    /** {@code max(x, 0)}. */
    public static Tensor relu(Tensor x) {
        return x.relu();
    }

    /** Leaky ReLU with slope 0.01. */
    public static Tensor leakyRelu(Tensor x) {
        return x.leakyRelu(0.01);
    }

    /** {@code x} where positive, {@code negativeSlope * x} elsewhere. */
    public static Tensor leakyRelu(Tensor x, double negativeSlope) {
        return x.leakyRelu(negativeSlope);
    }

    /** Exact GELU, {@code x * Φ(x)}. */
    public static Tensor gelu(Tensor x) {
        return x.gelu(false);
    }

    /** GELU with {@code approximate} "none" (exact) or "tanh" (the tanh approximation), as PyTorch names them. */
    public static Tensor gelu(Tensor x, String approximate) {
        return x.gelu(geluTanh(approximate));
    }

    /** True for "tanh", false for "none"; anything else is an error. */
    static boolean geluTanh(String approximate) {
        if ("none".equals(approximate)) return false;
        if ("tanh".equals(approximate)) return true;
        throw new IllegalArgumentException("gelu: approximate argument must be either 'none' or 'tanh', got '"
                + approximate + "'");
    }

    /** SiLU (swish), {@code x * sigmoid(x)}. */
    public static Tensor silu(Tensor x) {
        return x.silu();
    }

    /** {@code 1 / (1 + exp(-x))}. */
    public static Tensor sigmoid(Tensor x) {
        return x.sigmoid();
    }

    /** Hyperbolic tangent. */
    public static Tensor tanh(Tensor x) {
        return x.tanh();
    }

    /** Softmax along {@code dim}. */
    public static Tensor softmax(Tensor x, int dim) {
        return x.softmax(dim);
    }

    /** Log-softmax along {@code dim}. */
    public static Tensor logSoftmax(Tensor x, int dim) {
        return x.logSoftmax(dim);
    }

    // ---------------------------------------------------------------- normalization

    /**
     * Batch normalization over dim 1 of [N, C, *]. In training it normalizes with the batch mean and biased variance
     * and, where given, moves {@code runningMean}/{@code runningVar} by {@code momentum} towards the batch mean and
     * unbiased variance; otherwise it normalizes with the running statistics. {@code weight}/{@code bias} may be null.
     */
    public static Tensor batchNorm(Tensor input, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
                                   boolean training, double momentum, double eps) {
        return FunctionalNorms.batchNorm(input, runningMean, runningVar, weight, bias, training, momentum, eps);
    }

    /** Layer normalization over the trailing {@code normalizedShape} dims, eps 1e-5, no affine. */
    public static Tensor layerNorm(Tensor input, int[] normalizedShape) {
        return FunctionalNorms.layerNorm(input, normalizedShape, null, null, 1e-5);
    }

    /** Layer normalization over the trailing {@code normalizedShape} dims, then {@code * weight + bias} (nullable). */
    public static Tensor layerNorm(Tensor input, int[] normalizedShape, Tensor weight, Tensor bias, double eps) {
        return FunctionalNorms.layerNorm(input, normalizedShape, weight, bias, eps);
    }

    /** Group normalization of [N, C, *] with {@code numGroups} groups of channels, eps 1e-5, no affine. */
    public static Tensor groupNorm(Tensor input, int numGroups) {
        return FunctionalNorms.groupNorm(input, numGroups, null, null, 1e-5);
    }

    /** Group normalization, then per-channel {@code * weight + bias} (each [C] or null). */
    public static Tensor groupNorm(Tensor input, int numGroups, Tensor weight, Tensor bias, double eps) {
        return FunctionalNorms.groupNorm(input, numGroups, weight, bias, eps);
    }

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

    /** PyTorch's {@code F.mse_loss}: {@code (x - y)^2}, averaged. */
    public static Tensor mseLoss(Tensor input, Tensor target) {
        return PointwiseLosses.mse(input, target, Reduction.MEAN);
    }

    /** PyTorch's {@code F.mse_loss} with a reduction. */
    public static Tensor mseLoss(Tensor input, Tensor target, Reduction reduction) {
        return PointwiseLosses.mse(input, target, reduction);
    }

    /** PyTorch's {@code F.l1_loss}: {@code |x - y|}, averaged. */
    public static Tensor l1Loss(Tensor input, Tensor target) {
        return PointwiseLosses.l1(input, target, Reduction.MEAN);
    }

    /** PyTorch's {@code F.l1_loss} with a reduction. */
    public static Tensor l1Loss(Tensor input, Tensor target, Reduction reduction) {
        return PointwiseLosses.l1(input, target, reduction);
    }

    /** PyTorch's {@code F.smooth_l1_loss} with beta 1, averaged. */
    public static Tensor smoothL1Loss(Tensor input, Tensor target) {
        return PointwiseLosses.smoothL1(input, target, Reduction.MEAN, 1.0);
    }

    /** PyTorch's {@code F.smooth_l1_loss}: quadratic below {@code beta}, linear above. */
    public static Tensor smoothL1Loss(Tensor input, Tensor target, Reduction reduction, double beta) {
        return PointwiseLosses.smoothL1(input, target, reduction, beta);
    }

    /** PyTorch's {@code F.binary_cross_entropy} on probabilities, averaged. */
    public static Tensor binaryCrossEntropy(Tensor input, Tensor target) {
        return PointwiseLosses.bce(input, target, null, Reduction.MEAN);
    }

    /** PyTorch's {@code F.binary_cross_entropy} with an element weight (or null) and a reduction. */
    public static Tensor binaryCrossEntropy(Tensor input, Tensor target, Tensor weight, Reduction reduction) {
        return PointwiseLosses.bce(input, target, weight, reduction);
    }

    /** PyTorch's {@code F.binary_cross_entropy_with_logits}, averaged. */
    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target) {
        return PointwiseLosses.bceWithLogits(input, target, null, null, Reduction.MEAN);
    }

    /** PyTorch's {@code F.binary_cross_entropy_with_logits} with weight and pos_weight (each may be null). */
    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target, Tensor weight, Reduction reduction,
                                                      Tensor posWeight) {
        return PointwiseLosses.bceWithLogits(input, target, weight, posWeight, reduction);
    }

    /** PyTorch's {@code F.nll_loss} on log-probabilities, averaged, ignoring targets equal to -100. */
    public static Tensor nllLoss(Tensor input, Tensor target) {
        return CategoricalLosses.nll(input, target, null, -100, Reduction.MEAN);
    }

    /** PyTorch's {@code F.nll_loss} with class weights (or null), an ignored index and a reduction. */
    public static Tensor nllLoss(Tensor input, Tensor target, Tensor weight, long ignoreIndex, Reduction reduction) {
        return CategoricalLosses.nll(input, target, weight, ignoreIndex, reduction);
    }

    /** PyTorch's {@code F.cross_entropy} on logits, averaged, ignoring targets equal to -100. */
    public static Tensor crossEntropy(Tensor input, Tensor target) {
        return CategoricalLosses.crossEntropy(input, target, null, -100, Reduction.MEAN, 0.0);
    }

    /** PyTorch's {@code F.cross_entropy} with class weights (or null), an ignored index, a reduction and smoothing. */
    public static Tensor crossEntropy(Tensor input, Tensor target, Tensor weight, long ignoreIndex, Reduction reduction,
                                      double labelSmoothing) {
        return CategoricalLosses.crossEntropy(input, target, weight, ignoreIndex, reduction, labelSmoothing);
    }
}
