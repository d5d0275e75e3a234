package dev.nabla.conformance;

import dev.nabla.DType;
import dev.nabla.Tensor;
import dev.nabla.ValuesIndices;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import static dev.nabla.Nabla.cat;
import static dev.nabla.Nabla.stack;
import static dev.nabla.Nabla.tensor;
import static dev.nabla.Nabla.zeros;
import static dev.nabla.conformance.ValueAsserts.assertMessage;
import static dev.nabla.conformance.ViewContract.iota;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** flip, repeat, sort/argsort, topk, cat and stack: hand-checked results, a stable-sort reference, and errors. */
public abstract class SortJoinContract extends DeviceTestBase {
    private static final double NAN = Double.NaN;

    @Test
    void flipReversesSeveralDims() {
        Tensor x = iota(2, 3);
        assertExact(x.flip(0), shape(2, 3), 3, 4, 5, 0, 1, 2);
        assertExact(x.flip(-1), shape(2, 3), 2, 1, 0, 5, 4, 3);
        assertExact(x.flip(0, 1), shape(2, 3), 5, 4, 3, 2, 1, 0);
        assertExact(x.flip(), shape(2, 3), 0, 1, 2, 3, 4, 5);
        assertFalse(x.flip(0).sharesStorageWith(x));
        assertExact(x.t().flip(1), shape(3, 2), 3, 0, 4, 1, 5, 2);
        assertExact(iota(2, 2, 2).flip(0, 2), shape(2, 2, 2), 5, 4, 7, 6, 1, 0, 3, 2);
        assertExact(iota(6).slice(0, 1, 6, 2).flip(0), shape(3), 5, 3, 1);
        assertExact(zeros(0, 2).flip(0), shape(0, 2));
        assertExact(tensor(3.0).flip(0), shape(), 3);
        assertMessage(() -> x.flip(0, -2), "flip", "0");
        assertMessage(() -> x.flip(2), "flip", "2");
    }

    @Test
    void repeatTilesAndAddsLeadingDims() {
        Tensor v = tensor(new double[] {1, 2, 3});
        assertExact(v.repeat(2), shape(6), 1, 2, 3, 1, 2, 3);
        assertExact(v.repeat(2, 2), shape(2, 6), 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3);
        Tensor m = iota(2, 2);
        assertExact(m.repeat(1, 2), shape(2, 4), 0, 1, 0, 1, 2, 3, 2, 3);
        assertExact(m.repeat(2, 1), shape(4, 2), 0, 1, 2, 3, 0, 1, 2, 3);
        Tensor lead = m.repeat(3, 1, 2);
        assertExact(lead.select(0, 2), shape(2, 4), 0, 1, 0, 1, 2, 3, 2, 3);
        assertEquals(3, lead.size(0));
        assertExact(m.t().repeat(1, 2), shape(2, 4), 0, 2, 0, 2, 1, 3, 1, 3);
        assertExact(m.repeat(0, 2), shape(0, 4));
        assertExact(tensor(5.0).repeat(2, 1), shape(2, 1), 5, 5);
        assertEquals(DType.INT64, tensor(new long[] {1}).repeat(2).dtype());
        assertMessage(() -> m.repeat(2), "repeat", "(1)", "(2)");
    }

    @Test
    void sortIsStableInBothDirections() {
        Tensor x = tensor(new double[] {3, 1, 2, 1, 3, -0.0, 0});
        ValuesIndices up = x.sort(0, false);
        assertExact(up.values(), shape(7), 0, 0, 1, 1, 2, 3, 3);
        assertExact(up.indices(), shape(7), 5, 6, 1, 3, 2, 0, 4);
        assertEquals(DType.INT64, up.indices().dtype());
        ValuesIndices down = x.sort(0, true);
        assertExact(down.values(), shape(7), 3, 3, 2, 1, 1, 0, 0);
        assertExact(down.indices(), shape(7), 0, 4, 2, 1, 3, 5, 6);
        assertExact(x.argsort(-1, true), shape(7), 0, 4, 2, 1, 3, 5, 6);
        assertExact(x.sort().indices(), shape(7), 5, 6, 1, 3, 2, 0, 4);
    }

