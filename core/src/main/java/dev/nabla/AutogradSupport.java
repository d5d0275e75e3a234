package dev.nabla;

import dev.nabla.spi.AutogradEngine;

import java.util.List;
import java.util.ServiceLoader;
import java.util.function.UnaryOperator;

/** Core's side of autograd: leaf flags, gradients, hooks, and the hand-off of backward to the engine. */
final class AutogradSupport {
    private static volatile AutogradEngine engine;

    private AutogradSupport() {
    }

    static void setRequiresGrad(Tensor t, boolean requires) {
        if (!t.isLeaf()) {
            if (requires) return;
            throw new IllegalStateException("requiresGrad: you can only change the requiresGrad flag of leaf tensors; "
                    + "use detach() to get a tensor that does not require grad (this one comes from "
                    + t.gradFn.name() + ")");
        }
        if (requires && !t.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("requiresGrad: only tensors of floating point dtype can require "
                    + "gradients, got " + t.dtype());
        }
        t.requiresGrad = requires;
    }

    static void setGrad(Tensor t, Tensor grad) {
        if (grad != null) {
            if (!java.util.Arrays.equals(grad.shape, t.shape)) {
                throw new IllegalArgumentException("setGrad: assigned grad has shape " + Shapes.str(grad.shape)
                        + " but the tensor has shape " + Shapes.str(t.shape));
            }
            if (grad.dtype() != t.dtype() || !grad.device().equals(t.device())) {
                throw new IllegalArgumentException("setGrad: assigned grad is a " + grad.dtype() + " tensor on "
                        + grad.device() + " but the tensor is " + t.dtype() + " on " + t.device());
            }
        }
        t.grad = grad;
    }

    static void retainGrad(Tensor t) {
        if (!t.requiresGrad) {
            throw new IllegalStateException("retainGrad: can't retain the gradient of a tensor that does not require "
                    + "grad");
        }
        if (t.gradFn != null) t.gradFn.retainFor(t);
    }

    static AutoCloseable registerHook(Tensor t, UnaryOperator<Tensor> hook) {
        if (!t.requiresGrad) {
            throw new IllegalStateException("registerHook: cannot register a hook on a tensor that doesn't require "
                    + "gradient");
        }
        GradFn node = t.gradFn != null ? t.gradFn : t.accumulator();
        node.hooks().add(hook);
        return () -> node.hooks().remove(hook);
    }

    static void backward(Tensor root, Tensor gradient, boolean retainGraph, boolean createGraph) {
        if (!root.requiresGrad) {
            throw new IllegalStateException("backward: element 0 of tensors does not require grad and does not have a "
                    + "grad_fn (did you call requiresGrad(true) on the inputs, or compute this inside NoGrad?)");
        }
        Tensor g = gradient;
        if (g == null) {
            if (root.numel() != 1) {
                throw new IllegalArgumentException("backward: grad can be implicitly created only for scalar outputs, "
                        + "but this tensor has shape " + Shapes.str(root.shape) + "; pass a gradient of that shape");
            }
            g = Nabla.onesLike(root);
        } else if (!java.util.Arrays.equals(g.shape, root.shape)) {
            throw new IllegalArgumentException("backward: mismatch in shape: grad_output has shape " + Shapes.str(g.shape)
                    + " and output has shape " + Shapes.str(root.shape));
        }
        engine().backward(List.of(root), List.of(g), retainGraph, createGraph);
    }

    /** The engine from {@code nabla-autograd}, or an error naming that artifact. */
    static AutogradEngine engine() {
        AutogradEngine e = engine;
        if (e == null) {
            for (AutogradEngine found : ServiceLoader.load(AutogradEngine.class, AutogradSupport.class.getClassLoader())) {
                e = found;
                break;
            }
            if (e == null) {
                throw new IllegalStateException("backward needs the autograd engine: add the dependency "
                        + "dev.nabla:nabla-autograd");
            }
            engine = e;
        }
        return e;
    }
}
