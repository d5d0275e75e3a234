package dev.nabla.nn;

import dev.nabla.Tensor;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

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
        List<Module> all = new ArrayList<>(registeredModules().values());
        int i = index < 0 ? index + all.size() : index;
        if (i < 0 || i >= all.size()) {
            throw new IndexOutOfBoundsException("Sequential: index " + index + " is out of range for " + all.size()
                    + " modules");
        }
        return all.get(i);
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
