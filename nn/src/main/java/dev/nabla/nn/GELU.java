package dev.nabla.nn;

import dev.nabla.Tensor;

/** The Gaussian error linear unit, exact or with the tanh approximation, as PyTorch's {@code nn.GELU}. */
public class GELU extends Module {
    private final String approximate;
    private final boolean tanh;

    /** The exact GELU ({@code approximate='none'}). */
    public GELU() {
        this("none");
    }

    /** {@code approximate} is "none" (exact) or "tanh". */
    public GELU(String approximate) {
        this.tanh = Functional.geluTanh(approximate);
        this.approximate = approximate;
    }

    /** "none" or "tanh". */
    public String approximate() {
        return approximate;
    }

    /** GELU of the single input. */
    @Override
    public Tensor forward(Tensor... inputs) {
        return single(inputs).gelu(tanh);
    }

    @Override
    protected String extraRepr() {
        return "approximate='" + approximate + "'";
    }
}
