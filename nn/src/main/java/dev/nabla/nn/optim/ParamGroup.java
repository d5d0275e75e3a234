package dev.nabla.nn.optim;

import dev.nabla.Tensor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One of an optimizer's parameter groups, as an entry of PyTorch's {@code param_groups}: parameters and the options
 * that apply to them ({@code lr}, {@code momentum}, {@code betas} ...). Options are doubles, booleans or double
 * arrays; those not set when the group is added come from the optimizer's defaults. Schedulers change options
 * (such as {@code lr}) between steps.
 */
public final class ParamGroup {
    private final List<Tensor> params;
    private final Map<String, Object> options = new LinkedHashMap<>();

    /** A group of {@code params} with no options of its own yet. */
    public ParamGroup(Iterable<? extends Tensor> params) {
        List<Tensor> list = new ArrayList<>();
        for (Tensor p : params) list.add(p);
        this.params = Collections.unmodifiableList(list);
    }

    /** The parameters of this group, in order. */
    public List<Tensor> params() {
        return params;
    }

    /** The learning rate, {@code getDouble("lr")}. */
    public double lr() {
        return getDouble("lr");
    }

    /** Sets the learning rate; returns this group. */
    public ParamGroup lr(double lr) {
        return set("lr", lr);
    }

    /** Sets a numeric option; returns this group. */
    public ParamGroup set(String name, double value) {
        options.put(name, value);
        return this;
    }

    /** Sets a boolean option; returns this group. */
    public ParamGroup set(String name, boolean value) {
        options.put(name, value);
        return this;
    }

    /** Sets an option made of several numbers (such as Adam's {@code betas}); returns this group. */
    public ParamGroup set(String name, double... values) {
        options.put(name, values.clone());
        return this;
    }

    /** True when the option is set. */
    public boolean has(String name) {
        return options.containsKey(name);
    }

    /** A numeric option; an error names the option when it is missing or not a number. */
    public double getDouble(String name) {
        return (Double) typed(name, Double.class);
    }

    /** A boolean option. */
    public boolean getBoolean(String name) {
        return (Boolean) typed(name, Boolean.class);
    }

    /** An option made of several numbers (a copy). */
    public double[] getDoubles(String name) {
        return ((double[]) typed(name, double[].class)).clone();
    }

    /** Every option by name, in the order they were set (arrays are shared: do not modify them). */
    public Map<String, Object> options() {
        return Collections.unmodifiableMap(options);
    }

    private Object typed(String name, Class<?> type) {
        Object v = options.get(name);
        if (v == null) throw new IllegalArgumentException("ParamGroup: option '" + name + "' is not set");
        if (!type.isInstance(v)) {
            throw new IllegalArgumentException("ParamGroup: option '" + name + "' is " + v.getClass().getSimpleName()
                    + ", not " + type.getSimpleName());
        }
        return v;
    }

    /** Sets every option of {@code from} that this group does not set yet (PyTorch's setdefault). */
    void setDefaults(Map<String, Object> from) {
        for (Map.Entry<String, Object> e : from.entrySet()) {
            Object v = e.getValue();
            options.putIfAbsent(e.getKey(), v instanceof double[] a ? a.clone() : v);
        }
    }

    /** Replaces every option with {@code replacement}'s (loading a state dict). */
    void replaceOptions(Map<String, Object> replacement) {
        options.clear();
        options.putAll(replacement);
    }
}
