package dev.nabla.conformance;

import dev.nabla.DType;
import dev.nabla.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.nabla.Nabla.ones;
import static dev.nabla.Nabla.tensor;
import static dev.nabla.Nabla.zeros;
import static dev.nabla.conformance.ValueAsserts.assertMessage;
import static dev.nabla.conformance.ViewContract.iota;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** indexSelect, gather, scatter and scatterAdd: PyTorch's documented examples, loops, views, and the error checks. */
public abstract class IndexingContract extends DeviceTestBase {

    @Test
    void indexSelectWithInt32AndInt64Indices() {
        Tensor x = iota(3, 4);
        assertExact(x.indexSelect(0, tensor(new long[] {2, 0, 2})), shape(3, 4), 8, 9, 10, 11, 0, 1, 2, 3, 8, 9, 10, 11);
        assertExact(x.indexSelect(1, tensor(new int[] {3, 1})), shape(3, 2), 3, 1, 7, 5, 11, 9);
        assertExact(x.indexSelect(-1, tensor(new int[0])), shape(3, 0));
        assertExact(x.indexSelect(0, tensor(1L)), shape(1, 4), 4, 5, 6, 7);
        assertExact(x.t().indexSelect(1, tensor(new long[] {1, 1})), shape(4, 2), 4, 4, 5, 5, 6, 6, 7, 7);
        assertExact(x.indexSelect(1, tensor(new long[] {0, 1, 2, 3}).slice(0, 0, 4, 3)), shape(3, 2), 0, 3, 4, 7, 8, 11);
        Tensor ints = tensor(new int[] {5, 6, 7});
        assertEquals(DType.INT32, ints.indexSelect(0, tensor(new long[] {2})).dtype());
        assertExact(tensor(new boolean[] {true, false}).indexSelect(0, tensor(new long[] {1, 0})), shape(2), 0, 1);
    }

    @Test
    void indexSelectErrors() {
        Tensor x = iota(3, 4);
        assertMessage(() -> x.indexSelect(0, tensor(new long[] {0, 3})), "indexSelect", "3", "size 3");
        assertMessage(() -> x.indexSelect(1, tensor(new int[] {-1})), "indexSelect", "-1");
        assertMessage(() -> x.indexSelect(0, tensor(new double[] {0})), "indexSelect", "float64");
        assertMessage(() -> x.indexSelect(0, tensor(new long[] {0, 1}, 1, 2)), "indexSelect", "[1, 2]");
        assertMessage(() -> x.indexSelect(2, tensor(new long[] {0})), "indexSelect", "2");
    }

