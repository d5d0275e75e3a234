package dev.nabla.nn;

import dev.nabla.Tensor;
import org.junit.jupiter.api.Test;

import static dev.nabla.Nabla.tensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** BCELoss and BCEWithLogitsLoss against the logarithms written out with java.lang.Math. */
class BinaryCrossEntropyTest {
    private static final double EPS = 1e-12;

    private static double bce(double x, double y) {
        return -(y * Math.max(Math.log(x), -100) + (1 - y) * Math.max(Math.log(1 - x), -100));
    }

    /** -[p y log s(x) + (1 - y) log(1 - s(x))] with log s(x) = -log1p(exp(-x)) and log(1 - s(x)) = -x + log s(x). */
    private static double bceLogits(double x, double y, double p) {
        double logSig = -Math.log1p(Math.exp(-x));
        return -(p * y * logSig + (1 - y) * (logSig - x));
    }

    @Test
    void bceForEveryReductionWithTheLogClampedAtMinus100() {
        double[] x = {0.2, 0.9, 0.5, 1.0, 0.0};
        double[] y = {0, 1, 0.5, 1, 1};
        double[] expected = new double[5];
        for (int i = 0; i < 5; i++) expected[i] = bce(x[i], y[i]);
        assertEquals(100.0, expected[4]);
        assertEquals(0.0, expected[3], 0.0);
        Tensor in = tensor(x);
        Tensor t = tensor(y);
        assertArrayEquals(expected, new BCELoss(null, Reduction.NONE).forward(in, t).toDoubleArray(), EPS);
        double sum = expected[0] + expected[1] + expected[2] + expected[3] + expected[4];
        assertEquals(sum, new BCELoss(null, Reduction.SUM).forward(in, t).item(), EPS);
        assertEquals(sum / 5, new BCELoss().forward(in, t).item(), EPS);
        double[] w = {1, 2, 3, 4, 0.5};
        double weighted = 0;
        for (int i = 0; i < 5; i++) weighted += w[i] * expected[i];
        assertEquals(weighted / 5, Functional.binaryCrossEntropy(in, t, tensor(w), Reduction.MEAN).item(), EPS);
    }

    @Test
    void bceGradientIsFiniteAtTheClampedEnds() {
        Tensor x = tensor(new double[] {0.0, 1.0, 0.25}).requiresGrad(true);
        Functional.binaryCrossEntropy(x, tensor(new double[] {1, 0, 1}), null, Reduction.SUM).backward();
        double[] g = x.grad().toDoubleArray();
        for (double v : g) assertTrue(Double.isFinite(v), "gradient " + v);
        assertEquals(-1 / 0.25, g[2], EPS);
    }

    @Test
    void bceRejectsInputsOutsideTheUnitIntervalAndOtherShapes() {
        assertThrows(IllegalArgumentException.class,
                () -> Functional.binaryCrossEntropy(tensor(new double[] {1.5}), tensor(new double[] {1})));
        assertThrows(IllegalArgumentException.class,
                () -> Functional.binaryCrossEntropy(tensor(new double[] {0.5, 0.5}), tensor(new double[] {1})));
    }

    @Test
    void withLogitsForEveryReductionAndWeight() {
        double[] x = {-1, 0, 2, 3};
        double[] y = {0, 1, 1, 0.5};
        double[] expected = new double[4];
        for (int i = 0; i < 4; i++) expected[i] = bceLogits(x[i], y[i], 1);
        Tensor in = tensor(x);
        Tensor t = tensor(y);
        assertArrayEquals(expected, new BCEWithLogitsLoss(null, Reduction.NONE, null).forward(in, t).toDoubleArray(), EPS);
        double sum = expected[0] + expected[1] + expected[2] + expected[3];
        assertEquals(sum, BCEWithLogitsLoss.builder().reduction(Reduction.SUM).build().forward(in, t).item(), EPS);
        assertEquals(sum / 4, new BCEWithLogitsLoss().forward(in, t).item(), EPS);
        double[] w = {0.5, 1, 2, 3};
        double weighted = 0;
        for (int i = 0; i < 4; i++) weighted += w[i] * expected[i];
        assertEquals(weighted, BCEWithLogitsLoss.builder().weight(tensor(w)).reduction(Reduction.SUM).build()
                .forward(in, t).item(), EPS);
    }

    @Test
    void posWeightScalesThePositiveTermPerClass() {
        double[][] x = {{-1, 0.5}, {2, -3}};
        double[][] y = {{1, 0.5}, {0, 1}};
        double[] p = {3, 0.5};
        double sum = 0;
        double[] none = new double[4];
        for (int n = 0; n < 2; n++) {
            for (int c = 0; c < 2; c++) {
                none[n * 2 + c] = bceLogits(x[n][c], y[n][c], p[c]);
                sum += none[n * 2 + c];
            }
        }
        BCEWithLogitsLoss loss = BCEWithLogitsLoss.builder().posWeight(tensor(p)).reduction(Reduction.NONE).build();
        assertArrayEquals(none, loss.forward(tensor(x), tensor(y)).toDoubleArray(), EPS);
        assertEquals(sum / 4, Functional.binaryCrossEntropyWithLogits(tensor(x), tensor(y), null, Reduction.MEAN,
                tensor(p)).item(), EPS);
        assertTrue(loss.stateDict().containsKey("pos_weight"));
    }

    @Test
    void largeLogitsStayFiniteAndExact() {
        Tensor x = tensor(new float[] {1e4f, -1e4f, 1e4f, -1e4f}).requiresGrad(true);
        Tensor y = tensor(new float[] {0, 1, 1, 0});
        Tensor none = Functional.binaryCrossEntropyWithLogits(x, y, null, Reduction.NONE, null);
        assertArrayEquals(new double[] {1e4, 1e4, 0, 0}, none.toDoubleArray());
        none.sum().backward();
        // d/dx = sigmoid(x) - y
        assertArrayEquals(new double[] {1, -1, 0, 0}, x.grad().toDoubleArray());
    }

    @Test
    void gradientAtZeroLogitIsSigmoidMinusTarget() {
        Tensor x = tensor(new double[] {0, 0}).requiresGrad(true);
        Functional.binaryCrossEntropyWithLogits(x, tensor(new double[] {1, 0.25}), null, Reduction.SUM, null).backward();
        assertArrayEquals(new double[] {-0.5, 0.25}, x.grad().toDoubleArray(), EPS);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Tensor x = tensor(new double[] {0.2, 0.9, 0.5, 0.35}, 2, 2).requiresGrad(true);
        Tensor logits = tensor(new double[] {-1.5, 0.3, 2, -0.2}, 2, 2).requiresGrad(true);
        Tensor y = tensor(new double[] {0, 1, 0.5, 0.8}, 2, 2).requiresGrad(true);
        Tensor w = tensor(new double[] {0.5, 2}, 1, 2);
        Tensor p = tensor(new double[] {3, 0.25});
        for (Reduction r : Reduction.values()) {
            LossGradCheck.check(in -> Functional.binaryCrossEntropy(in[0], in[1], w, r), x, y);
            LossGradCheck.check(in -> Functional.binaryCrossEntropyWithLogits(in[0], in[1], w, r, p), logits, y);
            LossGradCheck.check(in -> Functional.binaryCrossEntropyWithLogits(in[0], in[1], null, r, null), logits, y);
        }
    }
}
