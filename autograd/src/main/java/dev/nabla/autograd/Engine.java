package dev.nabla.autograd;

import dev.nabla.EnableGrad;
import dev.nabla.GradFn;
import dev.nabla.NoGrad;
import dev.nabla.Tensor;
import dev.nabla.spi.AutogradEngine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.Collections;
import java.util.function.UnaryOperator;

/**
 * The backward pass: gradients flow from the roots through the recorded nodes in reverse creation order, each
 * node's rule runs once all of its consumers have contributed, and leaves accumulate what reaches them.
 */
public final class Engine implements AutogradEngine {

    /** Created by {@link java.util.ServiceLoader}. */
    public Engine() {
    }

    @Override
    public void backward(List<Tensor> roots, List<Tensor> gradients, boolean retainGraph, boolean createGraph) {
        new Run(null, false, retainGraph, createGraph).execute(roots, gradients);
    }

    /** Gradients of {@code roots} with respect to {@code inputs}, without touching any {@code grad()}. */
    static Tensor[] gradients(List<Tensor> roots, List<Tensor> gradients, List<Tensor> inputs, boolean retainGraph,
                              boolean createGraph, boolean allowUnused) {
        Run run = new Run(inputs, allowUnused, retainGraph, createGraph);
        run.execute(roots, gradients);
        return run.captured;
    }

    /** One backward pass: its pending gradients, and for {@code Autograd.grad} the captured results. */
    private static final class Run {
        private final List<Tensor> inputs;
        private final boolean allowUnused;
        private final boolean retainGraph;
        private final boolean createGraph;
        private final Tensor[] captured;
        private final Map<GradFn, Tensor> pending = new IdentityHashMap<>();
        private Set<GradFn> needed;

        Run(List<Tensor> inputs, boolean allowUnused, boolean retainGraph, boolean createGraph) {
            this.inputs = inputs;
            this.allowUnused = allowUnused;
            this.retainGraph = retainGraph;
            this.createGraph = createGraph;
            this.captured = inputs == null ? null : new Tensor[inputs.size()];
        }

        void execute(List<Tensor> roots, List<Tensor> gradients) {
            try (NoGrad off = createGraph ? null : NoGrad.enter();
                 EnableGrad on = createGraph ? EnableGrad.enter() : null) {
                List<GradFn> starts = new ArrayList<>();
                for (int i = 0; i < roots.size(); i++) {
                    Tensor root = roots.get(i);
                    Tensor g = gradients.get(i);
                    if (root.gradFn() == null) {
                        leafReached(root, g);
                    } else {
                        pending.merge(root.gradFn(), g, Tensor::add);
                        starts.add(root.gradFn());
                    }
                }
                List<GradFn> order = reachable(starts);
                if (inputs != null) needed = canReachInputs(order);
                walk(order);
                if (!retainGraph) for (GradFn f : order) f.release();
            }
            if (captured != null && !allowUnused) {
                for (int k = 0; k < captured.length; k++) {
                    if (captured[k] == null) {
                        throw new IllegalArgumentException("Autograd.grad: input " + k + " appears not to have been used "
                                + "in the graph; pass allowUnused=true if this is intended");
                    }
                }
            }
        }

        /** Runs nodes once all their consumers have run, latest-created first among the ready ones. */
        private void walk(List<GradFn> order) {
            Map<GradFn, Integer> consumers = new IdentityHashMap<>();
            for (GradFn f : order) {
                for (int i = 0; i < f.inputCount(); i++) {
                    GradFn n = f.next(i);
                    if (n != null) consumers.merge(n, 1, Integer::sum);
                }
            }
            PriorityQueue<GradFn> ready = new PriorityQueue<>(
                    Comparator.comparingLong(GradFn::sequenceNumber).reversed());
            for (GradFn f : order) if (!consumers.containsKey(f)) ready.add(f);
            while (!ready.isEmpty()) {
                GradFn f = ready.poll();
                Tensor g = pending.remove(f);
                if (g != null && (needed == null || needed.contains(f))) run(f, g);
                for (int i = 0; i < f.inputCount(); i++) {
                    GradFn n = f.next(i);
                    if (n != null && consumers.merge(n, -1, Integer::sum) == 0) ready.add(n);
                }
            }
        }