    @Test
    void gatherFollowsTheDocumentedExample() {
        Tensor t = tensor(new double[] {1, 2, 3, 4}, 2, 2);
        assertExact(t.gather(1, tensor(new long[] {0, 0, 1, 0}, 2, 2)), shape(2, 2), 1, 1, 4, 3);
        assertExact(t.gather(0, tensor(new int[] {1, 0, 0, 0, 1, 1}, 3, 2)), shape(3, 2), 3, 2, 1, 2, 3, 4);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, -1})
    void gatherWithASmallerIndexMatchesLoops(int dim) {
        int d = dim < 0 ? dim + 2 : dim;
        double[] x = Ref.values(41, 20);
        int[] ishape = d == 0 ? shape(6, 3) : shape(3, 7);
        double[] idx = Ref.integers(42, 18 + 3 * (d == 0 ? 0 : 1), 0, d == 0 ? 4 : 5);
        double[] expected = new double[Ref.numel(ishape)];
        for (int i = 0; i < ishape[0]; i++) {
            for (int j = 0; j < ishape[1]; j++) {
                int k = (int) idx[i * ishape[1] + j];
                expected[i * ishape[1] + j] = d == 0 ? x[k * 5 + j] : x[i * 5 + k];
            }
        }
        Tensor out = tensor(x, 4, 5).gather(dim, tensor(Ref.longs(idx), ishape));
        assertExact(out, ishape, expected);
    }

    @Test
    void gatherFromViews() {
        Tensor x = iota(3, 4);
        Tensor index = tensor(new long[] {2, 0, 1, 1}, 2, 2);
        assertExact(x.t().gather(1, index), shape(2, 2), 8, 0, 5, 5);
        assertExact(x.slice(1, 0, 4, 2).gather(0, index), shape(2, 2), 8, 2, 4, 6);
        assertExact(x.gather(0, index.t()), shape(2, 2), 8, 5, 0, 5);
        assertExact(tensor(new double[] {1, 2}, 2, 1).expand(2, 4).gather(1, index), shape(2, 2), 1, 1, 2, 2);
    }

    @Test
    void gatherErrors() {
        Tensor x = iota(3, 4);
        assertMessage(() -> x.gather(0, tensor(new long[] {0, 1})), "gather", "[2]", "[3, 4]");
        assertMessage(() -> x.gather(0, zeros(DType.INT64, 2, 5)), "gather", "dimension 1", "[2, 5]", "[3, 4]");
        assertMessage(() -> x.gather(1, tensor(new long[] {4}, 1, 1)), "gather", "4", "size 4");
        assertMessage(() -> x.gather(1, tensor(new long[] {-1}, 1, 1)), "gather", "-1");
        assertMessage(() -> x.gather(0, zeros(1, 1)), "gather", "float32");
    }

    @Test
    void scatterFollowsTheDocumentedExamples() {
        Tensor src = iota(2, 5).add(1.0);
        Tensor a = zeros(DType.FLOAT64, 3, 5).scatter(0, tensor(new long[] {0, 1, 2, 0}, 1, 4), src);
        assertExact(a, shape(3, 5), 1, 0, 0, 4, 0, 0, 2, 0, 0, 0, 0, 0, 3, 0, 0);
        Tensor b = zeros(DType.FLOAT64, 3, 5).scatter(1, tensor(new long[] {0, 1, 2, 0, 1, 4}, 2, 3), src);
        assertExact(b, shape(3, 5), 1, 2, 3, 0, 0, 6, 7, 0, 0, 8, 0, 0, 0, 0, 0);
        Tensor c = zeros(DType.FLOAT64, 2, 4).scatter(1, tensor(new long[] {2, 3}, 2, 1), 1.23);
        assertExact(c, shape(2, 4), 0, 0, 1.23, 0, 0, 0, 0, 1.23);
        Tensor i = zeros(DType.INT32, 2, 2).scatter(0, tensor(new long[] {1, 0}, 1, 2), 7.0);
        assertEquals(DType.INT32, i.dtype());
        assertExact(i, shape(2, 2), 0, 7, 7, 0);
        assertExact(tensor(1.0).scatter(0, tensor(0L), tensor(5.0)), shape(), 5);
        assertExact(tensor(1.0).scatter(0, tensor(0L), 4.0), shape(), 4);
        assertExact(tensor(1.0).scatterAdd(-1, tensor(0L), tensor(5.0)), shape(), 6);
        assertExact(tensor(2.0).gather(0, tensor(0L)), shape(), 2);
    }

    @Test
    void scatterAddAccumulatesDuplicates() {
        Tensor src = ones(DType.FLOAT64, 2, 5);
        Tensor one = zeros(DType.FLOAT64, 3, 5).scatterAdd(0, tensor(new long[] {0, 1, 2, 0, 0}, 1, 5), src);
        assertExact(one, shape(3, 5), 1, 0, 0, 1, 1, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0);
        Tensor two = zeros(DType.FLOAT64, 3, 5).scatterAdd(0,
                tensor(new long[] {0, 1, 2, 0, 0, 0, 1, 2, 2, 2}, 2, 5), src);
        assertExact(two, shape(3, 5), 2, 0, 0, 1, 1, 0, 2, 0, 0, 0, 0, 0, 2, 1, 1);
        Tensor rows = ones(DType.INT64, 2, 3).scatterAdd(1, tensor(new int[] {2, 2, 2, 0, 1, 0}, 2, 3),
                tensor(new long[] {1, 2, 3, 10, 20, 30}, 2, 3));
        assertExact(rows, shape(2, 3), 1, 1, 7, 41, 21, 1);
        Tensor self = tensor(new double[] {1, 2, 3});
        Tensor r = self.scatterAdd(0, tensor(new long[] {0, 0}), tensor(new double[] {5, 6}));
        assertExact(r, shape(3), 12, 2, 3);
        assertExact(self, shape(3), 1, 2, 3);
    }

    @Test
    void scatterInPlaceWritesThroughViewsAndBumpsTheVersion() {
        Tensor base = zeros(DType.FLOAT64, 3, 4);
        Tensor view = base.t();
        int v = base.version();
        view.scatter_(0, tensor(new long[] {3, 1}, 1, 2), tensor(new double[] {5, 6}, 1, 2));
        assertExact(base, shape(3, 4), 0, 0, 0, 5, 0, 6, 0, 0, 0, 0, 0, 0);
        assertEquals(v + 1, base.version());
        base.slice(1, 0, 4, 2).scatterAdd_(1, tensor(new long[] {1, 1}, 1, 2), tensor(new double[] {2, 3}, 1, 2));
        assertExact(base, shape(3, 4), 0, 0, 5, 5, 0, 6, 0, 0, 0, 0, 0, 0);
        Tensor src = iota(4, 4).t();
        Tensor out = zeros(DType.FLOAT64, 2, 4).scatter_(0, tensor(new long[] {1, 0, 1, 0}, 1, 4), src);
        assertExact(out, shape(2, 4), 0, 4, 0, 12, 0, 0, 8, 0);
    }

    @Test
    void scatterErrorsLeaveSelfUnchanged() {
        Tensor self = iota(2, 3);
        int version = self.version();
        assertMessage(() -> self.scatter_(1, tensor(new long[] {0, 3}, 1, 2), tensor(new double[] {9, 9}, 1, 2)),
                "scatter_", "3", "size 3");
        assertMessage(() -> self.scatterAdd_(0, tensor(new long[] {1, -1}, 1, 2), tensor(new double[] {9, 9}, 1, 2)),
                "scatterAdd_", "-1");
        assertMessage(() -> self.scatter_(0, tensor(new long[] {0, 1}), tensor(new double[] {9, 9})),
                "scatter_", "[2]", "[2, 3]");
        assertMessage(() -> self.scatter_(0, tensor(new long[] {0, 1}, 1, 2), tensor(new double[] {9, 9})),
                "scatter_", "[1, 2]", "[2]");
        assertMessage(() -> self.scatter_(0, zeros(DType.INT64, 1, 4), zeros(DType.FLOAT64, 1, 4)),
                "scatter_", "dimension 1", "[1, 4]", "[2, 3]");
        assertMessage(() -> self.scatter_(0, zeros(DType.INT64, 2, 2), zeros(DType.FLOAT64, 1, 2)),
                "scatter_", "[2, 2]", "[1, 2]");
        assertMessage(() -> self.scatter_(0, zeros(DType.INT64, 1, 2), zeros(DType.FLOAT32, 1, 2)),
                "scatter_", "float64", "float32");
        assertMessage(() -> self.scatter(0, zeros(1, 2), zeros(DType.FLOAT64, 1, 2)), "scatter", "float32");
        assertMessage(() -> self.scatter(2, zeros(DType.INT64, 1, 2), 1.0), "scatter", "2");
        assertMessage(() -> self.scatter_(1, zeros(DType.INT64, 1, 2), tensor(new double[] {1}).reshape()), "scatter_", "[1, 2]", "[1]");
        assertMessage(() -> self.scatter_(1, tensor(0L), tensor(new double[] {1})), "scatter_", "[1]", "[2, 3]");
        assertMessage(() -> self.expand(2, 2, 3).scatter_(0, zeros(DType.INT64, 1, 1, 1), zeros(DType.FLOAT64, 1, 1, 1)),
                "scatter_");
        assertExact(self, shape(2, 3), 0, 1, 2, 3, 4, 5);
        assertEquals(version, self.version());
        assertFalse(self.scatter(0, zeros(DType.INT64, 0, 3), 5.0).sharesStorageWith(self));
    }
}
