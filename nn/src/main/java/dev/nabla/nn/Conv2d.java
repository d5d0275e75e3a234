package dev.nabla.nn;

import dev.nabla.Tensor;

/** A 2-d convolution over [N, C_in, H, W] (or [C_in, H, W]) inputs, as PyTorch's {@code nn.Conv2d}, with its default initialization. */
public class Conv2d extends ConvBase {

    /** A square kernel, stride 1, no padding, dilation 1, one group, with a bias. */
    public Conv2d(int inChannels, int outChannels, int kernelSize) {
        this(inChannels, outChannels, kernelSize, 1, 0);
    }

    /** A square kernel with the given stride and padding in both dims, dilation 1, one group, with a bias. */
    public Conv2d(int inChannels, int outChannels, int kernelSize, int stride, int padding) {
        this(inChannels, outChannels, kernelSize, stride, padding, 1, 1, true);
    }

    /** Square settings, each the same in both dims. */
    public Conv2d(int inChannels, int outChannels, int kernelSize, int stride, int padding, int dilation, int groups,
                  boolean bias) {
        this(inChannels, outChannels, Tuples.repeat(kernelSize, 2), Tuples.repeat(stride, 2), Tuples.repeat(padding, 2),
                Tuples.repeat(dilation, 2), groups, bias);
    }

    /** Every setting as (h, w) pairs, as PyTorch's constructor (zero padding only). */
    public Conv2d(int inChannels, int outChannels, int[] kernelSize, int[] stride, int[] padding, int[] dilation,
                  int groups, boolean bias) {
        super(inChannels, outChannels, Tuples.check("Conv2d", "kernel_size", kernelSize, 2), stride, padding, dilation,
                new int[] {0, 0}, groups, bias, false);
    }

    @Override
    public Tensor forward(Tensor... inputs) {
        return Functional.conv2d(single(inputs), weight, bias, stride, padding, dilation, groups);
    }
}
