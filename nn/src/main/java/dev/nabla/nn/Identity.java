package dev.nabla.nn;

import dev.nabla.Tensor;

/** Returns its input unchanged, as PyTorch's {@code nn.Identity}: a placeholder where a layer is optional. */
public class Identity extends Module {

    /** The identity module. */
    public Identity() {
    }

    /** The single input itself. */
    @Override
    public Tensor forward(Tensor... inputs) {
        return single(inputs);
    }
}
