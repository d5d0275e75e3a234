package dev.nabla.nn;

import dev.nabla.DType;
import dev.nabla.Nabla;
import dev.nabla.NoGrad;
import dev.nabla.Tensor;
import dev.nabla.autograd.GradCheck;
import org.junit.jupiter.api.Test;

import static dev.nabla.nn.NnAsserts.assertClose;
import static dev.nabla.nn.NnAsserts.assertMessage;
import static dev.nabla.nn.NnAsserts.mean;
import static dev.nabla.nn.NnAsserts.std;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Embedding lookups and their padding row, one-hot encoding, and constant padding. */
class EmbeddingOneHotPadTest {

    private static Tensor table() {
        return Nabla.tensor(new double[][] {{0, 1}, {10, 11}, {20, 21}, {30, 31}});
    }

    @Test
    void embeddingReturnsTheIndexedRows() {
        Tensor idx = Nabla.tensor(new long[] {1, 0, 3, 1}, 2, 2);
        assertClose(new double[] {10, 11, 0, 1, 30, 31, 10, 11}, new int[] {2, 2, 2},
                Functional.embedding(idx, table()), 0);
        assertClose(new double[] {20, 21}, new int[] {2}, Functional.embedding(Nabla.tensor(2L), table()), 0);
        Tensor int32 = Nabla.tensor(new int[] {3});
        assertClose(new double[] {30, 31}, new int[] {1, 2}, Functional.embedding(int32, table()), 0);
        assertMessage(() -> Functional.embedding(Nabla.tensor(new long[] {4}), table()), "embedding", "index 4",
                "4 embeddings");
        assertMessage(() -> Functional.embedding(Nabla.tensor(new long[] {-1}), table()), "index -1");
        assertMessage(() -> Functional.embedding(Nabla.tensor(new double[] {1}), table()), "integer");
    }

    @Test
    void embeddingModuleStartsStandardNormal() {
        Embedding e = new Embedding(1000, 20);
        double[] w = e.weight().toDoubleArray();
        assertEquals(0, mean(w), 0.01);
        assertEquals(1, std(w), 0.02);
        Tensor idx = Nabla.tensor(new long[] {7, 999});
        assertClose(e.weight().select(0, 999), e.forward(idx).select(0, 1), 0);
    }

    @Test
    void seededEmbeddingMatchesPyTorch() {
        // torch.manual_seed(0); nn.Embedding(2, 3, padding_idx=1).weight: torch.randn(2, 3) with row 1 zeroed.
        Nabla.manualSeed(0);
        Embedding e = new Embedding(2, 3, 1);
        assertClose(new double[] {1.5410, -0.2934, -2.1788, 0, 0, 0}, new int[] {2, 3}, e.weight(), 1e-4);
    }

    @Test
    void thePaddingRowStartsAtZeroAndGetsNoGradient() {
        Embedding e = new Embedding(5, 3, -1);
        assertEquals(4, e.paddingIdx());
        assertClose(new double[3], new int[] {3}, e.weight().select(0, 4), 0);
        try (NoGrad g = NoGrad.enter()) {
            e.weight().select(0, 4).fill_(7.0);
        }
        Tensor idx = Nabla.tensor(new long[] {4, 1, 1, 4, 0}, 5);
        Tensor out = e.forward(idx);
        assertClose(new double[] {7, 7, 7}, new int[] {3}, out.select(0, 0), 0);
        out.sum().backward();
        // Row i of the gradient counts how often i was looked up; the padding row stays zero.
        assertClose(new double[] {1, 1, 1, 2, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0}, new int[] {5, 3}, e.weight().grad(), 0);
        assertMessage(() -> new Embedding(5, 3, 5), "padding_idx must be within num_embeddings");
    }

    @Test
    void embeddingGradcheck() {
        Tensor w = Nabla.randn(4, 3).to(DType.FLOAT64).requiresGrad(true);
        Tensor idx = Nabla.tensor(new long[] {0, 2, 2, 3, 3, 0}, 2, 3);
        GradCheck.check(in -> Functional.embedding(idx, in[0]), w);
        // The padding row's gradient is zeroed on purpose (tested above), so here row 1 pads and is never looked up.
        GradCheck.check(in -> Functional.embedding(idx, in[0], 1), w);
    }

    @Test
    void oneHotEncodesEachIndexAsAnInt64Row() {
        Tensor oh = Functional.oneHot(Nabla.tensor(new long[] {0, 2, 1}), 4);
        assertEquals(DType.INT64, oh.dtype());
        assertClose(new double[] {1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0}, new int[] {3, 4}, oh, 0);
        Tensor inferred = Functional.oneHot(Nabla.tensor(new long[] {1, 0, 2, 2}, 2, 2));
        assertClose(new double[] {0, 1, 0, 1, 0, 0, 0, 0, 1, 0, 0, 1}, new int[] {2, 2, 3}, inferred, 0);
        assertClose(new double[0], new int[] {0, 3}, Functional.oneHot(Nabla.zeros(DType.INT64, 0), 3), 0);
        assertMessage(() -> Functional.oneHot(Nabla.tensor(new long[] {3}), 3), "smaller than num_classes");
        assertMessage(() -> Functional.oneHot(Nabla.tensor(new long[] {-1}), 3), "non-negative");
        assertMessage(() -> Functional.oneHot(Nabla.tensor(new int[] {1}), 3), "int64");
        assertMessage(() -> Functional.oneHot(Nabla.zeros(DType.INT64, 0)), "empty");
    }

    @Test
    void padAddsPairsFromTheLastDimBackwards() {
        Tensor x = Nabla.tensor(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertClose(new double[] {0, 1, 2, 3, 0, 0, 0, 4, 5, 6, 0, 0}, new int[] {2, 6},
                Functional.pad(x, new int[] {1, 2}), 0);
        assertClose(new double[] {1, 2, 3, -1, 4, 5, 6, -1, -1, -1, -1, -1, -1, -1, -1, -1}, new int[] {4, 4},
                Functional.pad(x, new int[] {0, 1, 0, 2}, -1), 0);
        assertClose(new double[] {-1, -1, -1, 1, 2, 3, 4, 5, 6}, new int[] {3, 3},
                Functional.pad(x, new int[] {0, 0, 1, 0}, -1), 0);
    }

    @Test
    void negativePaddingCrops() {
        Tensor x = Nabla.tensor(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertClose(new double[] {2, 3, 9, 5, 6, 9}, new int[] {2, 3}, Functional.pad(x, new int[] {-1, 1}, 9), 0);
        assertClose(new double[] {2}, new int[] {1, 1}, Functional.pad(x, new int[] {-1, -1, 0, -1}), 0);
        Tensor same = Functional.pad(x, new int[] {0, 0});
        assertClose(x, same, 0);
        assertFalse(same.sharesStorageWith(x));
        assertMessage(() -> Functional.pad(x, new int[] {1}), "divisible by 2");
        assertMessage(() -> Functional.pad(x, new int[] {1, 1, 1, 1, 1, 1}), "padding length 6",
                "input of dimension 2");
        assertMessage(() -> Functional.pad(x, new int[] {-2, -2}), "negative output size", "dimension 1");
    }

    @Test
    void padGradcheck() {
        Tensor x = Nabla.randn(2, 3, 4).to(DType.FLOAT64).requiresGrad(true);
        GradCheck.check(in -> Functional.pad(in[0], new int[] {1, -1, 2, 0}, 0.5), x);
    }
}
