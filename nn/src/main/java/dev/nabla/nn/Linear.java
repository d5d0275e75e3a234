package dev.nabla.nn;

import dev.nabla.Nabla;
import dev.nabla.Parameter;
import dev.nabla.Tensor;

/** {@code y = x · Wᵀ + b}, as PyTorch's {@code nn.Linear}, with its default initialization. */
public class Linear extends Module {
    private final int inFeatures;
    private final int outFeatures;
    private final Parameter weight;
    private final Parameter bias;

    /** A layer from {@code inFeatures} to {@code outFeatures} with a bias. */
    public Linear(int inFeatures, int outFeatures) {
        this(inFeatures, outFeatures, true);
    }

    /** A layer from {@code inFeatures} to {@code outFeatures}, with or without a bias. */
    public Linear(int inFeatures, int outFeatures, boolean bias) {
        if (inFeatures < 0 || outFeatures < 0) {
            throw new IllegalArgumentException("Linear: features must be >= 0, got in_features=" + inFeatures
                    + ", out_features=" + outFeatures);
        }
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        this.weight = registerParameter("weight", Nabla.empty(outFeatures, inFeatures));
        this.bias = registerParameter("bias", bias ? Nabla.empty(outFeatures) : null);
        resetParameters();
    }

    /**
     * PyTorch's initialization: weight from kaiming_uniform(a = sqrt(5)), i.e. U(±1/sqrt(in)), and bias from
     * U(±1/sqrt(in)) (0 when in is 0), drawn from the default generator in that order.
     */
    public void resetParameters() {
        Init.defaultLayerInit(weight, bias);
    }

    /** The weight, shape [out_features, in_features]. */
    public Parameter weight() {
        return weight;
    }

    /** The bias, shape [out_features], or null. */
    public Parameter bias() {
        return bias;
    }

    /** The input size. */
    public int inFeatures() {
        return inFeatures;
    }

    /** The output size. */
    public int outFeatures() {
        return outFeatures;
    }

    /** {@code x · Wᵀ + b} for the single input x of shape [*, in_features]. */
    @Override
    public Tensor forward(Tensor... inputs) {
        return Functional.linear(single(inputs), weight, bias);
    }

    @Override
    protected String extraRepr() {
        return "in_features=" + inFeatures + ", out_features=" + outFeatures + ", bias=" + PyRepr.ofBoolean(bias != null);
    }
}
