package dev.nabla.nn.optim;

import dev.nabla.Tensor;

import java.util.List;
import java.util.Map;

/**
 * PyTorch's {@code torch.optim.SGD}: with {@code g} the gradient (negated when maximizing) plus
 * {@code weight_decay * p}, and momentum {@code mu}, {@code b = g} on the first step and
 * {@code b = mu b + (1 - dampening) g} after; the update is {@code p -= lr * (nesterov ? g + mu b : b)}
 * ({@code p -= lr * g} without momentum). Maximizing negates the gradient before the weight decay is added, as
 * PyTorch's implementation does. State: {@code momentum_buffer}.
 */
public final class SGD extends Optimizer {

    /** SGD over {@code params} with PyTorch's defaults (lr 0.001, no momentum). */
    public SGD(Iterable<? extends Tensor> params) {
        this(singleGroup(params), new Builder().defaults());
    }

    /** SGD over {@code params} with learning rate {@code lr}. */
    public SGD(Iterable<? extends Tensor> params, double lr) {
        this(singleGroup(params), new Builder().lr(lr).defaults());
    }

    private SGD(List<ParamGroup> groups, Map<String, Object> defaults) {
        super(groups, defaults);
    }

    /** A builder for PyTorch's keyword arguments. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected void update(Tensor p, Tensor grad, Map<String, Tensor> state, ParamGroup group) {
        double lr = group.lr();
        double momentum = group.getDouble("momentum");
        double dampening = group.getDouble("dampening");
        double weightDecay = group.getDouble("weight_decay");
        Tensor d = l2Gradient(p, grad, group, weightDecay);
        if (momentum != 0) {
            Tensor buf = state.get("momentum_buffer");
            if (buf == null) {
                buf = d.clone();
                state.put("momentum_buffer", buf);
            } else {
                buf.mul_(momentum).add_(d, 1 - dampening);
            }
            d = group.getBoolean("nesterov") ? d.add(buf, momentum) : buf;
        }
        p.add_(d, -lr);
    }

    /**
     * PyTorch's keyword arguments {@code lr, momentum, dampening, weight_decay, nesterov, maximize}; defaults lr
     * 0.001, no momentum, dampening or weight decay, no Nesterov, minimizing.
     */
    public static final class Builder extends OptimizerBuilder<Builder, SGD> {
        private Builder() {
            super(SGD::new);
            set("lr", 1e-3);
            set("momentum", 0.0);
            set("dampening", 0.0);
            set("weight_decay", 0.0);
            set("nesterov", false);
            set("maximize", false);
        }

        /** The momentum factor (default 0). */
        public Builder momentum(double momentum) {
            return set("momentum", momentum);
        }

        /** The dampening of momentum (default 0). */
        public Builder dampening(double dampening) {
            return set("dampening", dampening);
        }

        /** Nesterov momentum (needs momentum and zero dampening). */
        public Builder nesterov(boolean nesterov) {
            return set("nesterov", nesterov);
        }

        @Override
        void check() {
            Checks.nonNegative("SGD", "learning rate", getDouble("lr"));
            Checks.nonNegative("SGD", "momentum value", getDouble("momentum"));
            Checks.nonNegative("SGD", "weight_decay value", getDouble("weight_decay"));
            if (getBoolean("nesterov") && (getDouble("momentum") <= 0 || getDouble("dampening") != 0)) {
                throw new IllegalArgumentException("SGD: Nesterov momentum requires a momentum and zero dampening");
            }
        }
    }
}
