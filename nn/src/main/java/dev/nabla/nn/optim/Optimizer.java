package dev.nabla.nn.optim;

import dev.nabla.DType;
import dev.nabla.EnableGrad;
import dev.nabla.Nabla;
import dev.nabla.NoGrad;
import dev.nabla.Tensor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The base of every optimizer, as PyTorch's {@code torch.optim.Optimizer}: parameter groups with their own
 * options, {@link #step()}, {@link #zeroGrad()}, and a state dict that round-trips through a checkpoint.
 * A subclass supplies its defaults and the update of one parameter ({@link #update}); the base runs it under
 * {@link NoGrad} for every parameter that has a gradient and keeps the per-parameter state.
 */
public abstract class Optimizer {
    private final Map<String, Object> defaults;
    private final List<ParamGroup> groups = new ArrayList<>();
    private final Map<Tensor, Map<String, Tensor>> state = new IdentityHashMap<>();
    private long steps;

    /** An optimizer over {@code groups}, each completed from {@code defaults}; at least one parameter is required. */
    protected Optimizer(List<ParamGroup> groups, Map<String, Object> defaults) {
        this.defaults = Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
        if (groups.isEmpty()) throw new IllegalArgumentException(name() + ": optimizer got an empty parameter list");
        for (ParamGroup g : groups) addParamGroup(g);
    }

    /** One group of {@code params}, as a list for the group constructor (no group when there are no params). */
    protected static List<ParamGroup> singleGroup(Iterable<? extends Tensor> params) {
        ParamGroup group = new ParamGroup(params);
        return group.params().isEmpty() ? List.of() : List.of(group);
    }

    /** Updates every parameter from its gradient (parameters whose grad is null are skipped). */
    public void step() {
        try (NoGrad g = NoGrad.enter()) {
            for (ParamGroup group : groups) {
                for (Tensor p : group.params()) {
                    if (p.grad() == null) continue;
                    update(p, p.grad(), state.computeIfAbsent(p, k -> new LinkedHashMap<>()), group);
                }
            }
        }
        steps++;
    }

    /** Runs {@code closure} (which recomputes the loss and calls backward) with grad enabled, steps, returns the loss. */
    public Tensor step(Supplier<Tensor> closure) {
        Tensor loss;
        try (EnableGrad g = EnableGrad.enter()) {
            loss = closure.get();
        }
        step();
        return loss;
    }

    /**
     * Updates one parameter in place from {@code grad}, reading options from {@code group} and keeping buffers
     * in {@code state} (empty on the first update; tensors under the names PyTorch uses, e.g. {@code exp_avg}).
     * Runs under {@link NoGrad}.
     */
    protected abstract void update(Tensor param, Tensor grad, Map<String, Tensor> state, ParamGroup group);

    /** Resets the gradients of all parameters to null (PyTorch 2's default). */
    public void zeroGrad() {
        zeroGrad(true);
    }

    /** Resets gradients to null, or with {@code setToNone} false fills them with zeros in place. */
    public void zeroGrad(boolean setToNone) {
        try (NoGrad g = NoGrad.enter()) {
            for (ParamGroup group : groups) {
                for (Tensor p : group.params()) {
                    if (p.grad() == null) continue;
                    if (setToNone) p.setGrad(null);
                    else p.grad().zero_();
                }
            }
        }
    }

    /**
     * Adds a group, completing its options from the defaults. Fails, leaving the optimizer unchanged, when a
     * parameter is already in a group or is not a leaf.
     */
    public void addParamGroup(ParamGroup group) {
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (ParamGroup g : groups) seen.addAll(g.params());
        for (Tensor p : group.params()) {
            if (!p.isLeaf()) throw new IllegalArgumentException(name() + ": can't optimize a non-leaf Tensor");
            if (!seen.add(p)) {
                throw new IllegalArgumentException(name() + ": some parameters appear in more than one parameter group");
            }
        }
        group.setDefaults(defaults);
        groups.add(group);
    }

    /** The parameter groups, in order (PyTorch's {@code param_groups}); their options may be changed. */
    public List<ParamGroup> paramGroups() {
        return Collections.unmodifiableList(groups);
    }

    /** The options a group gets when it does not set them. */
    public Map<String, Object> defaults() {
        return defaults;
    }

    /** The state of one parameter (empty before its first update), by buffer name. */
    public Map<String, Tensor> state(Tensor param) {
        Map<String, Tensor> s = state.get(param);
        return s == null ? Map.of() : Collections.unmodifiableMap(s);
    }

    /** How many times {@link #step()} has run (schedulers use it to warn when they step first). */
    public long stepCount() {
        return steps;
    }

    /**
     * A snapshot of the state: {@code state.<i>.<buffer>} tensors (copies) for the parameters numbered in group
     * order, and {@code param_groups.<g>.<option>} strings including {@code param_groups.<g>.params}, the
     * comma-separated numbers of that group's parameters.
     */
    public OptimizerState stateDict() {
        return StateDicts.save(groups, state);
    }

    /**
     * Restores a state produced by {@link #stateDict()} of an optimizer of the same kind over parameters of the
     * same shapes: options replace each group's options, buffers are copied (cast to each parameter's dtype and
     * device, except {@code step}). Everything is checked first, so a mismatch (number of groups, of parameters
     * in a group, buffer shapes) throws and leaves this optimizer unchanged.
     */
    public void loadStateDict(OptimizerState stateDict) {
        StateDicts.Loaded loaded = StateDicts.load(name(), groups, stateDict);
        for (int g = 0; g < groups.size(); g++) groups.get(g).replaceOptions(loaded.options().get(g));
        state.clear();
        state.putAll(loaded.state());
    }

    /** The optimizer's class name, for messages. */
    protected String name() {
        return getClass().getSimpleName();
    }

    /**
     * The gradient an update follows: {@code grad}, negated when the group maximizes, plus {@code weightDecay * p}
     * (L2 weight decay, added after the negation as PyTorch does) unless {@code weightDecay} is 0.
     */
    static Tensor l2Gradient(Tensor p, Tensor grad, ParamGroup group, double weightDecay) {
        Tensor g = group.getBoolean("maximize") ? grad.neg() : grad;
        return weightDecay == 0 ? g : g.add(p, weightDecay);
    }

    /** The {@code step} count kept in {@code state}, incremented: a FLOAT32 0-dim tensor, as PyTorch 2 keeps it. */
    protected static double incrementStep(Map<String, Tensor> state) {
        Tensor step = state.computeIfAbsent("step", k -> Nabla.zeros(DType.FLOAT32));
        step.add_(1.0);
        return step.item();
    }
}
