package dev.nabla.nn.optim.lr;

import dev.nabla.Parameter;
import dev.nabla.nn.optim.Adam;
import dev.nabla.nn.optim.Optimizer;
import dev.nabla.nn.optim.SGD;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.IntToDoubleFunction;

import static dev.nabla.Nabla.tensor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * OneCycleLR over 10 steps with max_lr 1, div 25 (start 0.04), final div 1e4 (end 4e-6), pct_start 0.3: the
 * phases end at steps 0.3 * 10 - 1 = 2 and 9 (three-phase: 2, 2 * 3 - 2 = 4 and 9).
 */
class OneCycleLRTest {
    private static final double TOL = 1e-12;

    private static double cos(double start, double end, double pct) {
        return end + (start - end) / 2 * (Math.cos(Math.PI * pct) + 1);
    }

    private static double lin(double start, double end, double pct) {
        return start + (end - start) * pct;
    }

    private static void assertCycle(OneCycleLR s, Optimizer opt, IntToDoubleFunction lr, IntToDoubleFunction momentum,
                                    boolean beta1) {
        for (int t = 0; t < 10; t++) {
            if (t > 0) {
                opt.step();
                s.step();
            }
            assertEquals(lr.applyAsDouble(t), s.getLastLr()[0], TOL, "lr at step " + t);
            double m = beta1 ? opt.paramGroups().get(0).getDoubles("betas")[0]
                    : opt.paramGroups().get(0).getDouble("momentum");
            assertEquals(momentum.applyAsDouble(t), m, TOL, "momentum at step " + t);
        }
    }

    private static SGD sgd() {
        return SGD.builder().lr(0.5).momentum(0.9).build(List.of(new Parameter(tensor(new double[] {1}))));
    }

    @Test
    void twoPhaseCosineWithSgdMomentum() {
        SGD opt = sgd();
        OneCycleLR s = OneCycleLR.builder(opt, 1.0, 10).build();
        assertCycle(s, opt, t -> t <= 2 ? cos(0.04, 1.0, t / 2.0) : cos(1.0, 4e-6, (t - 2) / 7.0),
            t -> t <= 2 ? cos(0.95, 0.85, t / 2.0) : cos(0.85, 0.95, (t - 2) / 7.0), false);
        assertEquals(0.04, opt.paramGroups().get(0).getDouble("initial_lr"), TOL);
        assertEquals(4e-6, opt.paramGroups().get(0).getDouble("min_lr"), TOL);
    }

    @Test
    void linearAnnealingCyclesAdamsBeta1() {
        Adam opt = new Adam(List.of(new Parameter(tensor(new double[] {1}))));
        OneCycleLR s = OneCycleLR.builder(opt, 1.0, 10).cosineAnnealing(false).build();
        assertCycle(s, opt, t -> t <= 2 ? lin(0.04, 1.0, t / 2.0) : lin(1.0, 4e-6, (t - 2) / 7.0),
            t -> t <= 2 ? lin(0.95, 0.85, t / 2.0) : lin(0.85, 0.95, (t - 2) / 7.0), true);
        assertEquals(0.999, opt.paramGroups().get(0).getDoubles("betas")[1]);
    }

    @Test
    void threePhases() {
        SGD opt = sgd();
        OneCycleLR s = OneCycleLR.builder(opt, 1.0, 10).threePhase(true).build();
        assertCycle(s, opt,
            t -> t <= 2 ? cos(0.04, 1.0, t / 2.0) : t <= 4 ? cos(1.0, 0.04, (t - 2) / 2.0) : cos(0.04, 4e-6, (t - 4) / 5.0),
            t -> t <= 2 ? cos(0.95, 0.85, t / 2.0) : t <= 4 ? cos(0.85, 0.95, (t - 2) / 2.0) : 0.95, false);
    }

    @Test
    void steppingPastTheTotalFailsAndMomentumNeedsSupport() {
        SGD opt = sgd();
        OneCycleLR s = OneCycleLR.builder(opt, 1.0, 3).cycleMomentum(false).build();
        for (int t = 0; t < 3; t++) {
            opt.step();
            s.step();
        }
        assertEquals(0.9, opt.paramGroups().get(0).getDouble("momentum"));
        assertThrows(IllegalStateException.class, s::step);
        assertThrows(IllegalArgumentException.class, () -> OneCycleLR.builder(opt, 1.0, 0).build());
        assertThrows(IllegalArgumentException.class, () -> OneCycleLR.builder(opt, 1.0, 10).pctStart(1.5).build());
    }
}
