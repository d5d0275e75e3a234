package dev.nabla.nn;

import dev.nabla.Tensor;

/** The logarithm of the softmax along {@code dim}, computed stably, as PyTorch's {@code nn.LogSoftmax}. */
public class LogSoftmax extends Module {
    private final int dim;

    /** Along dimension {@code dim} (negative counts from the end). */
    public LogSoftmax(int dim) {
        this.dim = dim;
    }

    /** The dimension it normalizes along. */
    public int dim() {
        return dim;
    }

    /** Log-softmax of the single input along {@code dim}. */
    @Override
    public Tensor forward(Tensor... inputs) {
        return Functional.logSoftmax(single(inputs), dim);
    }

    @Override
    protected String extraRepr() {
        return "dim=" + dim;
    }
}
