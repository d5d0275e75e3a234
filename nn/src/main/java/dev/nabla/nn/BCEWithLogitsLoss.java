package dev.nabla.nn;

import dev.nabla.Tensor;

/**
 * PyTorch's {@code nn.BCEWithLogitsLoss}: binary cross entropy on logits, {@code -w (p y log s(x) + (1 - y) log(1 - s(x)))}
 * with {@code s} the sigmoid and {@code p} the positive-class weight (broadcast along the last dim, one per
 * class), computed in the log-sigmoid form that stays finite for any logit.
 */
public final class BCEWithLogitsLoss extends Loss {
    private final Tensor weight;
    private final Tensor posWeight;

    /** The loss with PyTorch's defaults: no weights, mean reduction. */
    public BCEWithLogitsLoss() {
        this(null, Reduction.MEAN, null);
    }

    /** The loss with an element weight (or null), a reduction and a positive-class weight (or null), PyTorch's order. */
    public BCEWithLogitsLoss(Tensor weight, Reduction reduction, Tensor posWeight) {
        super(reduction);
        this.weight = registerBuffer("weight", weight);
        this.posWeight = registerBuffer("pos_weight", posWeight);
    }

    /** A builder for PyTorch's keyword arguments. */
    public static Builder builder() {
        return new Builder();
    }

    /** The element weight, or null. */
    public Tensor weight() {
        return weight;
    }

    /** The positive-class weight, or null. */
    public Tensor posWeight() {
        return posWeight;
    }

    /** The loss of logits {@code input} against {@code target} of the same shape. */
    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return PointwiseLosses.bceWithLogits(input, target, weight, posWeight, reduction());
    }

    /** PyTorch's keyword arguments {@code weight}, {@code reduction}, {@code pos_weight}. */
    public static final class Builder {
        private Tensor weight;
        private Reduction reduction = Reduction.MEAN;
        private Tensor posWeight;

        private Builder() {
        }

        /** A weight broadcast against the elements. */
        public Builder weight(Tensor weight) {
            this.weight = weight;
            return this;
        }

        /** The reduction (default mean). */
        public Builder reduction(Reduction reduction) {
            this.reduction = reduction;
            return this;
        }

        /** The weight of positive examples, one per class (broadcast along the last dim). */
        public Builder posWeight(Tensor posWeight) {
            this.posWeight = posWeight;
            return this;
        }

        /** The loss. */
        public BCEWithLogitsLoss build() {
            return new BCEWithLogitsLoss(weight, reduction, posWeight);
        }
    }
}
