package dev.nabla.nn;

import dev.nabla.Nabla;
import dev.nabla.Parameter;
import dev.nabla.Tensor;

/**
 * Splits the channels of [N, C, *] into groups, normalizes each group of each sample to mean 0 and variance 1,
 * then applies a per-channel affine map (weight 1, bias 0 to start), as PyTorch's {@code nn.GroupNorm}.
 */
public class GroupNorm extends Module {
    private final int numGroups;
    private final int numChannels;
    private final double eps;
    private final boolean affine;
    private final Parameter weight;
    private final Parameter bias;

    /** {@code numChannels} channels in {@code numGroups} groups, eps 1e-5, affine. */
    public GroupNorm(int numGroups, int numChannels) {
        this(numGroups, numChannels, 1e-5, true);
    }

    /** The full form; {@code numChannels} must be a multiple of {@code numGroups}. */
    public GroupNorm(int numGroups, int numChannels, double eps, boolean affine) {
        if (numGroups <= 0 || numChannels % numGroups != 0) {
            throw new IllegalArgumentException("GroupNorm: num_channels must be divisible by num_groups, got "
                    + "num_channels=" + numChannels + ", num_groups=" + numGroups);
        }
        this.numGroups = numGroups;
        this.numChannels = numChannels;
        this.eps = eps;
        this.affine = affine;
        this.weight = registerParameter("weight", affine ? Nabla.ones(numChannels) : null);
        this.bias = registerParameter("bias", affine ? Nabla.zeros(numChannels) : null);
    }

    /** The per-channel scale, or null. */
    public Parameter weight() {
        return weight;
    }

    /** The per-channel shift, or null. */
    public Parameter bias() {
        return bias;
    }

    /** Group-normalizes the single input [N, C, *]. */
    @Override
    public Tensor forward(Tensor... inputs) {
        return Functional.groupNorm(single(inputs), numGroups, weight, bias, eps);
    }

    @Override
    protected String extraRepr() {
        return numGroups + ", " + numChannels + ", eps=" + PyRepr.ofDouble(eps) + ", affine=" + PyRepr.ofBoolean(affine);
    }
}
