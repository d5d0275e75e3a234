package dev.nabla.nn;

import dev.nabla.Tensor;

/** {@code x} where positive, {@code negativeSlope * x} elsewhere, as PyTorch's {@code nn.LeakyReLU}. */
public class LeakyReLU extends Module {
    private final double negativeSlope;

    /** Slope 0.01. */
    public LeakyReLU() {
        this(0.01);
    }

    /** The given slope for negative inputs. */
    public LeakyReLU(double negativeSlope) {
        this.negativeSlope = negativeSlope;
    }

    /** The slope for negative inputs. */
    public double negativeSlope() {
        return negativeSlope;
    }

    /** Leaky ReLU of the single input. */
    @Override
    public Tensor forward(Tensor... inputs) {
        return Functional.leakyRelu(single(inputs), negativeSlope);
    }

    @Override
    protected String extraRepr() {
        return "negative_slope=" + PyRepr.ofDouble(negativeSlope);
    }
}
