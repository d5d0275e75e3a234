package dev.nabla.nn;

import dev.nabla.Nabla;
import dev.nabla.Parameter;

/**
 * What the convolution layers share, as PyTorch's {@code _ConvNd}: the settings, the weight and optional bias, their
 * default initialization, and the printed form.
 */
abstract class ConvBase extends Module {
    final int inChannels;
    final int outChannels;
    final int[] kernelSize;
    final int[] stride;
    final int[] padding;
    final int[] dilation;
    final int[] outputPadding;
    final int groups;
    final Parameter weight;
    final Parameter bias;

    /** Checks the settings (each array has one entry per spatial dim) and creates initialized parameters. */
    ConvBase(int inChannels, int outChannels, int[] kernelSize, int[] stride, int[] padding, int[] dilation,
             int[] outputPadding, int groups, boolean bias, boolean transposed) {
        String op = name();
        int dims = kernelSize.length;
        this.kernelSize = Tuples.check(op, "kernel_size", kernelSize, dims);
        this.stride = Tuples.check(op, "stride", stride, dims);
        this.padding = Tuples.check(op, "padding", padding, dims);
        this.dilation = Tuples.check(op, "dilation", dilation, dims);
        this.outputPadding = Tuples.check(op, "output_padding", outputPadding, dims);
        Tuples.atLeast(op, "kernel_size", kernelSize, 1);
        Tuples.atLeast(op, "stride", stride, 1);
        Tuples.atLeast(op, "padding", padding, 0);
        Tuples.atLeast(op, "dilation", dilation, 1);
        Tuples.atLeast(op, "output_padding", outputPadding, 0);
        if (groups <= 0) throw new IllegalArgumentException(op + ": groups must be a positive integer, got " + groups);
        if (inChannels < 0 || outChannels < 0) {
            throw new IllegalArgumentException(op + ": channels must be >= 0, got in_channels=" + inChannels
                    + ", out_channels=" + outChannels);
        }
        if (inChannels % groups != 0) {
            throw new IllegalArgumentException(op + ": in_channels (" + inChannels + ") must be divisible by groups ("
                    + groups + ")");
        }
        if (outChannels % groups != 0) {
            throw new IllegalArgumentException(op + ": out_channels (" + outChannels + ") must be divisible by groups ("
                    + groups + ")");
        }
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.groups = groups;
        int[] shape = new int[dims + 2];
        shape[0] = transposed ? inChannels : outChannels;
        shape[1] = transposed ? outChannels / groups : inChannels / groups;
        System.arraycopy(kernelSize, 0, shape, 2, dims);
        this.weight = registerParameter("weight", Nabla.empty(shape));
        this.bias = registerParameter("bias", bias ? Nabla.empty(outChannels) : null);
        resetParameters();
    }

    /**
     * PyTorch's initialization, from the default generator in this order: weight from kaiming_uniform(a = sqrt(5)),
     * i.e. U(±1/sqrt(fan_in)) with fan_in = weight.size(1) * kernel taps, then bias from U(±1/sqrt(fan_in)).
     */
    public void resetParameters() {
        Init.defaultLayerInit(weight, bias);
    }

    /** The weight: [out, in / groups, *kernel], or [in, out / groups, *kernel] for a transposed convolution. */
    public Parameter weight() {
        return weight;
    }

    /** The bias, shape [out_channels], or null. */
    public Parameter bias() {
        return bias;
    }

    /** The number of input channels. */
    public int inChannels() {
        return inChannels;
    }

    /** The number of output channels. */
    public int outChannels() {
        return outChannels;
    }

    /** The number of channel groups. */
    public int groups() {
        return groups;
    }

    @Override
    protected String extraRepr() {
        StringBuilder b = new StringBuilder().append(inChannels).append(", ").append(outChannels)
                .append(", kernel_size=").append(PyRepr.ofTuple(kernelSize)).append(", stride=").append(PyRepr.ofTuple(stride));
        if (!allEqual(padding, 0)) b.append(", padding=").append(PyRepr.ofTuple(padding));
        if (!allEqual(dilation, 1)) b.append(", dilation=").append(PyRepr.ofTuple(dilation));
        if (!allEqual(outputPadding, 0)) b.append(", output_padding=").append(PyRepr.ofTuple(outputPadding));
        if (groups != 1) b.append(", groups=").append(groups);
        if (bias == null) b.append(", bias=False");
        return b.toString();
    }

    private static boolean allEqual(int[] values, int v) {
        for (int x : values) if (x != v) return false;
        return true;
    }
}
