package dev.nabla.nn;

import dev.nabla.Tensor;

/** Softmax along {@code dim}: non-negative values summing to 1, as PyTorch's {@code nn.Softmax}. */
public class Softmax extends Module {
    private final int dim;

    /** Along dimension {@code dim} (negative counts from the end). */
    public Softmax(int dim) {
        this.dim = dim;
    }

    /** The dimension it normalizes along. */
    public int dim() {
        return dim;
    }

    /** Softmax of the single input along {@code dim}. */
    @Override
    public Tensor forward(Tensor... inputs) {
        return Functional.softmax(single(inputs), dim);
    }

    @Override
    protected String extraRepr() {
        return "dim=" + dim;
    }
}
