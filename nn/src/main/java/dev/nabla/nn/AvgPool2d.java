package dev.nabla.nn;

import dev.nabla.Tensor;

/** 2-d average pooling over [N, C, H, W] (or [C, H, W]) inputs, as PyTorch's {@code nn.AvgPool2d}. */
public class AvgPool2d extends Module {
    private final int[] kernelSize;
    private final int[] stride;
    private final int[] padding;
    private final boolean ceilMode;
    private final boolean countIncludePad;
    /** Whether the settings were given as pairs, which PyTorch prints as tuples rather than ints. */
    private final boolean pairs;

    /** Square windows with stride equal to the kernel size. */
    public AvgPool2d(int kernelSize) {
        this(kernelSize, kernelSize, 0);
    }

    /** Square windows with the given stride and zero padding (counted in the divisor, as PyTorch's default). */
    public AvgPool2d(int kernelSize, int stride, int padding) {
        this(kernelSize, stride, padding, false, true);
    }

    /** Square settings, each the same in both dims. */
    public AvgPool2d(int kernelSize, int stride, int padding, boolean ceilMode, boolean countIncludePad) {
        this(Tuples.repeat(kernelSize, 2), Tuples.repeat(stride, 2), Tuples.repeat(padding, 2), ceilMode,
                countIncludePad, false);
    }

    /** Every setting as (h, w) pairs; a null stride means the kernel size. */
    public AvgPool2d(int[] kernelSize, int[] stride, int[] padding, boolean ceilMode, boolean countIncludePad) {
        this(kernelSize, stride, padding, ceilMode, countIncludePad, true);
    }

    private AvgPool2d(int[] kernelSize, int[] stride, int[] padding, boolean ceilMode, boolean countIncludePad,
                      boolean pairs) {
        this.kernelSize = Tuples.check("AvgPool2d", "kernel_size", kernelSize, 2);
        this.stride = stride == null ? this.kernelSize.clone() : Tuples.check("AvgPool2d", "stride", stride, 2);
        this.padding = Tuples.check("AvgPool2d", "padding", padding, 2);
        this.ceilMode = ceilMode;
        this.countIncludePad = countIncludePad;
        this.pairs = pairs;
    }

    @Override
    public Tensor forward(Tensor... inputs) {
        return Functional.avgPool2d(single(inputs), kernelSize, stride, padding, ceilMode, countIncludePad);
    }

    @Override
    protected String extraRepr() {
        return "kernel_size=" + Tuples.show(kernelSize, pairs) + ", stride=" + Tuples.show(stride, pairs) + ", padding="
                + Tuples.show(padding, pairs);
    }
}
