package dev.nabla.nn;

import dev.nabla.DType;
import dev.nabla.Nabla;
import dev.nabla.NoGrad;
import dev.nabla.Tensor;
import dev.nabla.autograd.GradCheck;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.nabla.nn.NnAsserts.assertClose;
import static dev.nabla.nn.NnAsserts.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** BatchNorm: batch statistics and the running update in training, running statistics in eval, and gradients. */
class BatchNormTest {
    private static final double EPS = 1e-5;

    // Channel 0 holds {1, 3, 2, 6}: mean 3, biased var 3.5, unbiased 14/3.
    // Channel 1 holds {2, 2, 4, 0}: mean 2, biased var 2, unbiased 8/3.
    private static Tensor batch() {
        return Nabla.tensor(new double[][] {{1, 2}, {3, 2}, {2, 4}, {6, 0}});
    }

    private static void set(Tensor target, double... values) {
        try (NoGrad g = NoGrad.enter()) {
            target.copy_(Nabla.tensor(values));
        }
    }

    @Test
    void trainingNormalizesWithTheBatchStatisticsAndBiasedVariance() {
        BatchNorm1d bn = new BatchNorm1d(2);
        bn.to(DType.FLOAT64);
        Tensor y = bn.forward(batch());
        double s0 = Math.sqrt(3.5 + EPS);
        double s1 = Math.sqrt(2 + EPS);
        assertClose(new double[] {-2 / s0, 0, 0, 0, -1 / s0, 2 / s1, 3 / s0, -2 / s1}, new int[] {4, 2}, y, 1e-12);
        set(bn.weight(), 2, -1);
        set(bn.bias(), 0.5, 1);
        Tensor z = bn.forward(batch());
        assertClose(new double[] {-4 / s0 + 0.5, 1, 0.5, 1, -2 / s0 + 0.5, -2 / s1 + 1, 6 / s0 + 0.5, 2 / s1 + 1},
                new int[] {4, 2}, z, 1e-12);
    }

    @Test
    void trainingMovesTheRunningStatisticsByMomentumTowardsTheUnbiasedOnes() {
        BatchNorm1d bn = new BatchNorm1d(2);
        bn.to(DType.FLOAT64);
        bn.forward(batch());
        assertClose(new double[] {0.1 * 3, 0.1 * 2}, new int[] {2}, bn.runningMean(), 1e-12);
        assertClose(new double[] {0.9 + 0.1 * 14 / 3.0, 0.9 + 0.1 * 8 / 3.0}, new int[] {2}, bn.runningVar(), 1e-12);
        assertEquals(1L, bn.numBatchesTracked().itemLong());
        // A second batch, all of channel 0 equal to 1 (var 0), channel 1 = {0, 4}: mean 2, unbiased var 8.
        bn.forward(Nabla.tensor(new double[][] {{1, 0}, {1, 4}}));
        assertClose(new double[] {0.9 * 0.3 + 0.1 * 1, 0.9 * 0.2 + 0.1 * 2}, new int[] {2}, bn.runningMean(), 1e-12);
        assertClose(new double[] {0.9 * (0.9 + 0.1 * 14 / 3.0), 0.9 * (0.9 + 0.1 * 8 / 3.0) + 0.1 * 8},
                new int[] {2}, bn.runningVar(), 1e-12);
        assertEquals(2L, bn.numBatchesTracked().itemLong());
    }

    @Test
    void nullMomentumKeepsACumulativeAverage() {
        BatchNorm1d bn = new BatchNorm1d(2, EPS, null, true, true);
        bn.to(DType.FLOAT64);
        bn.forward(batch());
        assertClose(new double[] {3, 2}, new int[] {2}, bn.runningMean(), 1e-12);
        assertClose(new double[] {14 / 3.0, 8 / 3.0}, new int[] {2}, bn.runningVar(), 1e-12);
        bn.forward(Nabla.tensor(new double[][] {{1, 0}, {1, 4}}));
        assertClose(new double[] {(3 + 1) / 2.0, (2 + 2) / 2.0}, new int[] {2}, bn.runningMean(), 1e-12);
        assertClose(new double[] {(14 / 3.0 + 0) / 2, (8 / 3.0 + 8) / 2}, new int[] {2}, bn.runningVar(), 1e-12);
    }

