package dev.nabla.nn.optim;

import dev.nabla.Nabla;
import dev.nabla.Tensor;

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
        Tensor g = l2Gradient(p, grad, group, weightDecay);
        squareAvg.mul_(alpha).add_(g.mul(g), 1 - alpha);
        Tensor avg;
        if (centered) {
            Tensor gradAvg = state.computeIfAbsent("grad_avg", k -> Nabla.zerosLike(p));
            gradAvg.mul_(alpha).add_(g, 1 - alpha);
            avg = squareAvg.sub(gradAvg.mul(gradAvg)).sqrt().add_(eps);
        } else {
            avg = squareAvg.sqrt().add_(eps);
        }
        if (momentum > 0) {
            Tensor buf = state.computeIfAbsent("momentum_buffer", k -> Nabla.zerosLike(p));
            buf.mul_(momentum).add_(g.div(avg));
            p.add_(buf, -lr);
        } else {
            p.add_(g.div(avg), -lr);
        }
    }

    /**
     * PyTorch's keyword arguments {@code lr, alpha, eps, weight_decay, momentum, centered, maximize}; defaults lr
     * 0.01, alpha 0.99, eps 1e-8, no weight decay or momentum, not centered, minimizing.
     */
    public static final class Builder extends OptimizerBuilder<Builder, RMSprop> {
        private Builder() {
            super(RMSprop::new);
            set("lr", 1e-2);
            set("alpha", 0.99);
            set("eps", 1e-8);
            set("weight_decay", 0.0);
            set("momentum", 0.0);
            set("centered", false);
            set("maximize", false);
        }

        /** The smoothing constant of the squared-gradient average (default 0.99). */
        public Builder alpha(double alpha) {
            return set("alpha", alpha);
        }

        /** Added to the denominator for numerical stability (default 1e-8). */
        public Builder eps(double eps) {
            return set("eps", eps);
        }

        /** The momentum factor (default 0). */
        public Builder momentum(double momentum) {
            return set("momentum", momentum);
        }

        /** Normalize by the estimated variance of the gradient instead of its second moment. */
        public Builder centered(boolean centered) {
            return set("centered", centered);
        }

        @Override
        void check() {
            Checks.nonNegative("RMSprop", "learning rate", getDouble("lr"));
            Checks.nonNegative("RMSprop", "epsilon value", getDouble("eps"));
            Checks.nonNegative("RMSprop", "momentum value", getDouble("momentum"));
            Checks.nonNegative("RMSprop", "weight_decay value", getDouble("weight_decay"));
            Checks.nonNegative("RMSprop", "alpha value", getDouble("alpha"));
        }
    }
}