    @Test
    void nanSortsLastAscendingAndFirstDescending() {
        Tensor x = tensor(new double[] {2, NAN, 1, NAN, -1});
        ValuesIndices up = x.sort(0, false);
        assertExact(up.values(), shape(5), -1, 1, 2, NAN, NAN);
        assertExact(up.indices(), shape(5), 4, 2, 0, 1, 3);
        ValuesIndices down = x.sort(0, true);
        assertExact(down.values(), shape(5), NAN, NAN, 2, 1, -1);
        assertExact(down.indices(), shape(5), 1, 3, 0, 2, 4);
        Tensor f = tensor(new float[] {Float.NaN, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY});
        assertExact(f.argsort(0, false), shape(3), 1, 2, 0);
    }

    @Test
    void sortLongLinesAlongEitherDimMatchesAStableReference() {
        double[] data = Ref.integers(51, 3 * 200, -20, 20);
        Tensor x = tensor(data, 3, 200);
        for (boolean desc : new boolean[] {false, true}) {
            ValuesIndices r = x.sort(1, desc);
            double[] values = new double[data.length];
            double[] indices = new double[data.length];
            for (int row = 0; row < 3; row++) {
                int base = row * 200;
                Comparator<Integer> byValue = Comparator.comparingDouble(i -> data[base + i]);
                Integer[] order = IntStream.range(0, 200).boxed().toArray(Integer[]::new);
                Arrays.sort(order, desc ? byValue.reversed() : byValue);
                for (int i = 0; i < 200; i++) {
                    values[base + i] = data[base + order[i]];
                    indices[base + i] = order[i];
                }
            }
            assertExact(r.values(), shape(3, 200), values);
            assertExact(r.indices(), shape(3, 200), indices);
            assertExact(x.t().argsort(0, desc).t(), shape(3, 200), indices);
        }
    }

    @Test
    void sortAlongDimZeroAndOfIntegers() {
        Tensor x = tensor(new double[] {3, 0, 1, 2, 1, 5}, 3, 2);
        ValuesIndices r = x.sort(0, false);
        assertExact(r.values(), shape(3, 2), 1, 0, 1, 2, 3, 5);
        assertExact(r.indices(), shape(3, 2), 1, 0, 2, 1, 0, 2);
        long big = 1L << 60;
        Tensor l = tensor(new long[] {big + 1, big, big + 2});
        assertExact(l.argsort(0, false), shape(3), 1, 0, 2);
        ValuesIndices i = tensor(new int[] {4, -2, 9}).sort(0, true);
        assertEquals(DType.INT32, i.values().dtype());
        assertExact(i.values(), shape(3), 9, 4, -2);
        assertExact(tensor(4.0).sort(0, false).values(), shape(), 4);
        assertExact(tensor(4.0).argsort(0, true), shape(), 0);
        assertExact(zeros(2, 0).sort(1, false).values(), shape(2, 0));
        ValuesIndices mid = iota(2, 3, 2).flip(1).sort(1, false);
        assertExact(mid.values(), shape(2, 3, 2), ViewContract.iotaValues(12));
        assertExact(mid.indices(), shape(2, 3, 2), 2, 2, 1, 1, 0, 0, 2, 2, 1, 1, 0, 0);
        assertMessage(() -> x.sort(2, false), "sort: dim 2");
        assertMessage(() -> x.argsort(-3, true), "argsort: dim -3");
        assertMessage(() -> x.topk(1, 2, true), "topk: dim 2");
    }

    @Test
    void topkPicksLargestOrSmallestInOrder() {
        Tensor x = tensor(new double[] {1, 5, 3, 4, 2});
        ValuesIndices top = x.topk(2);
        assertExact(top.values(), shape(2), 5, 4);
        assertExact(top.indices(), shape(2), 1, 3);
        ValuesIndices low = x.topk(3, 0, false);
        assertExact(low.values(), shape(3), 1, 2, 3);
        assertExact(low.indices(), shape(3), 0, 4, 2);
        Tensor m = tensor(new double[] {1, 9, 7, 8, 3, 2}, 2, 3);
        assertExact(m.topk(1, 0, true).values(), shape(1, 3), 8, 9, 7);
        assertExact(m.topk(2, -1, true).indices(), shape(2, 2), 1, 2, 0, 1);
        assertExact(m.t().topk(1, 1, false).values(), shape(3, 1), 1, 3, 2);
        assertExact(x.topk(0).values(), shape(0));
        assertExact(x.topk(5, 0, true).values(), shape(5), 5, 4, 3, 2, 1);
        assertExact(tensor(new double[] {1, NAN, 3}).topk(1).values(), shape(1), NAN);
        assertMessage(() -> x.topk(6), "topk", "6", "size 5");
        assertMessage(() -> x.topk(-1), "topk", "-1");
    }