    @Test
    void evalUsesTheRunningStatisticsAndLeavesThemAlone() {
        BatchNorm1d bn = new BatchNorm1d(2);
        bn.to(DType.FLOAT64);
        set(bn.runningMean(), 1, -1);
        set(bn.runningVar(), 4, 0.25);
        set(bn.weight(), 3, 1);
        set(bn.bias(), 0, 10);
        bn.eval();
        Tensor y = bn.forward(batch());
        double s0 = Math.sqrt(4 + EPS);
        double s1 = Math.sqrt(0.25 + EPS);
        assertClose(new double[] {0, 10 + 3 / s1, 6 / s0, 10 + 3 / s1, 3 / s0, 10 + 5 / s1, 15 / s0, 10 + 1 / s1},
                new int[] {4, 2}, y, 1e-12);
        assertClose(new double[] {1, -1}, new int[] {2}, bn.runningMean(), 0);
        assertClose(new double[] {4, 0.25}, new int[] {2}, bn.runningVar(), 0);
        assertEquals(0L, bn.numBatchesTracked().itemLong());
        // A batch of one is fine in eval.
        assertEquals(1, bn.forward(Nabla.zeros(1, 2)).size(0));
    }

    @Test
    void withoutRunningStatisticsEvalStillUsesTheBatch() {
        BatchNorm1d bn = new BatchNorm1d(2, EPS, 0.1, false, false);
        assertNull(bn.runningMean());
        assertNull(bn.weight());
        assertEquals(List.of(), bn.parameters());
        assertEquals(List.of(), List.copyOf(bn.stateDict().keySet()));
        bn.to(DType.FLOAT64);
        bn.eval();
        Tensor y = bn.forward(batch());
        assertClose(new double[] {-2 / Math.sqrt(3.5 + EPS), 0}, new int[] {2}, y.select(0, 0), 1e-12);
    }

    @Test
    void batchNorm2dNormalizesEachChannelOverBatchAndSpace() {
        BatchNorm2d bn = new BatchNorm2d(3);
        Tensor x = Nabla.randn(4, 3, 5, 5).mul(3.0).add(2.0);
        Tensor y = bn.forward(x);
        int[] dims = {0, 2, 3};
        assertClose(new double[3], new int[] {3}, y.mean(dims, false), 1e-5);
        assertClose(new double[] {1, 1, 1}, new int[] {3}, y.var(dims, false, false), 1e-4);
        assertClose(x.mean(dims, false).mul(0.1), bn.runningMean(), 1e-5);
        assertClose(x.var(dims, true, false).mul(0.1).add(0.9), bn.runningVar(), 1e-4);
        assertEquals(List.of("weight", "bias", "running_mean", "running_var", "num_batches_tracked"),
                List.copyOf(bn.stateDict().keySet()));
    }

    @Test
    void inputsAreChecked() {
        BatchNorm1d bn1 = new BatchNorm1d(3);
        assertMessage(() -> bn1.forward(Nabla.zeros(2, 3, 4, 5)), "BatchNorm1d: expected 2D or 3D input (got 4D input)");
        assertMessage(() -> new BatchNorm2d(3).forward(Nabla.zeros(2, 3, 4)), "expected 4D input (got 3D input)");
        assertMessage(() -> bn1.forward(Nabla.zeros(1, 3)), "more than 1 value per channel");
        assertEquals(0L, bn1.numBatchesTracked().itemLong());
        assertMessage(() -> bn1.forward(Nabla.zeros(2, 4)), "4 elements", "[3]");
        assertMessage(() -> Functional.batchNorm(Nabla.zeros(2, 3), null, null, null, null, false, 0.1, EPS),
                "evaluation mode");
        // [N, C, L]: statistics per channel over N and L.
        Tensor y = bn1.forward(Nabla.randn(2, 3, 4));
        assertClose(new double[3], new int[] {3}, y.mean(new int[] {0, 2}, false), 1e-5);
    }

    @Test
    void gradcheckInTraining() {
        Tensor x = Nabla.randn(4, 3).to(DType.FLOAT64).requiresGrad(true);
        Tensor w = Nabla.randn(3).to(DType.FLOAT64).requiresGrad(true);
        Tensor b = Nabla.randn(3).to(DType.FLOAT64).requiresGrad(true);
        GradCheck.check(in -> Functional.batchNorm(in[0], null, null, in[1], in[2], true, 0.1, EPS), x, w, b);
        BatchNorm2d bn = new BatchNorm2d(2);
        bn.to(DType.FLOAT64);
        Tensor img = Nabla.randn(2, 2, 2, 2).to(DType.FLOAT64).requiresGrad(true);
        GradCheck.check(in -> bn.forward(in[0]), img);
    }

    @Test
    void gradcheckInEval() {
        Tensor x = Nabla.randn(3, 2, 2).to(DType.FLOAT64).requiresGrad(true);
        Tensor w = Nabla.randn(2).to(DType.FLOAT64).requiresGrad(true);
        Tensor b = Nabla.randn(2).to(DType.FLOAT64).requiresGrad(true);
        Tensor mean = Nabla.tensor(new double[] {0.5, -1});
        Tensor var = Nabla.tensor(new double[] {2, 0.5});
        GradCheck.check(in -> Functional.batchNorm(in[0], mean, var, in[1], in[2], false, 0.1, EPS), x, w, b);
    }
}
