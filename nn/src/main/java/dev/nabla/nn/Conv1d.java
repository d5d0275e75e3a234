package dev.nabla.nn;

import dev.nabla.Tensor;

/** A 1-d convolution over [N, C_in, L] (or [C_in, L]) inputs, as PyTorch's {@code nn.Conv1d}, with its default initialization. */
public class Conv1d extends ConvBase {

    /** Stride 1, no padding, dilation 1, one group, with a bias. */
    public Conv1d(int inChannels, int outChannels, int kernelSize) {
        this(inChannels, outChannels, kernelSize, 1, 0, 1, 1, true);
    }

    /** Every setting, as PyTorch's constructor (zero padding only). */
    public Conv1d(int inChannels, int outChannels, int kernelSize, int stride, int padding, int dilation, int groups,
                  boolean bias) {
        super(inChannels, outChannels, new int[] {kernelSize}, new int[] {stride}, new int[] {padding},
                new int[] {dilation}, new int[] {0}, groups, bias, false);
    }

    @Override
    public Tensor forward(Tensor... inputs) {
        return Functional.conv1d(single(inputs), weight, bias, stride[0], padding[0], dilation[0], groups);
    }
}
