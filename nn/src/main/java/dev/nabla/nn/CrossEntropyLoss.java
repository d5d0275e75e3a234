package dev.nabla.nn;

import dev.nabla.Tensor;

/**
 * PyTorch's {@code nn.CrossEntropyLoss}: log-softmax over the class dim (1 of [N, C, d1, ...], 0 of an unbatched
 * [C]) followed by the negative log likelihood of integer class indices, or by {@code -sum(p * log q)} when the
 * target holds class probabilities (a floating tensor of the input's shape). Supports class weights, an ignored
 * index and label smoothing with PyTorch's normalization.
 */
public final class CrossEntropyLoss extends Loss {
    private final Tensor weight;
    private final long ignoreIndex;
    private final double labelSmoothing;

    /** The loss with PyTorch's defaults: no class weights, ignore index -100, mean reduction, no smoothing. */
    public CrossEntropyLoss() {
        this(null, -100, Reduction.MEAN, 0.0);
    }

    /** The loss with class weights (or null), an ignored target value, a reduction and label smoothing in [0, 1]. */
    public CrossEntropyLoss(Tensor weight, long ignoreIndex, Reduction reduction, double labelSmoothing) {
        super(reduction);
        if (!(labelSmoothing >= 0 && labelSmoothing <= 1)) {
            throw new IllegalArgumentException("CrossEntropyLoss: label_smoothing must be between 0.0 and 1.0, got "
                    + labelSmoothing);
        }
        this.weight = registerBuffer("weight", weight);
        this.ignoreIndex = ignoreIndex;
        this.labelSmoothing = labelSmoothing;
    }

    /** A builder for PyTorch's keyword arguments. */
    public static Builder builder() {
        return new Builder();
    }

    /** The class weights, or null. */
    public Tensor weight() {
        return weight;
    }

    /** The target value that is ignored. */
    public long ignoreIndex() {
        return ignoreIndex;
    }

    /** The weight of the uniform distribution mixed into the targets. */
    public double labelSmoothing() {
        return labelSmoothing;
    }

    /** The loss of logits {@code input} against class indices or class probabilities {@code target}. */
    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return CategoricalLosses.crossEntropy(input, target, weight, ignoreIndex, reduction(), labelSmoothing);
    }

    /** PyTorch's keyword arguments {@code weight}, {@code ignore_index}, {@code reduction}, {@code label_smoothing}. */
    public static final class Builder {
        private Tensor weight;
        private long ignoreIndex = -100;
        private Reduction reduction = Reduction.MEAN;
        private double labelSmoothing;

        private Builder() {
        }

        /** Class weights, one per class. */
        public Builder weight(Tensor weight) {
            this.weight = weight;
            return this;
        }

        /** The target value to ignore (default -100). */
        public Builder ignoreIndex(long ignoreIndex) {
            this.ignoreIndex = ignoreIndex;
            return this;
        }

        /** The reduction (default mean). */
        public Builder reduction(Reduction reduction) {
            this.reduction = reduction;
            return this;
        }

        /** The weight of the uniform distribution mixed into the targets (default 0). */
        public Builder labelSmoothing(double labelSmoothing) {
            this.labelSmoothing = labelSmoothing;
            return this;
        }

        /** The loss. */
        public CrossEntropyLoss build() {
            return new CrossEntropyLoss(weight, ignoreIndex, reduction, labelSmoothing);
        }
    }
}
