package dev.nabla.nn.optim;

import dev.nabla.Parameter;
import dev.nabla.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.nabla.Nabla.tensor;
import static dev.nabla.nn.optim.Steps.GRADS;
import static dev.nabla.nn.optim.Steps.START;
import static dev.nabla.nn.optim.Steps.param;
import static dev.nabla.nn.optim.Steps.step;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SGD's first three steps against PyTorch's update written out per element: {@code g += wd p};
 * {@code b = g} (t = 1), {@code b = mu b + (1 - tau) g} (t > 1); {@code g = nesterov ? g + mu b : b};
 * {@code p -= lr g}.
 */
class SGDTest {
    private static final double TOL = 1e-14;

    /** The documented update for one element over GRADS; {@code maximize} negates the gradient first. */
    private static double[] expected(int step, int i, double lr, double mu, double tau, double wd, boolean nesterov,
                                     boolean maximize) {
        double p = START[i];
        double b = 0;
        double[] out = new double[step];
        for (int t = 1; t <= step; t++) {
            double g = maximize ? -GRADS[t - 1][i] : GRADS[t - 1][i];
            g += wd * p;
            if (mu != 0) {
                b = t == 1 ? g : mu * b + (1 - tau) * g;
                g = nesterov ? g + mu * b : b;
            }
            p -= lr * g;
            out[t - 1] = p;
        }
        return out;
    }

    private static void assertThreeSteps(SGD.Builder builder, double lr, double mu, double tau, double wd,
                                         boolean nesterov, boolean maximize) {
        Parameter p = param(START);
        SGD opt = builder.build(List.of(p));
        for (int t = 0; t < 3; t++) {
            double[] got = step(opt, p, GRADS[t]);
            for (int i = 0; i < 2; i++) {
                assertEquals(expected(3, i, lr, mu, tau, wd, nesterov, maximize)[t], got[i], TOL, "step " + (t + 1));
            }
        }
    }

    @Test
    void plainStepsByHand() {
        Parameter p = param(START);
        SGD opt = new SGD(List.of(p), 0.1);
        assertArrayEquals(new double[] {1 - 0.1, -2 + 0.3}, step(opt, p, GRADS[0]), TOL);
        assertArrayEquals(new double[] {0.9 - 0.01, -1.7 - 0.02}, step(opt, p, GRADS[1]), TOL);
        assertArrayEquals(new double[] {0.89 - 0.05, -1.72 + 0.01}, step(opt, p, GRADS[2]), TOL);
        assertTrue(opt.state(p).isEmpty(), "no momentum buffer without momentum");
    }

    @Test
    void momentumWithDampening() {
        assertThreeSteps(SGD.builder().lr(0.1).momentum(0.9).dampening(0.1), 0.1, 0.9, 0.1, 0, false, false);
        // by hand, element 0: b = 1, 0.9 + 0.9 * 0.1 = 0.99, 0.891 + 0.45 = 1.341
        Parameter p = param(START);
        SGD opt = SGD.builder().lr(0.1).momentum(0.9).dampening(0.1).build(List.of(p));
        step(opt, p, GRADS[0]);
        step(opt, p, GRADS[1]);
        assertEquals(1 - 0.1 * (1 + 0.99 + 1.341), step(opt, p, GRADS[2])[0], TOL);
        assertArrayEquals(new double[] {1.341, 0.9 * (0.9 * -3 + 0.9 * 0.2) + 0.9 * -0.1},
                opt.state(p).get("momentum_buffer").toDoubleArray(), TOL);
    }

    @Test
    void nesterovAndWeightDecay() {
        assertThreeSteps(SGD.builder().lr(0.05).momentum(0.8).nesterov(true), 0.05, 0.8, 0, 0, true, false);
        assertThreeSteps(SGD.builder().lr(0.05).momentum(0.8).nesterov(true).weightDecay(0.1), 0.05, 0.8, 0, 0.1,
                true, false);
        assertThreeSteps(SGD.builder().lr(0.1).weightDecay(0.5), 0.1, 0, 0, 0.5, false, false);
        // first step by hand: g = 1 + 0.5 * 1, p = 1 - 0.1 * 1.5
        Parameter p = param(START);
        assertEquals(0.85, step(SGD.builder().lr(0.1).weightDecay(0.5).build(List.of(p)), p, GRADS[0])[0], TOL);
    }

