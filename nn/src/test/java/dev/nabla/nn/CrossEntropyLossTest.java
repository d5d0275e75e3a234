package dev.nabla.nn;

import dev.nabla.Tensor;
import org.junit.jupiter.api.Test;

import static dev.nabla.Nabla.tensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CrossEntropyLoss against {@code -log softmax} written out with java.lang.Math: class indices, weights, ignored
 * targets, label smoothing (PyTorch's normalization), class probabilities, extra dims and large logits.
 */
class CrossEntropyLossTest {
    private static final double[][] LOGITS = {{1, 2, 3}, {1, 0, -1}, {0.5, -0.5, 2}};
    private static final double[] W = {0.2, 0.3, 0.5};
    private static final double EPS = 1e-12;

    /** {@code -log(exp(x[c]) / sum(exp(x)))}. */
    static double nll(double[] row, int c) {
        double s = 0;
        for (double v : row) s += Math.exp(v);
        return Math.log(s) - row[c];
    }

    private static Tensor logits() {
        return tensor(LOGITS);
    }

    @Test
    void classIndicesForEveryReduction() {
        Tensor t = tensor(new long[] {2, 0, 1});
        double l0 = nll(LOGITS[0], 2);
        double l1 = nll(LOGITS[1], 0);
        double l2 = nll(LOGITS[2], 1);
        CrossEntropyLoss none = CrossEntropyLoss.builder().reduction(Reduction.NONE).build();
        assertArrayEquals(new double[] {l0, l1, l2}, none.forward(logits(), t).toDoubleArray(), EPS);
        assertEquals(l0 + l1 + l2, CrossEntropyLoss.builder().reduction(Reduction.SUM).build()
                .forward(logits(), t).item(), EPS);
        assertEquals((l0 + l1 + l2) / 3, new CrossEntropyLoss().forward(logits(), t).item(), EPS);
        assertEquals((l0 + l1 + l2) / 3, Functional.crossEntropy(logits(), t).item(), EPS);
    }

    @Test
    void classWeightsScaleEachTargetAndTheMeanDividesByTheirSum() {
        Tensor t = tensor(new long[] {2, 0, 1});
        double[] l = {W[2] * nll(LOGITS[0], 2), W[0] * nll(LOGITS[1], 0), W[1] * nll(LOGITS[2], 1)};
        Tensor w = tensor(W);
        assertArrayEquals(l, Functional.crossEntropy(logits(), t, w, -100, Reduction.NONE, 0).toDoubleArray(), EPS);
        assertEquals(l[0] + l[1] + l[2],
                Functional.crossEntropy(logits(), t, w, -100, Reduction.SUM, 0).item(), EPS);
        assertEquals((l[0] + l[1] + l[2]) / (W[2] + W[0] + W[1]),
                CrossEntropyLoss.builder().weight(w).build().forward(logits(), t).item(), EPS);
    }

    @Test
    void ignoredTargetsContributeNothingAndLeaveTheMean() {
        Tensor t = tensor(new long[] {2, -100, 1});
        double l0 = nll(LOGITS[0], 2);
        double l2 = nll(LOGITS[2], 1);
        assertArrayEquals(new double[] {l0, 0, l2},
                Functional.crossEntropy(logits(), t, null, -100, Reduction.NONE, 0).toDoubleArray(), EPS);
        assertEquals((l0 + l2) / 2, Functional.crossEntropy(logits(), t).item(), EPS);
        // A custom ignore index, with weights: the mean divides by the weights of the kept targets only.
        Tensor t1 = tensor(new long[] {2, 0, 1});
        double expected = (W[2] * l0 + W[0] * nll(LOGITS[1], 0)) / (W[2] + W[0]);
        assertEquals(expected, CrossEntropyLoss.builder().weight(tensor(W)).ignoreIndex(1).build()
                .forward(logits(), t1).item(), EPS);
    }

    @Test
    void everyTargetIgnoredGivesNaNMeanAsPyTorch() {
        Tensor t = tensor(new long[] {-100, -100, -100});
        assertTrue(Double.isNaN(Functional.crossEntropy(logits(), t).item()));
        assertEquals(0.0, Functional.crossEntropy(logits(), t, null, -100, Reduction.SUM, 0).item());
    }

    /** PyTorch: {@code (1 - e) nll + e / C * sum_c(-w_c log q_c)}, each part reduced (and normalized) alike. */
    @Test
    void labelSmoothingMixesInTheUniformDistribution() {
        double e = 0.1;
        int c = 3;
        Tensor t = tensor(new long[] {2, -100, 1});
        int[] tgt = {2, -1, 1};
        double[] nll = new double[3];
        double[] smooth = new double[3];
        double[] smoothW = new double[3];
        for (int i = 0; i < 3; i++) {
            if (tgt[i] < 0) continue;
            nll[i] = nll(LOGITS[i], tgt[i]);
            for (int k = 0; k < c; k++) {
                smooth[i] += nll(LOGITS[i], k);
                smoothW[i] += W[k] * nll(LOGITS[i], k);
            }
        }
        double[] none = {(1 - e) * nll[0] + e / c * smooth[0], 0, (1 - e) * nll[2] + e / c * smooth[2]};
        assertArrayEquals(none, Functional.crossEntropy(logits(), t, null, -100, Reduction.NONE, e).toDoubleArray(), EPS);
        assertEquals(none[0] + none[2], Functional.crossEntropy(logits(), t, null, -100, Reduction.SUM, e).item(), EPS);
        assertEquals((none[0] + none[2]) / 2, CrossEntropyLoss.builder().labelSmoothing(e).build()
                .forward(logits(), t).item(), EPS);
        // With class weights the mean divides both parts by the kept targets' weight, W[2] + W[1].
        double wSum = W[2] + W[1];
        double weightedMean = (1 - e) * (W[2] * nll[0] + W[1] * nll[2]) / wSum + e / c * (smoothW[0] + smoothW[2]) / wSum;
        assertEquals(weightedMean, Functional.crossEntropy(logits(), t, tensor(W), -100, Reduction.MEAN, e).item(), EPS);
        double[] weightedNone = {(1 - e) * W[2] * nll[0] + e / c * smoothW[0], 0,
            (1 - e) * W[1] * nll[2] + e / c * smoothW[2]};
        assertArrayEquals(weightedNone,
                Functional.crossEntropy(logits(), t, tensor(W), -100, Reduction.NONE, e).toDoubleArray(), EPS);
    }

    @Test
    void classProbabilitiesAsTarget() {
        double[][] p = {{0.1, 0.2, 0.7}, {1, 0, 0}, {0.25, 0.25, 0.5}};
        double[] none = new double[3];
        double[] weighted = new double[3];
        double[] smoothed = new double[3];
        double e = 0.3;
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                none[i] += p[i][k] * nll(LOGITS[i], k);
                weighted[i] += W[k] * p[i][k] * nll(LOGITS[i], k);
                smoothed[i] += (p[i][k] * (1 - e) + e / 3) * nll(LOGITS[i], k);
            }
        }
        Tensor target = tensor(p);
        assertArrayEquals(none, Functional.crossEntropy(logits(), target, null, -100, Reduction.NONE, 0)
                .toDoubleArray(), EPS);
        assertEquals((none[0] + none[1] + none[2]) / 3, new CrossEntropyLoss().forward(logits(), target).item(), EPS);
        assertEquals(none[0] + none[1] + none[2],
                Functional.crossEntropy(logits(), target, null, -100, Reduction.SUM, 0).item(), EPS);
        // With weights the mean still divides by N (PyTorch), not by the weights.
        assertEquals((weighted[0] + weighted[1] + weighted[2]) / 3,
                Functional.crossEntropy(logits(), target, tensor(W), -100, Reduction.MEAN, 0).item(), EPS);
        assertArrayEquals(smoothed, Functional.crossEntropy(logits(), target, null, -100, Reduction.NONE, e)
                .toDoubleArray(), EPS);
        assertThrows(IllegalArgumentException.class,
                () -> Functional.crossEntropy(logits(), target, null, 0, Reduction.MEAN, 0));
    }

    @Test
    void extraDimensionsAfterTheClassDim() {
        // [N=2, C=3, d=2]: position (n, j) uses the logits input[n, :, j].
        double[] data = {1, 2, 3, -1, 0, 4, 0.5, 0.5, -2, 1, 0, 3};
        Tensor input = tensor(data, 2, 3, 2);
        Tensor t = tensor(new long[] {0, 2, 1, -100}, 2, 2);
        double[] expected = new double[4];
        long[] tv = {0, 2, 1, -100};
        for (int n = 0; n < 2; n++) {
            for (int j = 0; j < 2; j++) {
                if (tv[n * 2 + j] < 0) continue;
                double[] row = new double[3];
                for (int c = 0; c < 3; c++) row[c] = data[n * 6 + c * 2 + j];
                expected[n * 2 + j] = nll(row, (int) tv[n * 2 + j]);
            }
        }
        Tensor none = Functional.crossEntropy(input, t, null, -100, Reduction.NONE, 0);
        assertArrayEquals(new int[] {2, 2}, none.shape());
        assertArrayEquals(expected, none.toDoubleArray(), EPS);
        assertEquals((expected[0] + expected[1] + expected[2]) / 3, Functional.crossEntropy(input, t).item(), EPS);
    }

    @Test
    void unbatchedInputWithAScalarTarget() {
        Tensor input = tensor(LOGITS[0]);
        assertEquals(nll(LOGITS[0], 1), Functional.crossEntropy(input, tensor(1L)).item(), EPS);
        Tensor none = Functional.crossEntropy(input, tensor(1L), null, -100, Reduction.NONE, 0);
        assertEquals(0, none.dim());
        double e = 0.2;
        double smooth = nll(LOGITS[0], 0) + nll(LOGITS[0], 1) + nll(LOGITS[0], 2);
        assertEquals((1 - e) * nll(LOGITS[0], 1) + e / 3 * smooth,
                Functional.crossEntropy(input, tensor(1L), null, -100, Reduction.MEAN, e).item(), EPS);
    }

    @Test
    void largeLogitsNeitherOverflowNorGiveNaN() {
        Tensor x = tensor(new float[] {1e4f, 0, -1e4f, -1e4f, 0, 1e4f}, 2, 3).requiresGrad(true);
        Tensor t = tensor(new long[] {0, 0});
        Tensor loss = Functional.crossEntropy(x, t, null, -100, Reduction.SUM, 0.1f);
        // Row 0 is right with certainty; row 1 is wrong by 2e4. Smoothing adds 0.1/3 of each row's sum of -log q.
        double expected = 0.9 * (0 + 2e4) + 0.1 / 3 * ((0 + 1e4 + 2e4) + (2e4 + 1e4 + 0));
        assertEquals(expected, loss.item(), 1e-2);
        loss.backward();
        for (double g : x.grad().toDoubleArray()) assertTrue(Double.isFinite(g), "gradient " + g);
        // The loss per row is lse(x) - 0.9 x[t] - (0.1/3) sum(x), so d/dx[k] = softmax[k] - 0.9 [k = t] - 0.1/3.
        double s = 0.1 / 3;
        assertArrayEquals(new double[] {1 - 0.9 - s, -s, -s, -0.9 - s, -s, 1 - s}, x.grad().toDoubleArray(), 1e-6);
    }

    @Test
    void errorsNameTheRule() {
        Tensor x = logits();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Functional.crossEntropy(x, tensor(new long[] {0, 3, 1})));
        assertTrue(e.getMessage().contains("out of bounds"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Functional.crossEntropy(x, tensor(new long[] {0, 1})));
        assertTrue(e.getMessage().contains("batch_size"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Functional.crossEntropy(x, tensor(new long[] {0, 1, 2}), tensor(new double[] {1, 2}), -100,
                        Reduction.MEAN, 0));
        assertTrue(e.getMessage().contains("weight"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CrossEntropyLoss.builder().labelSmoothing(1.5).build());
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Tensor t = tensor(new long[] {2, -100, 1});
        Tensor w = tensor(W);
        Tensor p = tensor(new double[][] {{0.1, 0.2, 0.7}, {1, 0, 0}, {0.25, 0.25, 0.5}});
        for (Reduction r : Reduction.values()) {
            Tensor x = logits().requiresGrad(true);
            LossGradCheck.check(in -> Functional.crossEntropy(in[0], t, w, -100, r, 0.15), x);
            LossGradCheck.check(in -> Functional.crossEntropy(in[0], t, null, -100, r, 0), x);
            LossGradCheck.check(in -> Functional.crossEntropy(in[0], in[1], w, -100, r, 0.2), x, p.requiresGrad(true));
        }
        Tensor x3 = tensor(new double[] {1, 2, 3, -1, 0, 4, 0.5, 0.5, -2, 1, 0, 3}, 2, 3, 2).requiresGrad(true);
        LossGradCheck.check(in -> Functional.crossEntropy(in[0], tensor(new long[] {0, 2, 1, -100}, 2, 2)), x3);
    }
}
