package dev.nabla.nn;

import dev.nabla.Tensor;

import java.util.ArrayList;
import java.util.Collection;
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
        return at("ModuleList", registeredModules().values(), index);
    }

    /** The index-th of {@code modules} (negative from the end); errors name {@code owner}. */
    static Module at(String owner, Collection<Module> modules, int index) {
        List<Module> all = new ArrayList<>(modules);
        int i = index < 0 ? index + all.size() : index;
        if (i < 0 || i >= all.size()) {
            throw new IndexOutOfBoundsException(owner + ": index " + index + " is out of range for " + all.size()
                    + " modules");
        }
        return all.get(i);
    }

    /** The number of modules. */
    public int size() {
        return registeredModules().size();
    }

    @Override
    public Iterator<Module> iterator() {
        return registeredModules().values().iterator();
    }

    /** PyTorch's ModuleList printing: a run of modules that print alike collapses to {@code (0-2): 3 x Linear(...)}. */
    @Override
    public String toString() {
        List<String> reprs = new ArrayList<>();
        for (Module m : this) reprs.add(m == null ? "None" : m.toString());
        if (reprs.isEmpty()) return name() + "()";
        StringBuilder b = new StringBuilder(name()).append('(');
        for (int start = 0, end; start < reprs.size(); start = end + 1) {
            end = start;
            while (end + 1 < reprs.size() && reprs.get(end + 1).equals(reprs.get(start))) end++;
            String local = start == end ? "(" + start + "): " + reprs.get(start)
                    : "(" + start + "-" + end + "): " + (end - start + 1) + " x " + reprs.get(start);
            b.append("\n  ").append(local.replace("\n", "\n  "));
        }
        return b.append("\n)").toString();
    }

    /** Always fails: a ModuleList only holds modules, like PyTorch's. */
    @Override
    public Tensor forward(Tensor... inputs) {
        throw new IllegalStateException("ModuleList has no forward; iterate over its modules instead");
    }
}
