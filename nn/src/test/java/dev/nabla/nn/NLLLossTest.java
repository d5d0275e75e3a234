package dev.nabla.nn;

import dev.nabla.DType;
import dev.nabla.Tensor;
import org.junit.jupiter.api.Test;

import static dev.nabla.Nabla.tensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** NLLLoss picks {@code -input[n, t[n]]}; the values here are read straight off the input. */
class NLLLossTest {
    private static final Tensor LOGP = tensor(new double[][] {{-0.5, -1.5, -2.5}, {-3, -0.25, -4}, {-1, -2, -0.75}});

    @Test
    void picksTheTargetEntryForEveryReduction() {
        Tensor t = tensor(new long[] {0, 1, 2});
        assertArrayEquals(new double[] {0.5, 0.25, 0.75},
                NLLLoss.builder().reduction(Reduction.NONE).build().forward(LOGP, t).toDoubleArray());
        assertEquals(1.5, NLLLoss.builder().reduction(Reduction.SUM).build().forward(LOGP, t).item());
        assertEquals(0.5, new NLLLoss().forward(LOGP, t).item());
        assertEquals(0.5, Functional.nllLoss(LOGP, t).item());
    }

    @Test
    void weightsAndIgnoredTargets() {
        Tensor t = tensor(new long[] {0, 7, 2});
        Tensor w = tensor(new double[] {2, 10, 4});
        NLLLoss loss = NLLLoss.builder().weight(w).ignoreIndex(7).build();
        // (2 * 0.5 + 4 * 0.75) / (2 + 4)
        assertEquals(4.0 / 6, loss.forward(LOGP, t).item(), 1e-15);
        assertArrayEquals(new double[] {1.0, 0, 3.0},
                Functional.nllLoss(LOGP, t, w, 7, Reduction.NONE).toDoubleArray());
        assertEquals(4.0, Functional.nllLoss(LOGP, t, w, 7, Reduction.SUM).item());
        assertArrayEquals(new double[] {2, 10, 4}, loss.stateDict().get("weight").toDoubleArray());
    }

    @Test
    void int32TargetsAreAcceptedAndFloatTargetsAreNot() {
        assertEquals(0.5, Functional.nllLoss(LOGP, tensor(new int[] {0, 1, 2})).item());
        assertThrows(IllegalArgumentException.class, () -> Functional.nllLoss(LOGP, tensor(new double[] {0, 1, 2})));
        assertThrows(IllegalArgumentException.class, () -> Functional.nllLoss(LOGP, tensor(new long[] {0, -1, 2})));
    }

    @Test
    void extraDimsAndUnbatchedInput() {
        Tensor x = LOGP.reshape(1, 3, 3);
        Tensor t = tensor(new long[] {0, 1, 2}, 1, 3);
        // position j picks x[0, t[j], j]: -(-0.5), -(-0.25), -(-0.75)
        assertArrayEquals(new double[] {0.5, 0.25, 0.75},
                Functional.nllLoss(x, t, null, -100, Reduction.NONE).toDoubleArray());
        assertEquals(1.5, Functional.nllLoss(LOGP.select(0, 0), tensor(1L)).item());
        assertThrows(IllegalArgumentException.class, () -> Functional.nllLoss(x, tensor(new long[] {0, 1}, 1, 2)));
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Tensor t = tensor(new long[] {0, -100, 2});
        Tensor w = tensor(new double[] {2, 10, 4});
        for (Reduction r : Reduction.values()) {
            LossGradCheck.check(in -> Functional.nllLoss(in[0], t, w, -100, r), LOGP.clone().requiresGrad(true));
        }
        assertEquals(DType.FLOAT64, LOGP.dtype());
    }
}
