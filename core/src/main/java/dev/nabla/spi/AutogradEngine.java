package dev.nabla.spi;

import dev.nabla.Tensor;

import java.util.List;

/** The backward pass, supplied by the {@code nabla-autograd} artifact and found through ServiceLoader. */
public interface AutogradEngine {
    /** Accumulates into the leaves' {@code grad()} the gradients of {@code roots} weighted by {@code gradients}. */
    void backward(List<Tensor> roots, List<Tensor> gradients, boolean retainGraph, boolean createGraph);
}
