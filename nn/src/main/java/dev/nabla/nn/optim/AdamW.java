package dev.nabla.nn.optim;

import dev.nabla.Tensor;

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

    /**
     * PyTorch's keyword arguments {@code lr, betas, eps, weight_decay, amsgrad, maximize}; defaults lr 0.001, betas
     * 0.9 and 0.999, eps 1e-8, weight decay 0.01, no amsgrad, minimizing.
     */
    public static final class Builder extends AdamBuilder<Builder, AdamW> {
        private Builder() {
            super("AdamW", 1e-2, AdamW::new);
        }
    }
}
