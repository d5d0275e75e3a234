package dev.nabla.nn;

import dev.nabla.Tensor;

/**
 * A 2-d transposed convolution (the gradient of Conv2d with respect to its input), as PyTorch's
 * {@code nn.ConvTranspose2d}, with its default initialization; the weight is [C_in, C_out / groups, kh, kw].
 */
public class ConvTranspose2d extends ConvBase {

    /** A square kernel, stride 1, no padding, one group, with a bias. */
    public ConvTranspose2d(int inChannels, int outChannels, int kernelSize) {
        this(inChannels, outChannels, kernelSize, 1, 0, 0, 1, true, 1);
    }

    /** Square settings in PyTorch's argument order, each the same in both dims. */
    public ConvTranspose2d(int inChannels, int outChannels, int kernelSize, int stride, int padding, int outputPadding,
                           int groups, boolean bias, int dilation) {
        this(inChannels, outChannels, Tuples.repeat(kernelSize, 2), Tuples.repeat(stride, 2), Tuples.repeat(padding, 2),
                Tuples.repeat(outputPadding, 2), groups, bias, Tuples.repeat(dilation, 2));
    }

    /** Every setting as (h, w) pairs, in PyTorch's argument order (zero padding only). */
    public ConvTranspose2d(int inChannels, int outChannels, int[] kernelSize, int[] stride, int[] padding,
                           int[] outputPadding, int groups, boolean bias, int[] dilation) {
        super(inChannels, outChannels, Tuples.check("ConvTranspose2d", "kernel_size", kernelSize, 2), stride, padding,
                dilation, outputPadding, groups, bias, true);
    }

    @Override
    public Tensor forward(Tensor... inputs) {
        return Functional.convTranspose2d(single(inputs), weight, bias, stride, padding, outputPadding, groups, dilation);
    }
}
