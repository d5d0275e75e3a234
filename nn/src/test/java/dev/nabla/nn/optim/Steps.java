package dev.nabla.nn.optim;

import dev.nabla.Parameter;
import dev.nabla.Tensor;

import static dev.nabla.Nabla.tensor;

/** Float64 parameters stepped with gradients given by the test, so expected values can be written out by hand. */
final class Steps {
    /** Three gradients for a 2-element parameter: signs flip and magnitudes shrink, so every buffer matters. */
    static final double[][] GRADS = {{1.0, -3.0}, {0.1, 0.2}, {0.5, -0.1}};
    /** The parameter's starting value. */
    static final double[] START = {1.0, -2.0};

    private Steps() {
    }

    static Parameter param(double... values) {
        return new Parameter(tensor(values));
    }

    /** Sets {@code p}'s gradient to {@code grad} and steps; returns the parameter's values after the step. */
    static double[] step(Optimizer opt, Tensor p, double... grad) {
        p.setGrad(tensor(grad));
        opt.step();
        return p.toDoubleArray();
    }
}
