package dev.nabla.nn;

import dev.nabla.DType;
import dev.nabla.Device;
import dev.nabla.NoGrad;
import dev.nabla.Parameter;
import dev.nabla.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The base of every layer and model, as PyTorch's {@code nn.Module}: ordered registries of parameters, buffers
 * and child modules with dotted names, train/eval mode, device moves, and state dicts. Subclasses register what
 * they own in their constructor ({@code weight = registerParameter("weight", ...)}) and implement {@link #forward}.
 */
public abstract class Module {
    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final Map<String, Tensor> buffers = new LinkedHashMap<>();
    private final Set<String> transientBuffers = new LinkedHashSet<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;

    /** The computation: any number of input tensors, one result. */
    public abstract Tensor forward(Tensor... inputs);

    // ---------------------------------------------------------------- registration

    /** Registers {@code value} (which becomes a {@link Parameter}, or stays null for an absent one); returns it. */
    protected final Parameter registerParameter(String name, Tensor value) {
        checkName(name);
        Parameter p = value == null || value instanceof Parameter ? (Parameter) value : new Parameter(value);
        parameters.put(name, p);
        return p;
    }

    /** Registers a state tensor that is not learned (running statistics) and is saved in the state dict. */
    protected final Tensor registerBuffer(String name, Tensor value) {
        return registerBuffer(name, value, true);
    }

    /** Registers a buffer; a non-persistent one moves with the module but is left out of the state dict. */
    protected final Tensor registerBuffer(String name, Tensor value, boolean persistent) {
        checkName(name);
        buffers.put(name, value);
        if (!persistent) transientBuffers.add(name);
        return value;
    }

    /** Registers a child module under {@code name}; returns it, so fields can stay final. */
    protected final <M extends Module> M registerModule(String name, M module) {
        checkName(name);
        children.put(name, module);
        return module;
    }

    private void checkName(String name) {
        if (name == null || name.isEmpty() || name.contains(".")) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": a registered name must be non-empty and "
                    + "contain no '.', got '" + name + "'");
        }
        if (parameters.containsKey(name) || buffers.containsKey(name) || children.containsKey(name)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": attribute '" + name
                    + "' is already registered");
        }
    }

    // ---------------------------------------------------------------- traversal

    /** Every parameter of this module and its descendants, each once, in registration order. */
    public List<Parameter> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /** Parameters by dotted name ({@code layer1.weight}), each shared parameter once. */
    public Map<String, Parameter> namedParameters() {
        return namedTensors(m -> m.parameters);
    }

    /** Buffers by dotted name, each shared buffer once. */
    public Map<String, Tensor> namedBuffers() {
        return namedTensors(m -> m.buffers);
    }

    /** The non-null entries of {@code own} over this module and its descendants, by dotted name, each tensor once. */
    private <T extends Tensor> Map<String, T> namedTensors(Function<Module, Map<String, T>> own) {
        Map<String, T> out = new LinkedHashMap<>();
        Set<T> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Map.Entry<String, Module> m : namedModules().entrySet()) {
            for (Map.Entry<String, T> t : own.apply(m.getValue()).entrySet()) {
                if (t.getValue() != null && seen.add(t.getValue())) out.put(dotted(m.getKey(), t.getKey()), t.getValue());
            }
        }
        return out;
    }

    /** Every buffer of this module and its descendants. */
    public List<Tensor> buffers() {
        return new ArrayList<>(namedBuffers().values());
    }

    /** The direct children, in registration order, each once (a module registered twice appears once). */
    public List<Module> children() {
        return new ArrayList<>(namedChildren().values());
    }

    /** The direct children by name, skipping absent (null) ones and repeats of a module, as PyTorch's. */
    public Map<String, Module> namedChildren() {
        Map<String, Module> out = new LinkedHashMap<>();
        Set<Module> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Map.Entry<String, Module> c : children.entrySet()) {
            if (c.getValue() != null && seen.add(c.getValue())) out.put(c.getKey(), c.getValue());
        }
        return out;
    }

    /** Every registered child slot by name, repeats and nulls included (what containers index and iterate). */
    protected final Map<String, Module> registeredModules() {
        return Collections.unmodifiableMap(children);
    }

    /** This module and all its descendants, depth first. */
    public List<Module> modules() {
        return new ArrayList<>(namedModules().values());
    }

    /** This module (named "") and its descendants by dotted name, depth first, each once. */
    public Map<String, Module> namedModules() {
        Map<String, Module> out = new LinkedHashMap<>();
        collect("", this, out, Collections.newSetFromMap(new IdentityHashMap<>()));
        return out;
    }

    private static void collect(String prefix, Module m, Map<String, Module> out, Set<Module> seen) {
        if (!seen.add(m)) return;
        out.put(prefix, m);
        for (Map.Entry<String, Module> c : m.children.entrySet()) {
            if (c.getValue() != null) collect(dotted(prefix, c.getKey()), c.getValue(), out, seen);
        }
    }

    private static String dotted(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    /** Calls {@code fn} on every descendant, then on this module (PyTorch's order); returns this. */
    public Module apply(Consumer<Module> fn) {
        for (Module c : children()) c.apply(fn);
        fn.accept(this);
        return this;
    }

    // ---------------------------------------------------------------- modes and moves

    /** Sets training mode (dropout active, batch statistics) on this module and all descendants; returns this. */
    public Module train(boolean mode) {
        for (Module m : modules()) m.training = mode;
        return this;
    }

    /** {@code train(true)}. */
    public Module train() {
        return train(true);
    }

    /** {@code train(false)}: evaluation mode. */
    public Module eval() {
        return train(false);
    }

    /** True in training mode. */
    public boolean isTraining() {
        return training;
    }

    /** Resets every parameter's gradient to null, as PyTorch 2's {@code zero_grad()}. */
    public void zeroGrad() {
        for (Parameter p : parameters()) p.setGrad(null);
    }

    /** Moves every parameter, gradient and buffer to {@code device}, keeping the tensor objects; returns this. */
    public Module to(Device device) {
        convert(t -> t.to(device), false);
        return this;
    }

    /** Converts every floating parameter, gradient and buffer to {@code dtype}; returns this. */
    public Module to(DType dtype) {
        if (!dtype.isFloatingPoint()) {
            throw new IllegalArgumentException("Module.to: only floating dtypes are allowed, got " + dtype);
        }
        convert(t -> t.to(dtype), true);
        return this;
    }

    private void convert(java.util.function.UnaryOperator<Tensor> fn, boolean floatingOnly) {
        try (NoGrad g = NoGrad.enter()) {
            for (Tensor t : allStateTensors()) {
                if (floatingOnly && !t.dtype().isFloatingPoint()) continue;
                Tensor grad = t.grad();
                t.setData(fn.apply(t));
                if (grad != null) t.setGrad(fn.apply(grad));
            }
        }
    }

    private List<Tensor> allStateTensors() {
        List<Tensor> all = new ArrayList<>(parameters());
        all.addAll(buffers());
        return all;
    }

    // ---------------------------------------------------------------- state dict

    /**
     * Parameters and persistent buffers by dotted name, as tensors sharing their storage (detached). As in PyTorch,
     * a module registered under two names is saved under both.
     */
    public Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        saveState("", out);
        return out;
    }

    private void saveState(String prefix, Map<String, Tensor> out) {
        for (Map.Entry<String, Parameter> p : parameters.entrySet()) {
            if (p.getValue() != null) out.put(prefix + p.getKey(), p.getValue().detach());
        }
        for (Map.Entry<String, Tensor> b : buffers.entrySet()) {
            if (b.getValue() != null && !transientBuffers.contains(b.getKey())) {
                out.put(prefix + b.getKey(), b.getValue().detach());
            }
        }
        for (Map.Entry<String, Module> c : children.entrySet()) {
            if (c.getValue() != null) c.getValue().saveState(prefix + c.getKey() + ".", out);
        }
    }

    /**
     * Copies values from {@code state} into the parameters and buffers of the same name. Shape mismatches always
     * fail; with {@code strict}, missing and unexpected keys fail too. Everything is checked before anything is
     * copied, so a failed load leaves the module unchanged.
     */
    public LoadResult loadStateDict(Map<String, Tensor> state, boolean strict) {
        Map<String, Tensor> own = stateDict();
        List<String> missing = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        List<String> mismatched = new ArrayList<>();
        for (Map.Entry<String, Tensor> e : own.entrySet()) {
            Tensor given = state.get(e.getKey());
            if (given == null) {
                missing.add(e.getKey());
            } else if (!Arrays.equals(given.shape(), e.getValue().shape())) {
                mismatched.add("size mismatch for " + e.getKey() + ": copying a param with shape "
                        + torchSize(given) + " from checkpoint, the shape in current model is "
                        + torchSize(e.getValue()) + ".");
            }
        }
        for (String k : state.keySet()) if (!own.containsKey(k)) unexpected.add(k);
        // PyTorch's order: missing keys, then unexpected keys, then size mismatches.
        List<String> errors = new ArrayList<>();
        if (strict && !missing.isEmpty()) errors.add("Missing key(s) in state_dict: " + quoted(missing));
        if (strict && !unexpected.isEmpty()) errors.add("Unexpected key(s) in state_dict: " + quoted(unexpected));
        errors.addAll(mismatched);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("Error(s) in loading state_dict for " + name() + ":\n\t"
                    + String.join("\n\t", errors));
        }
        try (NoGrad g = NoGrad.enter()) {
            for (Map.Entry<String, Tensor> e : own.entrySet()) {
                Tensor given = state.get(e.getKey());
                if (given != null) e.getValue().copy_(given);
            }
        }
        return new LoadResult(missing, unexpected);
    }

    private static String quoted(List<String> keys) {
        StringBuilder b = new StringBuilder();
        for (String k : keys) b.append(b.length() == 0 ? "" : ", ").append('"').append(k).append('"');
        return b + ". ";
    }

    private static String torchSize(Tensor t) {
        return "torch.Size(" + Arrays.toString(t.shape()) + ")";
    }

    // ---------------------------------------------------------------- printing

    /** The module's settings for printing, as PyTorch's {@code extra_repr}: e.g. {@code in_features=4, ...}. */
    protected String extraRepr() {
        return "";
    }

    /** The module tree as PyTorch's {@code print(model)} shows it. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(name()).append('(');
        String extra = extraRepr();
        List<String> lines = new ArrayList<>();
        if (!extra.isEmpty()) lines.addAll(Arrays.asList(extra.split("\n")));
        for (Map.Entry<String, Module> c : children.entrySet()) {
            String child = c.getValue() == null ? "None" : c.getValue().toString().replace("\n", "\n  ");
            lines.add("(" + c.getKey() + "): " + child);
        }
        if (lines.isEmpty()) return b.append(')').toString();
        if (children.isEmpty() && lines.size() == 1) return b.append(lines.get(0)).append(')').toString();
        for (String line : lines) b.append("\n  ").append(line);
        return b.append("\n)").toString();
    }

    /** The class name PyTorch would print (the simple name; "Module" for anonymous classes). */
    protected String name() {
        String n = getClass().getSimpleName();
        return n.isEmpty() ? "Module" : n;
    }

    /** The single input of a one-input module, or an error naming the module and the count given. */
    protected final Tensor single(Tensor[] inputs) {
        if (inputs.length != 1) {
            throw new IllegalArgumentException(name() + ".forward: expected 1 input tensor, got " + inputs.length);
        }
        return inputs[0];
    }
}
