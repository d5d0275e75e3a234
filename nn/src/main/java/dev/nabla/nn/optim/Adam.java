package dev.nabla.nn.optim;

import dev.nabla.Tensor;

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

    /**
     * PyTorch's keyword arguments {@code lr, betas, eps, weight_decay, amsgrad, maximize}; defaults lr 0.001, betas
     * 0.9 and 0.999, eps 1e-8, weight decay 0, no amsgrad, minimizing.
     */
    public static final class Builder extends AdamBuilder<Builder, Adam> {
        private Builder() {
            super("Adam", 0, Adam::new);
        }
    }
}
