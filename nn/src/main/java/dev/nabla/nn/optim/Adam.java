package dev.nabla.nn.optim;

import dev.nabla.Tensor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PyTorch's {@code torch.optim.Adam}, with L2 weight decay added to the gradient ({@code g += weight_decay * p}):
 * at step {@code t}, {@code m = b1 m + (1 - b1) g}, {@code v = b2 v + (1 - b2) g^2} (with amsgrad, the running
 * maximum of {@code v} replaces it) and {@code p -= lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)}.
 * State: {@code step}, {@code exp_avg}, {@code exp_avg_sq}, and {@code max_exp_avg_sq} with amsgrad.
 */
public final class Adam extends Optimizer {

    /** Adam over {@code params} with PyTorch's defaults (lr 0.001, betas 0.9 and 0.999, eps 1e-8, weight decay 0). */
    public Adam(Iterable<? extends Tensor> params) {
        this(singleGroup(params), new Builder().defaults());
    }

    /** Adam over {@code params} with learning rate {@code lr}. */
    public Adam(Iterable<? extends Tensor> params, double lr) {
        this(singleGroup(params), new Builder().lr(lr).defaults());
    }

    private Adam(List<ParamGroup> groups, Map<String, Object> defaults) {
        super(groups, defaults);
    }

    /** A builder for PyTorch's keyword arguments. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected void update(Tensor p, Tensor grad, Map<String, Tensor> state, ParamGroup group) {
        AdamUpdate.apply(p, grad, state, group, false);
    }

    /** PyTorch's keyword arguments: {@code lr, betas, eps, weight_decay, amsgrad, maximize}. */
    public static final class Builder {
        private double lr = 1e-3;
        private double[] betas = {0.9, 0.999};
        private double eps = 1e-8;
        private double weightDecay;
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

        /** The weight decay (default 0). */
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

        /** Adam over one group of {@code params}. */
        public Adam build(Iterable<? extends Tensor> params) {
            return new Adam(singleGroup(params), defaults());
        }

        /** Adam over parameter groups; options a group does not set come from this builder. */
        public Adam build(ParamGroup... groups) {
            return new Adam(List.of(groups), defaults());
        }

        private Map<String, Object> defaults() {
            AdamUpdate.check("Adam", lr, betas, eps, weightDecay);
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
