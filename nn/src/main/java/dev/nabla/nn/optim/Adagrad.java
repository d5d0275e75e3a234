package dev.nabla.nn.optim;

import dev.nabla.Nabla;
import dev.nabla.Tensor;

import java.util.List;
import java.util.Map;

/**
 * PyTorch's {@code torch.optim.Adagrad}: with {@code t} the step count and {@code g} the gradient plus
 * {@code weight_decay * p}, {@code clr = lr / (1 + (t - 1) lr_decay)}, {@code sum += g^2} (starting from
 * {@code initial_accumulator_value}) and {@code p -= clr g / (sqrt(sum) + eps)}. State: {@code step}, {@code sum}.
 */
public final class Adagrad extends Optimizer {

    /** Adagrad over {@code params} with PyTorch's defaults (lr 0.01, eps 1e-10). */
    public Adagrad(Iterable<? extends Tensor> params) {
        this(singleGroup(params), new Builder().defaults());
    }

    private Adagrad(List<ParamGroup> groups, Map<String, Object> defaults) {
        super(groups, defaults);
    }

    /** A builder for PyTorch's keyword arguments. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected void update(Tensor p, Tensor grad, Map<String, Tensor> state, ParamGroup group) {
        double lr = group.lr();
        double lrDecay = group.getDouble("lr_decay");
        double weightDecay = group.getDouble("weight_decay");
        double eps = group.getDouble("eps");
        Tensor sum = state.computeIfAbsent("sum",
                k -> Nabla.fullLike(p, group.getDouble("initial_accumulator_value")));
        double t = incrementStep(state);
        Tensor g = l2Gradient(p, grad, group, weightDecay);
        double clr = lr / (1 + (t - 1) * lrDecay);
        sum.add_(g.mul(g));
        p.add_(g.div(sum.sqrt().add_(eps)), -clr);
    }

    /**
     * PyTorch's keyword arguments {@code lr, lr_decay, weight_decay, initial_accumulator_value, eps, maximize};
     * defaults lr 0.01, no lr decay or weight decay, accumulators starting at 0, eps 1e-10, minimizing.
     */
    public static final class Builder extends OptimizerBuilder<Builder, Adagrad> {
        private Builder() {
            super(Adagrad::new);
            set("lr", 1e-2);
            set("lr_decay", 0.0);
            set("weight_decay", 0.0);
            set("initial_accumulator_value", 0.0);
            set("eps", 1e-10);
            set("maximize", false);
        }

        /** The decay of the learning rate with the step count (default 0). */
        public Builder lrDecay(double lrDecay) {
            return set("lr_decay", lrDecay);
        }

        /** The starting value of the squared-gradient sums (default 0). */
        public Builder initialAccumulatorValue(double initialAccumulatorValue) {
            return set("initial_accumulator_value", initialAccumulatorValue);
        }

        /** Added to the denominator for numerical stability (default 1e-10). */
        public Builder eps(double eps) {
            return set("eps", eps);
        }

        @Override
        void check() {
            Checks.nonNegative("Adagrad", "learning rate", getDouble("lr"));
            Checks.nonNegative("Adagrad", "lr_decay value", getDouble("lr_decay"));
            Checks.nonNegative("Adagrad", "weight_decay value", getDouble("weight_decay"));
            Checks.nonNegative("Adagrad", "initial_accumulator_value value", getDouble("initial_accumulator_value"));
            Checks.nonNegative("Adagrad", "epsilon value", getDouble("eps"));
        }
    }
}
