package dev.nabla.nn;

import dev.nabla.Tensor;
import org.junit.jupiter.api.Test;

import static dev.nabla.Nabla.tensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** MSELoss, L1Loss and SmoothL1Loss on differences -0.5, 0, 2, 0.5, for every reduction. */
class RegressionLossTest {
    private static final Tensor X = tensor(new double[] {1, 2, 3, 4.5});
    private static final Tensor Y = tensor(new double[] {1.5, 2, 1, 4});

    @Test
    void mseSquaresTheDifferences() {
        assertArrayEquals(new double[] {0.25, 0, 4, 0.25}, new MSELoss(Reduction.NONE).forward(X, Y).toDoubleArray());
        assertEquals(4.5, new MSELoss(Reduction.SUM).forward(X, Y).item());
        assertEquals(4.5 / 4, new MSELoss().forward(X, Y).item());
        assertEquals(4.5 / 4, Functional.mseLoss(X, Y).item());
        assertEquals(0, new MSELoss().forward(X, Y).dim());
    }

    @Test
    void l1TakesAbsoluteDifferences() {
        assertArrayEquals(new double[] {0.5, 0, 2, 0.5}, new L1Loss(Reduction.NONE).forward(X, Y).toDoubleArray());
        assertEquals(3.0, new L1Loss(Reduction.SUM).forward(X, Y).item());
        assertEquals(0.75, new L1Loss().forward(X, Y).item());
        assertEquals(0.75, Functional.l1Loss(X, Y, Reduction.MEAN).item());
    }

    @Test
    void smoothL1IsQuadraticBelowBetaAndLinearAbove() {
        // beta 1: 0.5 d^2 for |d| < 1, |d| - 0.5 otherwise.
        assertArrayEquals(new double[] {0.125, 0, 1.5, 0.125},
                new SmoothL1Loss(Reduction.NONE, 1.0).forward(X, Y).toDoubleArray(), 1e-15);
        assertEquals(1.75, new SmoothL1Loss(Reduction.SUM, 1.0).forward(X, Y).item(), 1e-15);
        assertEquals(1.75 / 4, new SmoothL1Loss().forward(X, Y).item(), 1e-15);
        // beta 0.5: |d| = 0.5 is not below beta, so it is linear: 0.5 - 0.25.
        assertArrayEquals(new double[] {0.25, 0, 1.75, 0.25},
                Functional.smoothL1Loss(X, Y, Reduction.NONE, 0.5).toDoubleArray(), 1e-15);
        // beta 2: everything but |d| = 2 is quadratic, 0.5 d^2 / 2.
        assertArrayEquals(new double[] {0.0625, 0, 1.0, 0.0625},
                Functional.smoothL1Loss(X, Y, Reduction.NONE, 2.0).toDoubleArray(), 1e-15);
    }

    @Test
    void smoothL1WithBetaZeroIsL1() {
        assertArrayEquals(new double[] {0.5, 0, 2, 0.5},
                new SmoothL1Loss(Reduction.NONE, 0.0).forward(X, Y).toDoubleArray());
        assertThrows(IllegalArgumentException.class, () -> new SmoothL1Loss(Reduction.MEAN, -1));
    }

    @Test
    void largeValuesStayFinite() {
        Tensor big = tensor(new float[] {1e4f, -1e4f});
        Tensor zero = tensor(new float[] {0, 0});
        assertEquals(1e8, new MSELoss().forward(big, zero).item(), 1);
        assertEquals(1e4, new L1Loss().forward(big, zero).item());
        assertEquals(1e4 - 0.5, new SmoothL1Loss().forward(big, zero).item());
    }

    @Test
    void lossModulesTakeExactlyTwoInputs() {
        Loss loss = new MSELoss();
        assertEquals(4.5 / 4, loss.forward(new Tensor[] {X, Y}).item());
        assertThrows(IllegalArgumentException.class, () -> loss.forward(new Tensor[] {X}));
        assertEquals("MSELoss()", loss.toString());
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Tensor x = tensor(new double[] {0.3, -1.2, 2.5, 0.7, -0.1, 1.9}, 2, 3).requiresGrad(true);
        Tensor y = tensor(new double[] {0.1, 0.4, -0.5, 0.65, 1.0, 2.6}, 2, 3).requiresGrad(true);
        for (Reduction r : Reduction.values()) {
            LossGradCheck.check(in -> Functional.mseLoss(in[0], in[1], r), x, y);
            LossGradCheck.check(in -> Functional.l1Loss(in[0], in[1], r), x, y);
            LossGradCheck.check(in -> Functional.smoothL1Loss(in[0], in[1], r, 1.0), x, y);
            LossGradCheck.check(in -> Functional.smoothL1Loss(in[0], in[1], r, 0.5), x, y);
        }
    }
}
