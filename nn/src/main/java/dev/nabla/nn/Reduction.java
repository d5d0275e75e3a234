package dev.nabla.nn;

import dev.nabla.Tensor;

/** How a loss combines its per-element values, as PyTorch's {@code reduction='none' | 'mean' | 'sum'}. */
public enum Reduction {
    /** Keep one loss per element. */
    NONE,
    /** Average over the elements (PyTorch's default). */
    MEAN,
    /** Sum over the elements. */
    SUM;

    /** Applies this reduction to per-element losses (a plain mean: weighted losses normalize themselves). */
    public Tensor apply(Tensor losses) {
        return switch (this) {
            case NONE -> losses;
            case MEAN -> losses.mean();
            case SUM -> losses.sum();
        };
    }

    /** PyTorch's spelling: {@code none}, {@code mean} or {@code sum}. */
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
