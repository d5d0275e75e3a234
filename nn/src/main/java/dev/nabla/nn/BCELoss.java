package dev.nabla.nn;

import dev.nabla.Tensor;

/**
 * PyTorch's {@code nn.BCELoss}: {@code -w (y log x + (1 - y) log(1 - x))} on probabilities {@code x} in [0, 1],
 * with each logarithm clamped at -100. Prefer {@link BCEWithLogitsLoss} on logits, which is stable.
 */
public final class BCELoss extends Loss {
    private final Tensor weight;

    /** The loss with PyTorch's defaults: no weight, mean reduction. */
    public BCELoss() {
        this(null, Reduction.MEAN);
    }

    /** The loss with a weight broadcast against the elements (or null) and the given reduction. */
    public BCELoss(Tensor weight, Reduction reduction) {
        super(reduction);
        this.weight = registerBuffer("weight", weight);
    }

    /** The element weight, or null. */
    public Tensor weight() {
        return weight;
    }

    /** The loss of probabilities {@code input} against {@code target} of the same shape. */
    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return PointwiseLosses.bce(input, target, weight, reduction());
    }
}
