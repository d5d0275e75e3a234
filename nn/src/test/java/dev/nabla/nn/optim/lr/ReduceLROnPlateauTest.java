package dev.nabla.nn.optim.lr;

import dev.nabla.nn.optim.SGD;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ReduceLROnPlateau traced by hand: patience counts bad steps, a reduction starts a cooldown that ignores them. */
class ReduceLROnPlateauTest {

    private static double[] run(ReduceLROnPlateau s, double... metrics) {
        double[] lrs = new double[metrics.length];
        for (int i = 0; i < metrics.length; i++) {
            s.step(metrics[i]);
            lrs[i] = s.getLastLr()[0];
        }
        return lrs;
    }

    @Test
    void patienceAndCooldown() {
        ReduceLROnPlateau s = ReduceLROnPlateau.builder(SchedulerTest.sgd(1.0)).patience(2).factor(0.5).cooldown(1).build();
        // 1.0 best; 0.9 best; 0.95 x3: bad 1, 2, 3 > 2 -> 0.5 and cooldown; next 0.95 is eaten by the cooldown;
        // then bad 1, 2, 3 -> 0.25; 0.8999 < 0.9 * (1 - 1e-4) is an improvement.
        double[] lrs = run(s, 1.0, 0.9, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.8999);
        assertArrayEquals(new double[] {1, 1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.25, 0.25}, lrs);
        assertEquals(0.8999, s.best());
        assertEquals(0, s.numBadEpochs());
        assertEquals(10, s.lastEpoch());
    }

    @Test
    void withoutCooldownReductionsFollowEveryPatienceRun() {
        ReduceLROnPlateau s = ReduceLROnPlateau.builder(SchedulerTest.sgd(1.0)).patience(1).factor(0.1).build();
        double[] lrs = run(s, 5, 5, 5, 5, 5);
        // bad 1, 2 -> reduce; bad 1, 2 -> reduce
        assertArrayEquals(new double[] {1, 1, 0.1, 0.1, 0.01}, lrs, 1e-15);
    }

    @Test
    void cooldownMarksItself() {
        ReduceLROnPlateau s = ReduceLROnPlateau.builder(SchedulerTest.sgd(1.0)).patience(0).cooldown(2).build();
        run(s, 1, 2);
        assertTrue(s.inCooldown());
    }

    @Test
    void thresholdsAndModes() {
        // Relative: 0.99995 is not below 1 * (1 - 1e-4), so it is a bad step.
        ReduceLROnPlateau rel = ReduceLROnPlateau.builder(SchedulerTest.sgd(1.0)).patience(0).build();
        assertArrayEquals(new double[] {1, 0.1}, run(rel, 1.0, 0.99995), 1e-15);
        // Absolute, max mode: must beat best + 0.5.
        ReduceLROnPlateau abs = ReduceLROnPlateau.builder(SchedulerTest.sgd(1.0)).mode(ReduceLROnPlateau.Mode.MAX)
                .thresholdMode(ReduceLROnPlateau.ThresholdMode.ABS).threshold(0.5).patience(0).factor(0.5).build();
        assertArrayEquals(new double[] {1, 1, 0.5}, run(abs, 10, 10.6, 11.0), 1e-15);
    }

    @Test
    void minLrIsAFloorAndTinyChangesAreSkipped() {
        SGD opt = SchedulerTest.sgd(0.25);
        ReduceLROnPlateau s = ReduceLROnPlateau.builder(opt).patience(0).factor(0.5).minLr(0.2).build();
        assertArrayEquals(new double[] {0.25, 0.2, 0.2}, run(s, 1, 1, 1), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> ReduceLROnPlateau.builder(opt).factor(1.0).build());
        assertThrows(IllegalArgumentException.class, () -> ReduceLROnPlateau.builder(opt).minLr(0, 0).build());
    }
}
