package dev.nabla.nn;

import dev.nabla.Tensor;

/** 2-d max pooling over [N, C, H, W] (or [C, H, W]) inputs, as PyTorch's {@code nn.MaxPool2d}. */
public class MaxPool2d extends Module {
    private final int[] kernelSize;
    private final int[] stride;
    private final int[] padding;
    private final int[] dilation;
    private final boolean ceilMode;
    /** Whether the settings were given as pairs, which PyTorch prints as tuples rather than ints. */
    private final boolean pairs;

    /** Square windows with stride equal to the kernel size. */
    public MaxPool2d(int kernelSize) {
        this(kernelSize, kernelSize);
    }

    /** Square windows with the given stride, no padding. */
    public MaxPool2d(int kernelSize, int stride) {
        this(kernelSize, stride, 0, 1, false);
    }

    /** Square settings, each the same in both dims. */
    public MaxPool2d(int kernelSize, int stride, int padding, int dilation, boolean ceilMode) {
        this(Tuples.repeat(kernelSize, 2), Tuples.repeat(stride, 2), Tuples.repeat(padding, 2),
                Tuples.repeat(dilation, 2), ceilMode, false);
    }

    /** Every setting as (h, w) pairs; a null stride means the kernel size. */
    public MaxPool2d(int[] kernelSize, int[] stride, int[] padding, int[] dilation, boolean ceilMode) {
        this(kernelSize, stride, padding, dilation, ceilMode, true);
    }

    private MaxPool2d(int[] kernelSize, int[] stride, int[] padding, int[] dilation, boolean ceilMode, boolean pairs) {
        this.kernelSize = Tuples.check("MaxPool2d", "kernel_size", kernelSize, 2);
        this.stride = stride == null ? this.kernelSize.clone() : Tuples.check("MaxPool2d", "stride", stride, 2);
        this.padding = Tuples.check("MaxPool2d", "padding", padding, 2);
        this.dilation = Tuples.check("MaxPool2d", "dilation", dilation, 2);
        this.ceilMode = ceilMode;
        this.pairs = pairs;
    }

    @Override
    public Tensor forward(Tensor... inputs) {
        return Functional.maxPool2d(single(inputs), kernelSize, stride, padding, dilation, ceilMode);
    }

    @Override
    protected String extraRepr() {
        return "kernel_size=" + Tuples.show(kernelSize, pairs) + ", stride=" + Tuples.show(stride, pairs) + ", padding="
                + Tuples.show(padding, pairs) + ", dilation=" + Tuples.show(dilation, pairs) + ", ceil_mode="
                + PyRepr.ofBoolean(ceilMode);
    }
}
