package dev.nabla.nn;

import dev.nabla.Nabla;
import dev.nabla.Parameter;
import dev.nabla.Tensor;

/**
 * Normalizes over the trailing {@code normalizedShape} dims to mean 0 and variance 1, then applies an elementwise
 * affine map (weight 1, bias 0 to start), as PyTorch's {@code nn.LayerNorm}.
 */
public class LayerNorm extends Module {
    private final int[] normalizedShape;
    private final double eps;
    private final boolean elementwiseAffine;
    private final Parameter weight;
    private final Parameter bias;

    /** Over the trailing dims {@code normalizedShape}, eps 1e-5, with weight and bias. */
    public LayerNorm(int... normalizedShape) {
        this(normalizedShape, 1e-5, true);
    }

    /** With the given eps, and weight and bias when {@code elementwiseAffine}. */
    public LayerNorm(int[] normalizedShape, double eps, boolean elementwiseAffine) {
        this(normalizedShape, eps, elementwiseAffine, true);
    }

    /** With the given eps; {@code bias} false leaves out the bias even when {@code elementwiseAffine}. */
    public LayerNorm(int[] normalizedShape, double eps, boolean elementwiseAffine, boolean bias) {
        if (normalizedShape.length == 0) {
            throw new IllegalArgumentException("LayerNorm: normalized_shape must name at least one dim");
        }
        this.normalizedShape = normalizedShape.clone();
        this.eps = eps;
        this.elementwiseAffine = elementwiseAffine;
        this.weight = registerParameter("weight", elementwiseAffine ? Nabla.ones(normalizedShape) : null);
        this.bias = registerParameter("bias", elementwiseAffine && bias ? Nabla.zeros(normalizedShape) : null);
    }

    /** The elementwise scale, or null. */
    public Parameter weight() {
        return weight;
    }

    /** The elementwise shift, or null. */
    public Parameter bias() {
        return bias;
    }

    /** Layer-normalizes the single input over its trailing dims. */
    @Override
    public Tensor forward(Tensor... inputs) {
        return Functional.layerNorm(single(inputs), normalizedShape, weight, bias, eps);
    }

    @Override
    protected String extraRepr() {
        return PyRepr.ofTuple(normalizedShape) + ", eps=" + PyRepr.ofDouble(eps) + ", elementwise_affine="
                + PyRepr.ofBoolean(elementwiseAffine);
    }
}
