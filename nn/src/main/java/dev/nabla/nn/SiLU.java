package dev.nabla.nn;

import dev.nabla.Tensor;

/** SiLU (swish), {@code x * sigmoid(x)}, as PyTorch's {@code nn.SiLU}. */
public class SiLU extends Module {

    /** The activation (it has no parameters). */
    public SiLU() {
    }

    /** SiLU of the single input. */
    @Override
    public Tensor forward(Tensor... inputs) {
        return Functional.silu(single(inputs));
    }
}
