package dev.nabla.nn;

import dev.nabla.Tensor;

/** PyTorch's {@code nn.MSELoss}: the mean squared error {@code (x - y)^2} per element, then the reduction. */
public final class MSELoss extends Loss {

    /** The loss with PyTorch's default reduction, the mean. */
    public MSELoss() {
        this(Reduction.MEAN);
    }

    /** The loss with the given reduction. */
    public MSELoss(Reduction reduction) {
        super(reduction);
    }

    /** The loss of {@code input} against {@code target} (broadcast, with a warning, if their shapes differ). */
    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return PointwiseLosses.mse(input, target, reduction());
    }
}
