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
