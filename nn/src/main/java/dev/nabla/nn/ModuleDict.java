package dev.nabla.nn;

import dev.nabla.Tensor;

import java.util.Map;
import java.util.Set;

/** Registered modules by name, in insertion order, as PyTorch's {@code nn.ModuleDict}; it has no forward. */
public class ModuleDict extends Module {

    /** An empty dict. */
    public ModuleDict() {
    }

    /** A dict holding the given modules in the map's iteration order. */
    public ModuleDict(Map<String, ? extends Module> modules) {
        modules.forEach(this::put);
    }

    /** Adds a module under a new key; returns this. */
    public ModuleDict put(String key, Module module) {
        registerModule(key, module);
        return this;
    }

    /** The module under {@code key}. */
    public Module get(String key) {
        Module m = registeredModules().get(key);
        if (m == null) throw new IllegalArgumentException("ModuleDict: no module named '" + key + "', have " + keys());
        return m;
    }

    /** The keys in insertion order. */
    public Set<String> keys() {
        return registeredModules().keySet();
    }

    /** Always fails: a ModuleDict only holds modules, like PyTorch's. */
    @Override
    public Tensor forward(Tensor... inputs) {
        throw new IllegalStateException("ModuleDict has no forward; call its modules instead");
    }
}
