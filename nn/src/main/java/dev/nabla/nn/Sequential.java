package dev.nabla.nn;

import dev.nabla.Tensor;

import java.util.Iterator;

/** Modules applied one after another, named "0", "1", ..., as PyTorch's {@code nn.Sequential}. */
public class Sequential extends Module implements Iterable<Module> {

    /** A chain of the given modules. */
    public Sequential(Module... modules) {
        for (Module m : modules) append(m);
    }

    /** Adds a module at the end; returns this. */
    public Sequential append(Module module) {
        registerModule(String.valueOf(registeredModules().size()), module);
        return this;
    }

    /** The i-th module (negative from the end). */
    public Module get(int index) {
        return ModuleList.at("Sequential", registeredModules().values(), index);
    }

    /** The number of modules. */
    public int size() {
        return registeredModules().size();
    }

    /** Feeds the inputs to the first module and each result to the next. */
    @Override
    public Tensor forward(Tensor... inputs) {
        Tensor[] x = inputs;
        for (Module m : registeredModules().values()) x = new Tensor[] {m.forward(x)};
        if (x.length != 1) throw new IllegalArgumentException("Sequential.forward: an empty Sequential needs one input");
        return x[0];
    }

    @Override
    public Iterator<Module> iterator() {
        return registeredModules().values().iterator();
    }
}
