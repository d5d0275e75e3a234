package dev.nabla.nn.optim;

import dev.nabla.Nabla;
import dev.nabla.Tensor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PyTorch's {@code torch.optim.RMSprop}: with {@code g} the gradient plus {@code weight_decay * p},
 * {@code v = alpha v + (1 - alpha) g^2}; centered, {@code ga = alpha ga + (1 - alpha) g} and {@code v - ga^2}
 * replaces {@code v} in the denominator {@code sqrt(.) + eps}. Without momentum {@code p -= lr g / denom}; with it
 * {@code b = mu b + g / denom} and {@code p -= lr b}. State: {@code step}, {@code square_avg}, and
 * {@code momentum_buffer}, {@code grad_avg} when used.
 */
public final class RMSprop extends Optimizer {

    /** RMSprop over {@code params} with PyTorch's defaults (lr 0.01, alpha 0.99, eps 1e-8). */
    public RMSprop(Iterable<? extends Tensor> params) {
        this(singleGroup(params), new Builder().defaults());
    }

    private RMSprop(List<ParamGroup> groups, Map<String, Object> defaults) {
        super(groups, defaults);
    }

    /** A builder for PyTorch's keyword arguments. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected void update(Tensor p, Tensor grad, Map<String, Tensor> state, ParamGroup group) {
        double lr = group.lr();
        double alpha = group.getDouble("alpha");
        double eps = group.getDouble("eps");
        double weightDecay = group.getDouble("weight_decay");
        double momentum = group.getDouble("momentum");
        boolean centered = group.getBoolean("centered");
        incrementStep(state);
        Tensor squareAvg = state.computeIfAbsent("square_avg", k -> Nabla.zerosLike(p));
        Tensor g = group.getBoolean("maximize") ? grad.neg() : grad;
        if (weightDecay != 0) g = g.add(p, weightDecay);
        squareAvg.mul_(alpha).add_(g.mul(g), 1 - alpha);
        Tensor avg;
        if (centered) {
            Tensor gradAvg = state.computeIfAbsent("grad_avg", k -> Nabla.zerosLike(p));
            gradAvg.mul_(alpha).add_(g, 1 - alpha);
            avg = squareAvg.sub(gradAvg.mul(gradAvg)).sqrt().add(eps);
        } else {
            avg = squareAvg.sqrt().add(eps);
        }
        if (momentum > 0) {
            Tensor buf = state.computeIfAbsent("momentum_buffer", k -> Nabla.zerosLike(p));
            buf.mul_(momentum).add_(g.div(avg));
            p.add_(buf, -lr);
        } else {
            p.add_(g.div(avg), -lr);
        }
    }

    /** PyTorch's keyword arguments: {@code lr, alpha, eps, weight_decay, momentum, centered, maximize}. */
    public static final class Builder {
        private double lr = 1e-2;
        private double alpha = 0.99;
        private double eps = 1e-8;
        private double weightDecay;
        private double momentum;
        private boolean centered;
        private boolean maximize;

        private Builder() {
        }

        /** The learning rate (default 0.01). */
        public Builder lr(double lr) {
            this.lr = lr;
            return this;
        }

        /** The smoothing constant of the squared-gradient average (default 0.99). */
        public Builder alpha(double alpha) {
            this.alpha = alpha;
            return this;
        }

        /** Added to the denominator for numerical stability (default 1e-8). */
        public Builder eps(double eps) {
            this.eps = eps;
            return this;
        }

        /** The L2 penalty added to the gradient (default 0). */
        public Builder weightDecay(double weightDecay) {
            this.weightDecay = weightDecay;
            return this;
        }

        /** The momentum factor (default 0). */
        public Builder momentum(double momentum) {
            this.momentum = momentum;
            return this;
        }

        /** Normalize by the estimated variance of the gradient instead of its second moment. */
        public Builder centered(boolean centered) {
            this.centered = centered;
            return this;
        }

        /** Maximize the objective instead of minimizing it. */
        public Builder maximize(boolean maximize) {
            this.maximize = maximize;
            return this;
        }

        /** RMSprop over one group of {@code params}. */
        public RMSprop build(Iterable<? extends Tensor> params) {
            return new RMSprop(singleGroup(params), defaults());
        }

        /** RMSprop over parameter groups; options a group does not set come from this builder. */
        public RMSprop build(ParamGroup... groups) {
            return new RMSprop(List.of(groups), defaults());
        }

        private Map<String, Object> defaults() {
            Checks.nonNegative("RMSprop", "learning rate", lr);
            Checks.nonNegative("RMSprop", "epsilon value", eps);
            Checks.nonNegative("RMSprop", "momentum value", momentum);
            Checks.nonNegative("RMSprop", "weight_decay value", weightDecay);
            Checks.nonNegative("RMSprop", "alpha value", alpha);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("lr", lr);
            d.put("alpha", alpha);
            d.put("eps", eps);
            d.put("weight_decay", weightDecay);
            d.put("momentum", momentum);
            d.put("centered", centered);
            d.put("maximize", maximize);
            return d;
        }
    }
}
