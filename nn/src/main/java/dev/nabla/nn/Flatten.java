package dev.nabla.nn;

import dev.nabla.Tensor;

/** Flattens dims {@code startDim..endDim} into one, as PyTorch's {@code nn.Flatten} (by default all but the batch). */
public class Flatten extends Module {
    private final int startDim;
    private final int endDim;

    /** Flattens dims 1 to -1. */
    public Flatten() {
        this(1, -1);
    }

    /** Flattens dims {@code startDim} to {@code endDim} (inclusive, negative from the end). */
    public Flatten(int startDim, int endDim) {
        this.startDim = startDim;
        this.endDim = endDim;
    }

    /** The single input with dims {@code startDim..endDim} merged. */
    @Override
    public Tensor forward(Tensor... inputs) {
        return single(inputs).flatten(startDim, endDim);
    }

    @Override
    protected String extraRepr() {
        return "start_dim=" + startDim + ", end_dim=" + endDim;
    }
}
