package dev.nabla.nn;

import dev.nabla.Tensor;

/** PyTorch's {@code nn.L1Loss}: the mean absolute error {@code |x - y|} per element, then the reduction. */
public final class L1Loss extends Loss {

    /** The loss with PyTorch's default reduction, the mean. */
    public L1Loss() {
        this(Reduction.MEAN);
    }

    /** The loss with the given reduction. */
    public L1Loss(Reduction reduction) {
        super(reduction);
    }

    /** The loss of {@code input} against {@code target} (broadcast, with a warning, if their shapes differ). */
    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return PointwiseLosses.l1(input, target, reduction());
    }
}
