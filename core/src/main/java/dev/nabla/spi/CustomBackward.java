package dev.nabla.spi;

import dev.nabla.Tensor;

/** The backward of a user-defined differentiable function, called by the autograd engine. */
@FunctionalInterface
public interface CustomBackward {
    /** Gradients for each input (null where none is needed or the input is not differentiable). */
    Tensor[] backward(Tensor gradOutput, boolean[] needsInputGrad);
}
