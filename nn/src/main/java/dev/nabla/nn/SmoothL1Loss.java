package dev.nabla.nn;

import dev.nabla.Tensor;

/**
 * PyTorch's {@code nn.SmoothL1Loss}: {@code 0.5 d^2 / beta} where {@code |d| < beta}, else {@code |d| - 0.5 beta},
 * with {@code d = x - y}; beta 0 gives the L1 loss.
 */
public final class SmoothL1Loss extends Loss {
    private final double beta;

    /** The loss with PyTorch's defaults: mean reduction, beta 1. */
    public SmoothL1Loss() {
        this(Reduction.MEAN, 1.0);
    }

    /** The loss with the given reduction and beta (non-negative). */
    public SmoothL1Loss(Reduction reduction, double beta) {
        super(reduction);
        if (!(beta >= 0)) throw new IllegalArgumentException("SmoothL1Loss: beta must be non-negative, got " + beta);
        this.beta = beta;
    }

    /** Where the loss turns from quadratic to linear. */
    public double beta() {
        return beta;
    }

    /** The loss of {@code input} against {@code target}. */
    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return PointwiseLosses.smoothL1(input, target, reduction(), beta);
    }
}