        private void run(GradFn f, Tensor incoming) {
            Tensor g = incoming;
            for (UnaryOperator<Tensor> hook : f.hooks()) {
                Tensor replaced = hook.apply(g);
                if (replaced != null) g = replaced;
            }
            if (f.leaf() != null) {
                leafReached(f.leaf(), g);
                return;
            }
            if (inputs == null && f.retainedBy() != null) accumulate(f.retainedBy(), g);
            if (inputs != null) {
                for (int k = 0; k < inputs.size(); k++) if (inputs.get(k).gradFn() == f) captured[k] = sum(captured[k], g);
            }
            boolean[] needs = new boolean[f.inputCount()];
            boolean any = false;
            for (int i = 0; i < needs.length; i++) {
                GradFn n = f.next(i);
                needs[i] = n != null && (needed == null || needed.contains(n));
                any |= needs[i];
            }
            if (!any) return;
            Tensor[] grads = Derivatives.backward(f, g, needs);
            for (int i = 0; i < needs.length; i++) {
                if (!needs[i] || grads[i] == null) continue;
                Tensor gi = conform(grads[i], f, i);
                if (AnomalyMode.isEnabled()) Anomalies.check(f, i, gi);
                pending.merge(f.next(i), gi, Tensor::add);
            }
        }

        private void leafReached(Tensor leaf, Tensor g) {
            if (inputs == null) {
                accumulate(leaf, g);
                return;
            }
            for (int k = 0; k < inputs.size(); k++) if (inputs.get(k) == leaf) captured[k] = sum(captured[k], g);
        }

        /** Adds into {@code t.grad()}: in place when nothing records, else as a new (differentiable) sum. */
        private void accumulate(Tensor t, Tensor g) {
            Tensor current = t.grad();
            if (current == null) {
                t.setGrad(createGraph ? g : g.detach().clone());
            } else if (createGraph || current.requiresGrad()) {
                t.setGrad(current.add(g));
            } else {
                current.add_(g);
            }
        }

        /** The nodes reachable from the starts, each once. */
        private static List<GradFn> reachable(List<GradFn> starts) {
            Set<GradFn> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            List<GradFn> order = new ArrayList<>();
            Deque<GradFn> stack = new ArrayDeque<>(starts);
            while (!stack.isEmpty()) {
                GradFn f = stack.pop();
                if (!seen.add(f)) continue;
                order.add(f);
                for (int i = 0; i < f.inputCount(); i++) if (f.next(i) != null) stack.push(f.next(i));
            }
            return order;
        }

        /** The nodes from which a gradient can reach one of the requested inputs. */
        private Set<GradFn> canReachInputs(List<GradFn> order) {
            Set<GradFn> targets = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Tensor t : inputs) {
                if (!t.requiresGrad()) {
                    throw new IllegalArgumentException("Autograd.grad: one of the differentiated tensors does not "
                            + "require grad");
                }
                if (t.gradFn() != null) targets.add(t.gradFn());
            }
            for (GradFn f : order) {
                for (Tensor t : inputs) if (f.leaf() == t) targets.add(f);
            }
            Set<GradFn> result = Collections.newSetFromMap(new IdentityHashMap<>());
            Map<GradFn, Boolean> memo = new IdentityHashMap<>();
            for (GradFn f : order) if (reaches(f, targets, memo)) result.add(f);
            return result;
        }

        private static boolean reaches(GradFn f, Set<GradFn> targets, Map<GradFn, Boolean> memo) {
            Boolean known = memo.get(f);
            if (known != null) return known;
            memo.put(f, false);
            boolean r = targets.contains(f);
            for (int i = 0; i < f.inputCount() && !r; i++) {
                GradFn n = f.next(i);
                if (n != null) r = reaches(n, targets, memo);
            }
            memo.put(f, r);
            return r;
        }
    }

    /** Brings a rule's result to the input's shape (summing broadcast dims) and dtype. */
    private static Tensor conform(Tensor g, GradFn f, int i) {
        Tensor r = Broadcasting.sumToShape(g, f.inputShape(i));
        return r.dtype() == f.inputDtype(i) ? r : r.to(f.inputDtype(i));
    }

    private static Tensor sum(Tensor a, Tensor b) {
        return a == null ? b : a.add(b);
    }
}
