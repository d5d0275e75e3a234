package dev.nabla.nn.optim.lr;

import dev.nabla.Parameter;
import dev.nabla.nn.optim.Optimizer;
import dev.nabla.nn.optim.ParamGroup;
import dev.nabla.nn.optim.SGD;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.IntToDoubleFunction;

import static dev.nabla.Nabla.tensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Each scheduler's learning rates for epochs 0..10 against PyTorch's closed-form formulas, evaluated here. */
class SchedulerTest {
    private static final double TOL = 1e-12;
    private static final int EPOCHS = 10;

    static SGD sgd(double lr) {
        return new SGD(List.of(new Parameter(tensor(new double[] {1}))), lr);
    }

    /** Epoch 0 after construction, then optimizer.step() and scheduler.step() per epoch, as a training loop does. */
    static void assertSchedule(Scheduler s, IntToDoubleFunction expected) {
        for (int t = 0; t <= EPOCHS; t++) {
            if (t > 0) {
                s.optimizer().step();
                s.step();
            }
            assertEquals(expected.applyAsDouble(t), s.getLastLr()[0], TOL, "epoch " + t);
            assertEquals(expected.applyAsDouble(t), s.optimizer().paramGroups().get(0).lr(), TOL, "epoch " + t);
        }
    }

    @Test
    void stepLR() {
        assertSchedule(new StepLR(sgd(0.1), 3, 0.5), t -> 0.1 * Math.pow(0.5, t / 3));
        assertSchedule(new StepLR(sgd(0.1), 4), t -> 0.1 * Math.pow(0.1, t / 4));
    }

    @Test
    void multiStepLRCountsRepeatedMilestones() {
        int[] milestones = {2, 5, 5, 8};
        assertSchedule(new MultiStepLR(sgd(1.0), milestones, 0.1), t -> {
            int passed = 0;
            for (int m : milestones) if (m <= t) passed++;
            return Math.pow(0.1, passed);
        });
    }

    @Test
    void exponentialLR() {
        assertSchedule(new ExponentialLR(sgd(0.5), 0.9), t -> 0.5 * Math.pow(0.9, t));
    }

    /** T_max = 4 over 10 epochs: down to eta_min at 4, back up to the base at 8, through PyTorch's special case at 5. */
    @Test
    void cosineAnnealingFollowsTheCosineAcrossPeriods() {
        double base = 0.1;
        double etaMin = 0.01;
        assertSchedule(new CosineAnnealingLR(sgd(base), 4, etaMin),
            t -> etaMin + (base - etaMin) * (1 + Math.cos(Math.PI * t / 4)) / 2);
        assertSchedule(new CosineAnnealingLR(sgd(base), 10), t -> base * (1 + Math.cos(Math.PI * t / 10)) / 2);
    }

    @Test
    void linearLR() {
        assertSchedule(new LinearLR(sgd(0.2), 0.25, 1.0, 4), t -> 0.2 * (0.25 + 0.75 * Math.min(t, 4) / 4));
        assertSchedule(new LinearLR(sgd(0.3)), t -> 0.3 * (1.0 / 3 + (2.0 / 3) * Math.min(t, 5) / 5));
        assertSchedule(new LinearLR(sgd(0.2), 1.0, 0.5, 8), t -> 0.2 * (1.0 - 0.5 * Math.min(t, 8) / 8));
        assertThrows(IllegalArgumentException.class, () -> new LinearLR(sgd(0.1), 0, 1, 5));
    }

    @Test
    void eachGroupScalesItsOwnBase() {
        Parameter a = new Parameter(tensor(new double[] {1}));
        Parameter b = new Parameter(tensor(new double[] {1}));
        SGD opt = SGD.builder().lr(0.1).build(new ParamGroup(List.of(a)), new ParamGroup(List.of(b)).lr(1.0));
        StepLR s = new StepLR(opt, 2, 0.5);
        for (int t = 1; t <= 5; t++) {
            opt.step();
            s.step();
        }
        assertArrayEquals(new double[] {0.1 * 0.25, 0.25}, s.getLastLr(), TOL);
        assertEquals(0.1, opt.paramGroups().get(0).getDouble("initial_lr"));
        assertEquals(5, s.lastEpoch());
    }

    @Test
    void sequentialWarmUpThenDecay() {
        SGD opt = sgd(1.0);
        LinearLR warm = new LinearLR(opt, 0.1, 1.0, 3);
        ExponentialLR decay = new ExponentialLR(opt, 0.5);
        assertSchedule(new SequentialLR(opt, List.of(warm, decay), 3),
            t -> t < 3 ? 0.1 + 0.9 * t / 3 : Math.pow(0.5, t - 3));
    }

    @Test
    void sequentialWarmUpThenCosine() {
        SGD opt = sgd(0.4);
        SequentialLR s = new SequentialLR(opt, List.of(new LinearLR(opt, 0.5, 1.0, 2), new CosineAnnealingLR(opt, 6)), 2);
        assertSchedule(s, t -> t < 2 ? 0.4 * (0.5 + 0.5 * t / 2) : 0.4 * (1 + Math.cos(Math.PI * (t - 2) / 6)) / 2);
        assertThrows(IllegalArgumentException.class, () -> new SequentialLR(opt, List.of(new StepLR(opt, 2)), 3));
        assertThrows(IllegalArgumentException.class,
                () -> new SequentialLR(opt, List.of(new StepLR(opt, 2), new StepLR(sgd(0.1), 2)), 3));
    }

    /** Chained recursive factors multiply: warm-up factor times exponential decay. */
    @Test
    void chainedWarmUpAndDecay() {
        SGD opt = sgd(0.8);
        ChainedScheduler s = new ChainedScheduler(List.of(new LinearLR(opt, 0.5, 1.0, 4), new ExponentialLR(opt, 0.9)));
        assertSchedule(s, t -> 0.8 * (0.5 + 0.5 * Math.min(t, 4) / 4) * Math.pow(0.9, t));
    }

    @Test
    void constructingASchedulerSetsInitialLrOnce() {
        Optimizer opt = sgd(0.6);
        new StepLR(opt, 2);
        opt.paramGroups().get(0).lr(0.3);
        StepLR second = new StepLR(opt, 2);
        assertEquals(0.6, opt.paramGroups().get(0).getDouble("initial_lr"));
        opt.step();
        second.step();
        opt.step();
        second.step();
        // StepLR's recursive form decays the current rate (0.3), not initial_lr.
        assertEquals(0.03, second.getLastLr()[0], TOL);
    }
}