    @Test
    void catPromotesDtypesAndJoinsViews() {
        Tensor a = iota(2, 2);
        Tensor c = cat(List.of(a, tensor(new int[] {7, 8}, 1, 2)), 0);
        assertEquals(DType.FLOAT64, c.dtype());
        assertExact(c, shape(3, 2), 0, 1, 2, 3, 7, 8);
        Tensor ints = cat(tensor(new int[] {1}), tensor(new long[] {2}), tensor(new boolean[] {true}));
        assertEquals(DType.INT64, ints.dtype());
        assertExact(ints, shape(3), 1, 2, 1);
        assertEquals(DType.FLOAT32, cat(tensor(new float[] {1}), tensor(new long[] {2})).dtype());
        assertExact(cat(List.of(a, a.t()), 1), shape(2, 4), 0, 1, 0, 2, 2, 3, 1, 3);
        assertExact(cat(List.of(a.slice(1, 1, 2), tensor(new double[] {9}, 1, 1).expand(2, 2)), -1),
                shape(2, 3), 1, 9, 9, 3, 9, 9);
        assertExact(cat(List.of(a, zeros(DType.FLOAT64, 0, 2), a), 0), shape(4, 2), 0, 1, 2, 3, 0, 1, 2, 3);
        assertFalse(cat(a).sharesStorageWith(a));
    }

    @Test
    void catSkipsLegacyEmptyVectors() {
        Tensor a = iota(2, 3);
        assertExact(cat(List.of(zeros(DType.FLOAT64, 0), a, zeros(DType.FLOAT64, 0)), 0), shape(2, 3), 0, 1, 2, 3, 4, 5);
        assertExact(cat(List.of(a, zeros(DType.FLOAT64, 0)), 1), shape(2, 3), 0, 1, 2, 3, 4, 5);
        assertExact(cat(zeros(0), tensor(new float[] {1, 2})), shape(2), 1, 2);
    }

    @Test
    void catErrorsNameTheMismatch() {
        Tensor a = iota(2, 3);
        assertMessage(() -> cat(List.of(a, iota(2, 4)), 0), "cat",
                "Expected size 3 but got size 4 for tensor number 1", "dimension 0");
        assertMessage(() -> cat(List.of(a, iota(3)), 0), "cat", "2", "1");
        assertMessage(() -> cat(tensor(1.0), tensor(2.0)), "cat", "zero-dimensional");
        assertMessage(() -> cat(List.of(), 0), "cat", "non-empty");
        assertMessage(() -> cat(List.of(a, a), 2), "cat", "2");
    }

    @Test
    void stackAddsADim() {
        Tensor a = tensor(new double[] {1, 2});
        Tensor b = tensor(new double[] {3, 4});
        assertExact(stack(a, b), shape(2, 2), 1, 2, 3, 4);
        assertExact(stack(List.of(a, b), 1), shape(2, 2), 1, 3, 2, 4);
        assertExact(stack(List.of(a, b, a), -1), shape(2, 3), 1, 3, 1, 2, 4, 2);
        assertExact(stack(tensor(1.0), tensor(2.0)), shape(2), 1, 2);
        Tensor m = iota(2, 3);
        assertExact(stack(List.of(m, m.flip(1)), 1).select(1, 1), shape(2, 3), 2, 1, 0, 5, 4, 3);
        assertExact(stack(List.of(m.t(), m.t()), 2).select(2, 0), shape(3, 2), 0, 3, 1, 4, 2, 5);
        assertMessage(() -> stack(a, tensor(new double[] {1, 2, 3})), "stack", "[2]", "[3]", "entry 1");
        assertMessage(() -> stack(List.of(a, b), 2), "stack", "2");
        assertMessage(() -> stack(List.of(), 0), "stack", "non-empty");
    }
}
