package dev.nabla.nn;

import dev.nabla.Tensor;

/** Average pooling to a fixed output size whatever the input size, as PyTorch's {@code nn.AdaptiveAvgPool2d}. */
public class AdaptiveAvgPool2d extends Module {
    private final int[] outputSize;
    private final boolean pair;

    /** A square {@code size x size} output. */
    public AdaptiveAvgPool2d(int size) {
        this(Tuples.repeat(size, 2), false);
    }

    /** An (h, w) output. */
    public AdaptiveAvgPool2d(int[] outputSize) {
        this(outputSize, true);
    }

    private AdaptiveAvgPool2d(int[] outputSize, boolean pair) {
        this.outputSize = Tuples.check("AdaptiveAvgPool2d", "output_size", outputSize, 2);
        Tuples.atLeast("AdaptiveAvgPool2d", "output_size", this.outputSize, 0);
        this.pair = pair;
    }

    @Override
    public Tensor forward(Tensor... inputs) {
        return Functional.adaptiveAvgPool2d(single(inputs), outputSize);
    }

    @Override
    protected String extraRepr() {
        return "output_size=" + Tuples.show(outputSize, pair);
    }
}
