package dev.nabla.nn.optim;

import dev.nabla.Tensor;

import java.util.LinkedHashMap;
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
        Tensor d = group.getBoolean("maximize") ? grad.neg() : grad;
        if (weightDecay != 0) d = d.add(p, weightDecay);
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

    /** PyTorch's keyword arguments: {@code lr, momentum, dampening, weight_decay, nesterov, maximize}. */
    public static final class Builder {
        private double lr = 1e-3;
        private double momentum;
        private double dampening;
        private double weightDecay;
        private boolean nesterov;
        private boolean maximize;

        private Builder() {
        }

        /** The learning rate (default 0.001). */
        public Builder lr(double lr) {
            this.lr = lr;
            return this;
        }

        /** The momentum factor (default 0). */
        public Builder momentum(double momentum) {
            this.momentum = momentum;
            return this;
        }

        /** The dampening of momentum (default 0). */
        public Builder dampening(double dampening) {
            this.dampening = dampening;
            return this;
        }

        /** The L2 penalty added to the gradient (default 0). */
        public Builder weightDecay(double weightDecay) {
            this.weightDecay = weightDecay;
            return this;
        }

        /** Nesterov momentum (needs momentum and zero dampening). */
        public Builder nesterov(boolean nesterov) {
            this.nesterov = nesterov;
            return this;
        }

        /** Maximize the objective instead of minimizing it. */
        public Builder maximize(boolean maximize) {
            this.maximize = maximize;
            return this;
        }

        /** SGD over one group of {@code params}. */
        public SGD build(Iterable<? extends Tensor> params) {
            return new SGD(singleGroup(params), defaults());
        }

        /** SGD over parameter groups; options a group does not set come from this builder. */
        public SGD build(ParamGroup... groups) {
            return new SGD(List.of(groups), defaults());
        }

        private Map<String, Object> defaults() {
            Checks.nonNegative("SGD", "learning rate", lr);
            Checks.nonNegative("SGD", "momentum value", momentum);
            Checks.nonNegative("SGD", "weight_decay value", weightDecay);
            if (nesterov && (momentum <= 0 || dampening != 0)) {
                throw new IllegalArgumentException("SGD: Nesterov momentum requires a momentum and zero dampening");
            }
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("lr", lr);
            d.put("momentum", momentum);
            d.put("dampening", dampening);
            d.put("weight_decay", weightDecay);
            d.put("nesterov", nesterov);
            d.put("maximize", maximize);
            return d;
        }
    }
}
