package dev.nabla.nn.optim;

import dev.nabla.DType;
import dev.nabla.Parameter;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.nabla.Nabla.tensor;
import static dev.nabla.nn.optim.Steps.GRADS;
import static dev.nabla.nn.optim.Steps.START;
import static dev.nabla.nn.optim.Steps.param;
import static dev.nabla.nn.optim.Steps.step;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Adam and AdamW against PyTorch's documented algorithm, per element: {@code m = b1 m + (1 - b1) g},
 * {@code v = b2 v + (1 - b2) g^2}, {@code mhat = m / (1 - b1^t)}, {@code vhat = (amsgrad ? max(vmax, v) : v) /
 * (1 - b2^t)}, {@code p -= lr mhat / (sqrt(vhat) + eps)}; Adam adds {@code wd p} to g, AdamW first scales p by
 * {@code 1 - lr wd}.
 */
class AdamTest {
    private static final double TOL = 1e-13;

    private static double[] expected(int i, double lr, double b1, double b2, double eps, double wd, boolean decoupled,
                                     boolean amsgrad) {
        double p = START[i];
        double m = 0;
        double v = 0;
        double vmax = 0;
        double[] out = new double[3];
        for (int t = 1; t <= 3; t++) {
            double g = GRADS[t - 1][i];
            if (decoupled) p *= 1 - lr * wd;
            else g += wd * p;
            m = b1 * m + (1 - b1) * g;
            v = b2 * v + (1 - b2) * g * g;
            vmax = Math.max(vmax, v);
            double mhat = m / (1 - Math.pow(b1, t));
            double vhat = (amsgrad ? vmax : v) / (1 - Math.pow(b2, t));
            p -= lr * mhat / (Math.sqrt(vhat) + eps);
            out[t - 1] = p;
        }
        return out;
    }

    private static void assertThreeSteps(Optimizer opt, Parameter p, double lr, double b1, double b2, double eps,
                                         double wd, boolean decoupled, boolean amsgrad) {
        double[][] want = {expected(0, lr, b1, b2, eps, wd, decoupled, amsgrad),
            expected(1, lr, b1, b2, eps, wd, decoupled, amsgrad)};
        for (int t = 0; t < 3; t++) {
            double[] got = step(opt, p, GRADS[t]);
            assertEquals(want[0][t], got[0], TOL, "element 0, step " + (t + 1));
            assertEquals(want[1][t], got[1], TOL, "element 1, step " + (t + 1));
        }
    }

    @Test
    void firstStepMovesEachElementByAboutLr() {
        // t = 1: mhat = g and vhat = g^2, so the step is lr * g / (|g| + eps).
        Parameter p = param(START);
        double[] got = step(new Adam(List.of(p), 0.1), p, GRADS[0]);
        assertArrayEquals(new double[] {1 - 0.1 * 1 / (1 + 1e-8), -2 + 0.1 * 3 / (3 + 1e-8)}, got, 1e-15);
    }

    @Test
    void adamThreeSteps() {
        Parameter p = param(START);
        Adam opt = new Adam(List.of(p), 0.1);
        assertThreeSteps(opt, p, 0.1, 0.9, 0.999, 1e-8, 0, false, false);
        assertEquals(List.of("exp_avg", "exp_avg_sq", "step"), opt.state(p).keySet().stream().sorted().toList());
    }

    @Test
    void adamWithWeightDecayAndAmsgrad() {
        Parameter p = param(START);
        Adam opt = Adam.builder().lr(0.05).betas(0.8, 0.5).eps(1e-3).weightDecay(0.1).amsgrad(true).build(List.of(p));
        assertThreeSteps(opt, p, 0.05, 0.8, 0.5, 1e-3, 0.1, false, true);
        assertTrue(opt.state(p).containsKey("max_exp_avg_sq"));
        assertEquals(3.0, opt.state(p).get("step").item());
        // With b2 = 0.5 the second moment of element 0 falls after step 1 (0.5 then 0.25 + 0.005 ...), so the
        // running max differs from v and amsgrad matters.
        Parameter q = param(START);
        Adam plain = Adam.builder().lr(0.05).betas(0.8, 0.5).eps(1e-3).weightDecay(0.1).build(List.of(q));
        assertThreeSteps(plain, q, 0.05, 0.8, 0.5, 1e-3, 0.1, false, false);
        assertFalse(plain.state(q).containsKey("max_exp_avg_sq"));
        assertTrue(Math.abs(p.toDoubleArray()[0] - q.toDoubleArray()[0]) > 1e-3);
    }

