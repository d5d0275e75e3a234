package dev.nabla.nn;

import dev.nabla.Generator;
import dev.nabla.Tensor;

/**
 * In training, zeroes each element with probability {@code p} and scales the others by {@code 1 / (1 - p)}; in eval,
 * the identity. As PyTorch's {@code nn.Dropout}, with masks drawn from a {@link Generator} (the default one unless
 * one is given), so a seed fixes which elements drop.
 */
public class Dropout extends Module {
    private final double p;
    private final Generator generator;

    /** p = 0.5. */
    public Dropout() {
        this(0.5);
    }

    /** Drops with probability {@code p}, drawing from the default generator. */
    public Dropout(double p) {
        this(p, Generator.defaultGenerator());
    }

    /** Drops with probability {@code p}, drawing from {@code generator}. */
    public Dropout(double p, Generator generator) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("Dropout: probability has to be between 0 and 1, but got " + p);
        }
        this.p = p;
        this.generator = generator;
    }

    /** The drop probability. */
    public double p() {
        return p;
    }

    /** The single input with dropout applied in training; the input itself in eval. */
    @Override
    public Tensor forward(Tensor... inputs) {
        return Functional.dropout(single(inputs), p, isTraining(), generator);
    }

    @Override
    protected String extraRepr() {
        return "p=" + PyRepr.ofDouble(p) + ", inplace=False";
    }
}