    /** PyTorch negates the gradient before adding weight decay, so maximizing still shrinks the weights. */
    @Test
    void maximizeNegatesTheGradientBeforeWeightDecay() {
        assertThreeSteps(SGD.builder().lr(0.1).momentum(0.5).maximize(true), 0.1, 0.5, 0, 0, false, true);
        assertThreeSteps(SGD.builder().lr(0.1).weightDecay(0.5).maximize(true), 0.1, 0, 0, 0.5, false, true);
        Parameter p = param(START);
        assertEquals(1 - 0.1 * (-1 + 0.5), step(SGD.builder().lr(0.1).weightDecay(0.5).maximize(true)
                .build(List.of(p)), p, GRADS[0])[0], TOL);
    }

    @Test
    void parameterGroupsHaveTheirOwnOptions() {
        Parameter a = param(1.0);
        Parameter b = param(1.0);
        SGD opt = SGD.builder().lr(0.1).momentum(0.5).build(new ParamGroup(List.of(a)),
                new ParamGroup(List.of(b)).lr(0.01).set("momentum", 0.0));
        a.setGrad(tensor(new double[] {2.0}));
        b.setGrad(tensor(new double[] {2.0}));
        opt.step();
        opt.step();
        // a: b1 = 2, b2 = 0.5 * 2 + 2 = 3: 1 - 0.2 - 0.3. b: no momentum, lr 0.01: 1 - 0.02 - 0.02.
        assertEquals(0.5, a.item(), TOL);
        assertEquals(0.96, b.item(), TOL);
        assertEquals(0.5, opt.paramGroups().get(0).getDouble("momentum"));
        assertEquals(0.1, opt.paramGroups().get(0).lr());
        assertEquals(0.01, opt.paramGroups().get(1).lr());
    }

    @Test
    void addParamGroupFillsDefaultsAndRejectsDuplicates() {
        Parameter a = param(1.0);
        Parameter b = param(1.0);
        SGD opt = SGD.builder().lr(0.1).momentum(0.9).build(List.of(a));
        opt.addParamGroup(new ParamGroup(List.of(b)).lr(0.5));
        assertEquals(0.9, opt.paramGroups().get(1).getDouble("momentum"));
        assertEquals(0.5, opt.paramGroups().get(1).lr());
        assertThrows(IllegalArgumentException.class, () -> opt.addParamGroup(new ParamGroup(List.of(a))));
        assertEquals(2, opt.paramGroups().size());
        Tensor nonLeaf = param(1.0).mul(2.0);
        assertThrows(IllegalArgumentException.class, () -> opt.addParamGroup(new ParamGroup(List.of(nonLeaf))));
        assertThrows(IllegalArgumentException.class, () -> new SGD(List.of()));
    }

    @Test
    void parametersWithoutGradientsAreSkipped() {
        Parameter a = param(1.0);
        Parameter b = param(3.0);
        SGD opt = SGD.builder().lr(0.1).momentum(0.9).build(List.of(a, b));
        a.setGrad(tensor(new double[] {1.0}));
        opt.step();
        assertEquals(0.9, a.item(), TOL);
        assertEquals(3.0, b.item());
        assertTrue(opt.state(b).isEmpty());
    }

    @Test
    void zeroGradSetsToNoneOrZero() {
        Parameter a = param(1.0, 2.0);
        SGD opt = new SGD(List.of(a));
        a.setGrad(tensor(new double[] {1, 1}));
        opt.zeroGrad(false);
        assertArrayEquals(new double[] {0, 0}, a.grad().toDoubleArray());
        opt.zeroGrad();
        assertNull(a.grad());
    }

    @Test
    void stepWithAClosureOnAQuadratic() {
        Parameter p = param(3.0, -1.0);
        SGD opt = new SGD(List.of(p), 0.25);
        for (int t = 0; t < 3; t++) {
            Tensor loss = opt.step(() -> {
                opt.zeroGrad();
                Tensor l = p.mul(p).sum();
                l.backward();
                return l;
            });
            assertTrue(loss.item() > 0);
        }
        // d/dp p^2 = 2p, so each step multiplies p by 1 - 0.25 * 2 = 0.5.
        assertArrayEquals(new double[] {3.0 / 8, -1.0 / 8}, p.toDoubleArray(), TOL);
        assertEquals(3, opt.stepCount());
    }

    @Test
    void invalidOptionsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> SGD.builder().lr(-1).build(List.of(param(1))));
        assertThrows(IllegalArgumentException.class, () -> SGD.builder().nesterov(true).build(List.of(param(1))));
        assertThrows(IllegalArgumentException.class,
                () -> SGD.builder().momentum(0.9).dampening(0.1).nesterov(true).build(List.of(param(1))));
    }
}
