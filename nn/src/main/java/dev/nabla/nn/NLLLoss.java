package dev.nabla.nn;

import dev.nabla.Tensor;

/**
 * PyTorch's {@code nn.NLLLoss}: {@code -weight[t] * input[t]} for log-probabilities {@code input} of shape [N, C]
 * or [N, C, d1, ...] (or an unbatched [C]) and class indices {@code t}; targets equal to {@code ignoreIndex}
 * contribute nothing, and the mean divides by the total weight of the others.
 */
public final class NLLLoss extends Loss {
    private final Tensor weight;
    private final long ignoreIndex;

    /** The loss with PyTorch's defaults: no class weights, ignore index -100, mean reduction. */
    public NLLLoss() {
        this(null, -100, Reduction.MEAN);
    }

    /** The loss with class weights of size C (or null), an ignored target value and a reduction. */
    public NLLLoss(Tensor weight, long ignoreIndex, Reduction reduction) {
        super(reduction);
        this.weight = registerBuffer("weight", weight);
        this.ignoreIndex = ignoreIndex;
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

    /** The loss of log-probabilities {@code input} against integer class indices {@code target}. */
    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return CategoricalLosses.nll(input, target, weight, ignoreIndex, reduction());
    }

    /** PyTorch's keyword arguments {@code weight}, {@code ignore_index}, {@code reduction}. */
    public static final class Builder {
        private Tensor weight;
        private long ignoreIndex = -100;
        private Reduction reduction = Reduction.MEAN;

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

        /** The loss. */
        public NLLLoss build() {
            return new NLLLoss(weight, ignoreIndex, reduction);
        }
    }
}
