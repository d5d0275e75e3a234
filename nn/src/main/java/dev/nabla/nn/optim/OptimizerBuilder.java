package dev.nabla.nn.optim;

import dev.nabla.Tensor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The plumbing every optimizer's builder shares: PyTorch's keyword arguments kept as the defaults dict, in the order
 * PyTorch lists them (which is the order of the saved {@code param_groups} options), checked when an optimizer is
 * built. A subclass sets every default in its constructor and adds the setters of its own options.
 *
 * @param <B> the builder itself, returned by the setters
 * @param <O> the optimizer it builds
 */
abstract class OptimizerBuilder<B extends OptimizerBuilder<B, O>, O extends Optimizer> {
    private final Map<String, Object> options = new LinkedHashMap<>();
    private final BiFunction<List<ParamGroup>, Map<String, Object>, O> create;

    /** A builder whose optimizers {@code create} makes from their groups and the checked defaults. */
    OptimizerBuilder(BiFunction<List<ParamGroup>, Map<String, Object>, O> create) {
        this.create = create;
    }

    /** The learning rate (the optimizer's default is PyTorch's, listed on its builder). */
    public B lr(double lr) {
        return set("lr", lr);
    }

    /** The weight decay (default 0, AdamW's 1e-2); how it is applied is described on each optimizer. */
    public B weightDecay(double weightDecay) {
        return set("weight_decay", weightDecay);
    }

    /** Maximize the objective instead of minimizing it. */
    public B maximize(boolean maximize) {
        return set("maximize", maximize);
    }

    /** The optimizer over one group of {@code params}. */
    public O build(Iterable<? extends Tensor> params) {
        return create.apply(Optimizer.singleGroup(params), defaults());
    }

    /** The optimizer over parameter groups; options a group does not set come from this builder. */
    public O build(ParamGroup... groups) {
        return create.apply(List.of(groups), defaults());
    }

    /** Sets an option; a new name goes last, an existing one keeps its place. */
    final B set(String name, Object value) {
        options.put(name, value);
        @SuppressWarnings("unchecked")
        B self = (B) this;
        return self;
    }

    final double getDouble(String name) {
        return (Double) options.get(name);
    }

    final boolean getBoolean(String name) {
        return (Boolean) options.get(name);
    }

    final double[] getDoubles(String name) {
        return (double[]) options.get(name);
    }

    /** Throws, with PyTorch's message, when an option is out of range. */
    abstract void check();

    /** The checked options, as a fresh map the optimizer keeps as its defaults. */
    final Map<String, Object> defaults() {
        check();
        Map<String, Object> d = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : options.entrySet()) {
            Object v = e.getValue();
            d.put(e.getKey(), v instanceof double[] a ? a.clone() : v);
        }
        return d;
    }
}
