package dev.nabla.nn;

import dev.nabla.Tensor;

import java.util.Iterator;
import java.util.List;

/** An indexed list of registered modules, as PyTorch's {@code nn.ModuleList}; it has no forward of its own. */
public class ModuleList extends Module implements Iterable<Module> {

    /** A list holding the given modules. */
    public ModuleList(Module... modules) {
        for (Module m : modules) append(m);
    }

    /** Adds a module at the end; returns this. */
    public ModuleList append(Module module) {
        registerModule(String.valueOf(size()), module);
        return this;
    }

    /** The i-th module (negative from the end). */
    public Module get(int index) {
        List<Module> all = children();
        int i = index < 0 ? index + all.size() : index;
        if (i < 0 || i >= all.size()) {
            throw new IndexOutOfBoundsException("ModuleList: index " + index + " is out of range for " + all.size()
                    + " modules");
        }
        return all.get(i);
    }

    /** The number of modules. */
    public int size() {
        return namedChildren().size();
    }

    @Override
    public Iterator<Module> iterator() {
        return children().iterator();
    }

    /** Always fails: a ModuleList only holds modules, like PyTorch's. */
    @Override
    public Tensor forward(Tensor... inputs) {
        throw new IllegalStateException("ModuleList has no forward; iterate over its modules instead");
    }
}
