package dev.nabla.nn.optim;

import dev.nabla.Nabla;
import dev.nabla.Tensor;

import java.util.LinkedHashMap;
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
        Tensor g = group.getBoolean("maximize") ? grad.neg() : grad;
        if (weightDecay != 0) g = g.add(p, weightDecay);
        double clr = lr / (1 + (t - 1) * lrDecay);
        sum.add_(g.mul(g));
        p.add_(g.div(sum.sqrt().add(eps)), -clr);
    }

    /** PyTorch's keyword arguments: {@code lr, lr_decay, weight_decay, initial_accumulator_value, eps, maximize}. */
    public static final class Builder {
        private double lr = 1e-2;
        private double lrDecay;
        private double weightDecay;
        private double initialAccumulatorValue;
        private double eps = 1e-10;
        private boolean maximize;

        private Builder() {
        }

        /** The learning rate (default 0.01). */
        public Builder lr(double lr) {
            this.lr = lr;
            return this;
        }

        /** The decay of the learning rate with the step count (default 0). */
        public Builder lrDecay(double lrDecay) {
            this.lrDecay = lrDecay;
            return this;
        }

        /** The L2 penalty added to the gradient (default 0). */
        public Builder weightDecay(double weightDecay) {
            this.weightDecay = weightDecay;
            return this;
        }

        /** The starting value of the squared-gradient sums (default 0). */
        public Builder initialAccumulatorValue(double initialAccumulatorValue) {
            this.initialAccumulatorValue = initialAccumulatorValue;
            return this;
        }

        /** Added to the denominator for numerical stability (default 1e-10). */
        public Builder eps(double eps) {
            this.eps = eps;
            return this;
        }

        /** Maximize the objective instead of minimizing it. */
        public Builder maximize(boolean maximize) {
            this.maximize = maximize;
            return this;
        }

        /** Adagrad over one group of {@code params}. */
        public Adagrad build(Iterable<? extends Tensor> params) {
            return new Adagrad(singleGroup(params), defaults());
        }

        /** Adagrad over parameter groups; options a group does not set come from this builder. */
        public Adagrad build(ParamGroup... groups) {
            return new Adagrad(List.of(groups), defaults());
        }

        private Map<String, Object> defaults() {
            Checks.nonNegative("Adagrad", "learning rate", lr);
            Checks.nonNegative("Adagrad", "lr_decay value", lrDecay);
            Checks.nonNegative("Adagrad", "weight_decay value", weightDecay);
            Checks.nonNegative("Adagrad", "initial_accumulator_value value", initialAccumulatorValue);
            Checks.nonNegative("Adagrad", "epsilon value", eps);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("lr", lr);
            d.put("lr_decay", lrDecay);
            d.put("weight_decay", weightDecay);
            d.put("initial_accumulator_value", initialAccumulatorValue);
            d.put("eps", eps);
            d.put("maximize", maximize);
            return d;
        }
    }
}
