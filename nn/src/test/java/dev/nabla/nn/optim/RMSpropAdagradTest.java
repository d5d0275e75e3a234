package dev.nabla.nn.optim;

import dev.nabla.Parameter;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.nabla.nn.optim.Steps.GRADS;
import static dev.nabla.nn.optim.Steps.START;
import static dev.nabla.nn.optim.Steps.param;
import static dev.nabla.nn.optim.Steps.step;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RMSprop and Adagrad against PyTorch's documented algorithms, written out per element. */
class RMSpropAdagradTest {
    private static final double TOL = 1e-13;

    /**
     * RMSprop: {@code g += wd p}; {@code v = a v + (1 - a) g^2}; centered: {@code ga = a ga + (1 - a) g},
     * {@code vt = v - ga^2}; {@code b = mu b + g / (sqrt(vt) + eps)}, {@code p -= lr b} (or {@code lr g / ...}).
     */
    private static double[] rmsprop(int i, double lr, double alpha, double eps, double wd, double mu, boolean centered) {
        double p = START[i];
        double v = 0;
        double ga = 0;
        double b = 0;
        double[] out = new double[3];
        for (int t = 1; t <= 3; t++) {
            double g = GRADS[t - 1][i] + wd * p;
            v = alpha * v + (1 - alpha) * g * g;
            double vt = v;
            if (centered) {
                ga = alpha * ga + (1 - alpha) * g;
                vt = v - ga * ga;
            }
            double denom = Math.sqrt(vt) + eps;
            if (mu > 0) {
                b = mu * b + g / denom;
                p -= lr * b;
            } else {
                p -= lr * g / denom;
            }
            out[t - 1] = p;
        }
        return out;
    }

    /** Adagrad: {@code clr = lr / (1 + (t - 1) decay)}, {@code g += wd p},
     * {@code s += g^2}, {@code p -= clr g / (sqrt(s) + eps)}. */
    private static double[] adagrad(int i, double lr, double decay, double wd, double init, double eps) {
        double p = START[i];
        double s = init;
        double[] out = new double[3];
        for (int t = 1; t <= 3; t++) {
            double clr = lr / (1 + (t - 1) * decay);
            double g = GRADS[t - 1][i] + wd * p;
            s += g * g;
            p -= clr * g / (Math.sqrt(s) + eps);
            out[t - 1] = p;
        }
        return out;
    }

    private static void assertThreeSteps(Optimizer opt, Parameter p, double[] want0, double[] want1) {
        for (int t = 0; t < 3; t++) {
            double[] got = step(opt, p, GRADS[t]);
            assertEquals(want0[t], got[0], TOL, "element 0, step " + (t + 1));
            assertEquals(want1[t], got[1], TOL, "element 1, step " + (t + 1));
        }
    }

    @Test
    void rmspropFirstStepByHand() {
        // v = 0.01 g^2, so the step is lr g / (0.1 |g| + eps) = 10 lr sign(g), less eps's share.
        Parameter p = param(START);
        double[] got = step(new RMSprop(List.of(p)), p, GRADS[0]);
        assertArrayEquals(new double[] {1 - 0.01 * 1 / (0.1 + 1e-8), -2 + 0.01 * 3 / (0.3 + 1e-8)}, got, 1e-15);
    }

    @Test
    void rmspropVariants() {
        Parameter p = param(START);
        assertThreeSteps(new RMSprop(List.of(p)), p, rmsprop(0, 0.01, 0.99, 1e-8, 0, 0, false),
                rmsprop(1, 0.01, 0.99, 1e-8, 0, 0, false));
        Parameter q = param(START);
        RMSprop full = RMSprop.builder().lr(0.02).alpha(0.9).eps(1e-4).weightDecay(0.1).momentum(0.7).centered(true)
                .build(List.of(q));
        assertThreeSteps(full, q, rmsprop(0, 0.02, 0.9, 1e-4, 0.1, 0.7, true), rmsprop(1, 0.02, 0.9, 1e-4, 0.1, 0.7, true));
        assertTrue(full.state(q).keySet().containsAll(List.of("step", "square_avg", "momentum_buffer", "grad_avg")));
        Parameter r = param(START);
        RMSprop momentumOnly = RMSprop.builder().lr(0.02).momentum(0.5).build(List.of(r));
        assertThreeSteps(momentumOnly, r, rmsprop(0, 0.02, 0.99, 1e-8, 0, 0.5, false),
                rmsprop(1, 0.02, 0.99, 1e-8, 0, 0.5, false));
        assertFalse(momentumOnly.state(r).containsKey("grad_avg"));
    }

    @Test
    void adagradFirstStepByHand() {
        // s = g^2, so the first step is lr g / (|g| + eps).
        Parameter p = param(START);
        double[] got = step(new Adagrad(List.of(p)), p, GRADS[0]);
        assertArrayEquals(new double[] {1 - 0.01 / (1 + 1e-10), -2 + 0.01 * 3 / (3 + 1e-10)}, got, 1e-15);
    }

    @Test
    void adagradVariants() {
        Parameter p = param(START);
        assertThreeSteps(Adagrad.builder().lr(0.1).build(List.of(p)), p, adagrad(0, 0.1, 0, 0, 0, 1e-10),
                adagrad(1, 0.1, 0, 0, 0, 1e-10));
        Parameter q = param(START);
        Adagrad opt = Adagrad.builder().lr(0.1).lrDecay(0.5).weightDecay(0.2).initialAccumulatorValue(0.3).eps(1e-6)
                .build(List.of(q));
        assertThreeSteps(opt, q, adagrad(0, 0.1, 0.5, 0.2, 0.3, 1e-6), adagrad(1, 0.1, 0.5, 0.2, 0.3, 1e-6));
        assertEquals(3.0, opt.state(q).get("step").item());
    }
}