    @Test
    void adamWDecouplesTheWeightDecay() {
        Parameter p = param(START);
        AdamW opt = AdamW.builder().lr(0.1).weightDecay(0.5).build(List.of(p));
        assertThreeSteps(opt, p, 0.1, 0.9, 0.999, 1e-8, 0.5, true, false);
        Parameter q = param(START);
        assertThreeSteps(AdamW.builder().lr(0.1).betas(0.8, 0.5).weightDecay(0.5).amsgrad(true).build(List.of(q)), q,
                0.1, 0.8, 0.5, 1e-8, 0.5, true, true);
        // first step by hand: p = 1 * (1 - 0.05), then the Adam step of about lr.
        Parameter r = param(START);
        assertEquals(0.95 - 0.1 / (1 + 1e-8), step(AdamW.builder().lr(0.1).weightDecay(0.5).build(List.of(r)), r,
                GRADS[0])[0], 1e-15);
        assertEquals(1e-2, new AdamW(List.of(param(1))).defaults().get("weight_decay"));
        assertEquals(0.0, new Adam(List.of(param(1))).defaults().get("weight_decay"));
    }

    @Test
    void float32ParametersFollowTheSameEquations() {
        Parameter p = new Parameter(tensor(new float[] {1.0f, -2.0f}));
        AdamW opt = AdamW.builder().lr(0.1).weightDecay(0.5).amsgrad(true).build(List.of(p));
        double[][] want = {expected(0, 0.1, 0.9, 0.999, 1e-8, 0.5, true, true),
            expected(1, 0.1, 0.9, 0.999, 1e-8, 0.5, true, true)};
        for (int t = 0; t < 3; t++) {
            p.setGrad(tensor(new float[] {(float) GRADS[t][0], (float) GRADS[t][1]}));
            opt.step();
            assertArrayEquals(new double[] {want[0][t], want[1][t]}, p.toDoubleArray(), 1e-6);
        }
        assertEquals(DType.FLOAT32, opt.state(p).get("exp_avg").dtype());
    }

    @Test
    void maximizeNegatesTheGradient() {
        Parameter p = param(START);
        double[] got = step(Adam.builder().lr(0.1).maximize(true).build(List.of(p)), p, GRADS[0]);
        assertArrayEquals(new double[] {1 + 0.1 / (1 + 1e-8), -2 - 0.1 * 3 / (3 + 1e-8)}, got, 1e-15);
    }

    @Test
    void groupsWithDifferentLearningRatesAndBetas() {
        Parameter a = param(1.0);
        Parameter b = param(1.0);
        Adam opt = Adam.builder().lr(0.1).build(new ParamGroup(List.of(a)),
                new ParamGroup(List.of(b)).lr(0.01).set("betas", 0.5, 0.9));
        for (int t = 0; t < 2; t++) {
            a.setGrad(tensor(new double[] {2.0}));
            b.setGrad(tensor(new double[] {2.0}));
            opt.step();
        }
        // A constant gradient makes mhat = g and vhat = g^2 at every step: each step moves by lr g / (|g| + eps).
        assertEquals(1 - 2 * 0.1 * 2 / (2 + 1e-8), a.item(), 1e-15);
        assertEquals(1 - 2 * 0.01 * 2 / (2 + 1e-8), b.item(), 1e-15);
        assertArrayEquals(new double[] {0.9, 0.999}, opt.paramGroups().get(0).getDoubles("betas"));
    }

    @Test
    void invalidOptionsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Adam.builder().betas(1.0, 0.999).build(List.of(param(1))));
        assertThrows(IllegalArgumentException.class, () -> Adam.builder().eps(-1).build(List.of(param(1))));
        assertThrows(IllegalArgumentException.class, () -> AdamW.builder().weightDecay(-0.1).build(List.of(param(1))));
    }
}
