package dev.nabla.nn;

import dev.nabla.Tensor;

/** Rectified linear unit, {@code max(x, 0)}, as PyTorch's {@code nn.ReLU}. */
public class ReLU extends Module {

    /** The activation (it has no parameters). */
    public ReLU() {
    }

    /** ReLU of the single input. */
    @Override
    public Tensor forward(Tensor... inputs) {
        return Functional.relu(single(inputs));
    }
}
