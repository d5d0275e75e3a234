package dev.nabla.nn;

import dev.nabla.Tensor;

/** The hyperbolic tangent, as PyTorch's {@code nn.Tanh}. */
public class Tanh extends Module {

    /** The activation (it has no parameters). */
    public Tanh() {
    }

    /** Tanh of the single input. */
    @Override
    public Tensor forward(Tensor... inputs) {
        return Functional.tanh(single(inputs));
    }
}
