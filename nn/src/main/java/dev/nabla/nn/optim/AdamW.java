package dev.nabla.nn.optim;

import dev.nabla.Tensor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PyTorch's {@code torch.optim.AdamW}: Adam with decoupled weight decay (Loshchilov and Hutter), that is
 * {@code p *= 1 - lr * weight_decay} and then {@link Adam}'s step on the plain gradient.
 * State: {@code step}, {@code exp_avg}, {@code exp_avg_sq}, and {@code max_exp_avg_sq} with amsgrad.
 */
public final class AdamW extends Optimizer {

    /** AdamW over {@code params} with PyTorch's defaults (lr 0.001, betas 0.9 and 0.999, eps 1e-8, weight decay 1e-2). */
    public AdamW(Iterable<? extends Tensor> params) {
        this(singleGroup(params), new Builder().defaults());
    }

    /** AdamW over {@code params} with learning rate {@code lr}. */
    public AdamW(Iterable<? extends Tensor> params, double lr) {
        this(singleGroup(params), new Builder().lr(lr).defaults());
    }

    private AdamW(List<ParamGroup> groups, Map<String, Object> defaults) {
        super(groups, defaults);
    }

    /** A builder for PyTorch's keyword arguments. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected void update(Tensor p, Tensor grad, Map<String, Tensor> state, ParamGroup group) {
        AdamUpdate.apply(p, grad, state, group, true);
    }

    /** PyTorch's keyword arguments: {@code lr, betas, eps, weight_decay, amsgrad, maximize}. */
    public static final class Builder {
        private double lr = 1e-3;
        private double[] betas = {0.9, 0.999};
        private double eps = 1e-8;
        private double weightDecay = 1e-2;
        private boolean amsgrad;
        private boolean maximize;

        private Builder() {
        }

        /** The learning rate (default 0.001). */
        public Builder lr(double lr) {
            this.lr = lr;
            return this;
        }

        /** The decay rates of the first and second moment averages (default 0.9, 0.999). */
        public Builder betas(double beta1, double beta2) {
            this.betas = new double[] {beta1, beta2};
            return this;
        }

        /** Added to the denominator for numerical stability (default 1e-8). */
        public Builder eps(double eps) {
            this.eps = eps;
            return this;
        }

        /** The weight decay (default 1e-2). */
        public Builder weightDecay(double weightDecay) {
            this.weightDecay = weightDecay;
            return this;
        }

        /** Use the maximum of past second moments (AMSGrad). */
        public Builder amsgrad(boolean amsgrad) {
            this.amsgrad = amsgrad;
            return this;
        }

        /** Maximize the objective instead of minimizing it. */
        public Builder maximize(boolean maximize) {
            this.maximize = maximize;
            return this;
        }

        /** AdamW over one group of {@code params}. */
        public AdamW build(Iterable<? extends Tensor> params) {
            return new AdamW(singleGroup(params), defaults());
        }

        /** AdamW over parameter groups; options a group does not set come from this builder. */
        public AdamW build(ParamGroup... groups) {
            return new AdamW(List.of(groups), defaults());
        }

        private Map<String, Object> defaults() {
            AdamUpdate.check("AdamW", lr, betas, eps, weightDecay);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("lr", lr);
            d.put("betas", betas.clone());
            d.put("eps", eps);
            d.put("weight_decay", weightDecay);
            d.put("amsgrad", amsgrad);
            d.put("maximize", maximize);
            return d;
        }
    }
}
