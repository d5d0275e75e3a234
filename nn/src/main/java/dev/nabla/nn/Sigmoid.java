package dev.nabla.nn;

import dev.nabla.Tensor;

/** The logistic sigmoid, {@code 1 / (1 + exp(-x))}, as PyTorch's {@code nn.Sigmoid}. */
public class Sigmoid extends Module {

    /** The activation (it has no parameters). */
    public Sigmoid() {
    }

    /** Sigmoid of the single input. */
    @Override
    public Tensor forward(Tensor... inputs) {
        return Functional.sigmoid(single(inputs));
    }
}
