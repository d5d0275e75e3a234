package dev.nabla.conformance;

import dev.nabla.DType;
import dev.nabla.Tensor;
import dev.nabla.ValuesIndices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Stream;

import static dev.nabla.Nabla.tensor;
import static dev.nabla.Nabla.zeros;
import static dev.nabla.conformance.ValueAsserts.assertBools;
import static dev.nabla.conformance.ValueAsserts.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * sum, mean, prod, max/min, amax/amin, argmax/argmin, all/any and cumsum against loops in double: over all
 * elements, single, several and negative dims, with and without keepdim, on integer, bool, empty, NaN and
 * non-contiguous inputs.
 */
public abstract class ReductionContract extends DeviceTestBase {
    private static final int[] SHAPE = {3, 4, 5};
    private static final double[] DATA = Ref.values(11, 60);

    static Stream<Arguments> dimSets() {
        return Stream.of(new int[] {0}, new int[] {1}, new int[] {2}, new int[] {-1}, new int[] {-3},
                        new int[] {0, 2}, new int[] {-1, 0}, new int[] {1, 2}, new int[] {0, 1, 2})
                .flatMap(d -> Stream.of(Arguments.of(d, false), Arguments.of(d, true)));
    }

    @ParameterizedTest
    @MethodSource("dimSets")
    void float64ReductionsOverDimsMatchLoops(int[] dims, boolean keepdim) {
        Tensor x = tensor(DATA, SHAPE);
        int[] s = Ref.reducedShape(SHAPE, dims, keepdim);
        assertValues(x.sum(dims, keepdim), s, Ref.reduce(DATA, SHAPE, dims, Ref::sum), 1e-12);
        assertValues(x.mean(dims, keepdim), s, Ref.reduce(DATA, SHAPE, dims, Ref::mean), 1e-12);
        assertValues(x.amax(dims, keepdim), s, Ref.reduce(DATA, SHAPE, dims, Ref::max), 0);
        assertValues(x.amin(dims, keepdim), s, Ref.reduce(DATA, SHAPE, dims, Ref::min), 0);
        assertEquals(DType.FLOAT64, x.sum(dims, keepdim).dtype());
    }

    @ParameterizedTest
    @MethodSource("dimSets")
    void float32ReductionsOverDimsMatchLoops(int[] dims, boolean keepdim) {
        Tensor x = tensor(Ref.floats(DATA), SHAPE);
        int[] s = Ref.reducedShape(SHAPE, dims, keepdim);
        assertValues(x.sum(dims, keepdim), s, Ref.reduce(DATA, SHAPE, dims, Ref::sum), 1e-5);
        assertValues(x.mean(dims, keepdim), s, Ref.reduce(DATA, SHAPE, dims, Ref::mean), 1e-5);
        assertValues(x.amax(dims, keepdim), s, Ref.reduce(DATA, SHAPE, dims, Ref::max), 0);
        assertEquals(DType.FLOAT32, x.mean(dims, keepdim).dtype());
    }

    @ParameterizedTest
    @MethodSource("dimSets")
    void permutedInputsOverDimsMatchLoops(int[] dims, boolean keepdim) {
        Tensor x = tensor(DATA, 5, 3, 4).permute(1, 2, 0);
        double[] v = Ref.strided(DATA, SHAPE, shape(4, 1, 12), 0);
        int[] s = Ref.reducedShape(SHAPE, dims, keepdim);
        assertValues(x.sum(dims, keepdim), s, Ref.reduce(v, SHAPE, dims, Ref::sum), 1e-12);
        assertValues(x.amin(dims, keepdim), s, Ref.reduce(v, SHAPE, dims, Ref::min), 0);
        assertValues(x.prod(dims[0], keepdim), Ref.reducedShape(SHAPE, new int[] {dims[0]}, keepdim),
                Ref.reduce(v, SHAPE, new int[] {dims[0]}, Ref::prod), 1e-12);
        assertValues(x.argmax(dims[0], keepdim), Ref.reducedShape(SHAPE, new int[] {dims[0]}, keepdim),
                Ref.reduce(v, SHAPE, new int[] {dims[0]}, Ref::argmax), 0);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, -1, -2})
    void singleDimReductionsMatchLoops(int dim) {
        Tensor x = tensor(DATA, SHAPE);
        int[] dims = {dim};
        int[] s = Ref.reducedShape(SHAPE, dims, false);
        int[] kept = Ref.reducedShape(SHAPE, dims, true);
        assertValues(x.sum(dim), s, Ref.reduce(DATA, SHAPE, dims, Ref::sum), 1e-12);
        assertValues(x.prod(dim, true), kept, Ref.reduce(DATA, SHAPE, dims, Ref::prod), 1e-12);
        assertValues(x.argmax(dim, false), s, Ref.reduce(DATA, SHAPE, dims, Ref::argmax), 0);
        assertValues(x.argmin(dim, true), kept, Ref.reduce(DATA, SHAPE, dims, Ref::argmin), 0);
        ValuesIndices max = x.max(dim);
        assertValues(max.values(), s, Ref.reduce(DATA, SHAPE, dims, Ref::max), 0);
        assertValues(max.indices(), s, Ref.reduce(DATA, SHAPE, dims, Ref::argmax), 0);
        assertEquals(DType.INT64, max.indices().dtype());
        ValuesIndices min = x.min(dim, true);
        assertValues(min.values(), kept, Ref.reduce(DATA, SHAPE, dims, Ref::min), 0);
        assertValues(min.indices(), kept, Ref.reduce(DATA, SHAPE, dims, Ref::argmin), 0);
    }

    @Test
    void fullReductionsGiveZeroDimResults() {
        Tensor x = tensor(DATA, SHAPE);
        assertValues(x.sum(), shape(), new double[] {Ref.sum(DATA)}, 1e-12);
        assertValues(x.mean(), shape(), new double[] {Ref.mean(DATA)}, 1e-12);
        assertValues(x.prod(), shape(), new double[] {Ref.prod(DATA)}, 1e-12);
        assertExact(x.max(), shape(), Ref.max(DATA));
        assertExact(x.min(), shape(), Ref.min(DATA));
        assertExact(x.argmax(), shape(), Ref.argmax(DATA));
        assertExact(x.argmin(), shape(), Ref.argmin(DATA));
        assertExact(tensor(2.5).sum(), shape(), 2.5);
        assertExact(tensor(2.5).sum(0, true), shape(), 2.5);
        assertExact(tensor(2.5).argmax(0, false), shape(), 0);
    }

    @Test
    void handMathOnSmallTensors() {
        Tensor x = tensor(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertExact(x.sum(0), shape(3), 5, 7, 9);
        assertExact(x.sum(1, true), shape(2, 1), 6, 15);
        assertExact(x.mean(1), shape(2), 2, 5);
        assertExact(x.prod(), shape(), 720);
        assertExact(x.prod(0, false), shape(3), 4, 10, 18);
        assertExact(x.amax(new int[] {0}, false), shape(3), 4, 5, 6);
        assertExact(x.amin(new int[] {1}, true), shape(2, 1), 1, 4);
    }

    @Test
    void tiesGiveTheFirstIndex() {
        Tensor x = tensor(new double[] {1, 3, 3, 2, 2, 1, 0, 0, 0}, 3, 3);
        ValuesIndices max = x.max(1);
        assertExact(max.values(), shape(3), 3, 2, 0);
        assertExact(max.indices(), shape(3), 1, 0, 0);
        assertExact(x.min(1).indices(), shape(3), 0, 2, 0);
        assertExact(x.argmax(0, false), shape(3), 1, 0, 0);
        assertExact(x.argmin(0, false), shape(3), 2, 2, 2);
        assertExact(x.argmax(), shape(), 1);
        assertExact(x.argmin(), shape(), 6);
        Tensor ints = tensor(new long[] {5, 7, 7, 5});
        assertExact(ints.argmax(), shape(), 1);
        assertExact(ints.argmin(), shape(), 0);
        ValuesIndices m = ints.max(0);
        assertEquals(DType.INT64, m.values().dtype());
        assertExact(m.values(), shape(), 7);
        assertExact(m.indices(), shape(), 1);
    }

    @Test
    void nanIsTheExtremeForArgAndPropagatesThroughValues() {
        double nan = Double.NaN;
        Tensor x = tensor(new double[] {1, nan, 5, nan, 0, -1, 2, 3}, 2, 4);
        assertExact(x.argmax(), shape(), 1);
        assertExact(x.argmin(), shape(), 1);
        assertExact(x.argmax(1, false), shape(2), 1, 3);
        assertExact(x.argmin(1, false), shape(2), 1, 1);
        ValuesIndices max = x.max(1);
        assertExact(max.values(), shape(2), nan, 3);
        assertExact(max.indices(), shape(2), 1, 3);
        ValuesIndices min = x.min(0);
        assertExact(min.values(), shape(4), 0, nan, 2, nan);
        assertExact(min.indices(), shape(4), 1, 0, 1, 0);
        assertExact(x.max(), shape(), nan);
        assertExact(x.min(), shape(), nan);
        assertExact(x.amax(new int[] {1}, false), shape(2), nan, 3);
        assertExact(x.sum(1), shape(2), nan, 4);
        assertExact(x.mean(0), shape(4), 0.5, nan, 3.5, nan);
        assertExact(x.prod(1, false), shape(2), nan, 0);
        Tensor f = tensor(new float[] {2, 1, Float.NaN, 9});
        assertExact(f.argmax(), shape(), 2);
        assertExact(f.max(), shape(), nan);
        assertExact(f.sum(), shape(), nan);
        Tensor late = tensor(new double[] {3, 8, nan});
        assertExact(late.argmax(), shape(), 2);
        assertExact(late.argmin(), shape(), 2);
    }

    @Test
    void integerAndBoolSumsAndProductsAreInt64() {
        Tensor i = tensor(new int[] {1, -2, 3, 4, 5, 6}, 2, 3);
        assertEquals(DType.INT64, i.sum().dtype());
        assertExact(i.sum(), shape(), 17);
        assertExact(i.sum(0), shape(3), 5, 3, 9);
        assertEquals(DType.INT64, i.prod().dtype());
        assertExact(i.prod(), shape(), -720);
        Tensor b = tensor(new boolean[] {true, false, true, true, true, false}, 2, 3);
        assertEquals(DType.INT64, b.sum().dtype());
        assertExact(b.sum(), shape(), 4);
        assertExact(b.sum(1, true), shape(2, 1), 2, 2);
        assertEquals(DType.INT64, b.prod().dtype());
        assertExact(b.prod(0, false), shape(3), 1, 0, 0);
        long big = 1L << 60;
        Tensor l = tensor(new long[] {big, 3, big + 1});
        assertEquals(2 * big + 4, l.sum().itemLong());
        assertEquals(big + 1, l.max().itemLong());
        assertEquals(DType.INT64, l.max().dtype());
        assertEquals(2, l.argmax().itemLong());
    }

    @Test
    void maxAndMinKeepTheInputDtype() {
        Tensor i = tensor(new int[] {4, -9, 7});
        assertEquals(DType.INT32, i.max().dtype());
        assertExact(i.max(), shape(), 7);
        assertExact(i.min(), shape(), -9);
        assertEquals(DType.INT32, i.max(0).values().dtype());
        assertExact(i.min(0).indices(), shape(), 1);
        Tensor b = tensor(new boolean[] {false, true, false});
        assertEquals(DType.BOOL, b.max().dtype());
        assertTrue(b.max().itemBoolean());
        assertExact(b.argmax(), shape(), 1);
    }

    @Test
    void meanOfIntegersIsAnErrorNamingTheDtype() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> tensor(new int[] {1, 2}).mean());
        assertTrue(e.getMessage().contains("mean") && e.getMessage().contains("int32"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> tensor(new boolean[] {true}).mean(0));
    }

    @Test
    void emptyTensorsFollowTheIdentities() {
        Tensor empty = zeros(DType.FLOAT64, 0);
        assertExact(empty.sum(), shape(), 0);
        assertExact(empty.prod(), shape(), 1);
        assertExact(empty.mean(), shape(), Double.NaN);
        Tensor rows = zeros(0, 3);
        assertExact(rows.sum(0), shape(3), 0, 0, 0);
        assertExact(rows.sum(0, true), shape(1, 3), 0, 0, 0);
        assertExact(rows.sum(1), shape(0));
        assertExact(rows.mean(0), shape(3), Double.NaN, Double.NaN, Double.NaN);
        assertExact(rows.prod(0, false), shape(3), 1, 1, 1);
        assertExact(rows.amax(new int[] {1}, false), shape(0));
        ValuesIndices m = rows.max(1);
        assertExact(m.values(), shape(0));
        assertExact(m.indices(), shape(0));
        assertExact(rows.argmin(1, true), shape(0, 1));
        assertExact(tensor(new int[0]).sum(), shape(), 0);
        assertEquals(DType.INT64, tensor(new int[0]).sum().dtype());
    }

    @Test
    void extremesOfEmptyTensorsAreErrors() {
        Tensor rows = zeros(0, 3);
        assertMessage(() -> rows.max(), "max", "[0, 3]");
        assertMessage(() -> rows.min(), "min", "[0, 3]");
        assertMessage(() -> rows.max(0), "max", "[0, 3]");
        assertMessage(() -> rows.amax(new int[] {0}, false), "amax", "[0, 3]");
        assertMessage(() -> rows.amin(new int[] {0, 1}, true), "amin", "[0, 3]");
        assertMessage(() -> rows.argmax(), "argmax", "[0, 3]");
        assertMessage(() -> rows.argmin(0, false), "argmin", "[0, 3]");
    }

    @Test
    void badDimsAreErrorsNamingTheOp() {
        Tensor x = tensor(DATA, SHAPE);
        RuntimeException e = assertThrows(IndexOutOfBoundsException.class, () -> x.sum(3));
        assertTrue(e.getMessage().contains("sum") && e.getMessage().contains("3"), e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> x.argmax(-4, false));
        e = assertThrows(IllegalArgumentException.class, () -> x.sum(new int[] {0, -3}, false));
        assertTrue(e.getMessage().contains("sum"), e.getMessage());
    }

    @Test
    void transposedInputsMatchLoops() {
        double[] base = Ref.values(21, 20);
        Tensor x = tensor(base, 4, 5).t();
        double[] v = Ref.strided(base, shape(5, 4), shape(1, 5), 0);
        int[] s = {5, 4};
        assertValues(x.sum(0), shape(4), Ref.reduce(v, s, new int[] {0}, Ref::sum), 1e-12);
        assertValues(x.sum(1, true), shape(5, 1), Ref.reduce(v, s, new int[] {1}, Ref::sum), 1e-12);
        assertValues(x.sum(), shape(), new double[] {Ref.sum(v)}, 1e-12);
        assertValues(x.argmax(1, false), shape(5), Ref.reduce(v, s, new int[] {1}, Ref::argmax), 0);
        assertValues(x.min(0).indices(), shape(4), Ref.reduce(v, s, new int[] {0}, Ref::argmin), 0);
        assertExact(x.argmax(), shape(), Ref.argmax(v));
        assertValues(x.prod(1, false), shape(5), Ref.reduce(v, s, new int[] {1}, Ref::prod), 1e-12);
    }

    @Test
    void longNonContiguousReductionsMatchLoops() {
        double[] base = Ref.values(22, 100 * 90);
        Tensor x = tensor(base, 100, 90).t();
        double[] v = Ref.strided(base, shape(90, 100), shape(1, 90), 0);
        assertValues(x.sum(), shape(), new double[] {Ref.sum(v)}, 1e-12);
        assertExact(x.argmin(), shape(), Ref.argmin(v));
        assertExact(x.max(), shape(), Ref.max(v));
        int[] s = {90, 100};
        assertValues(x.sum(0), shape(100), Ref.reduce(v, s, new int[] {0}, Ref::sum), 1e-12);
        assertValues(x.argmax(0, false), shape(100), Ref.reduce(v, s, new int[] {0}, Ref::argmax), 0);
    }

    @Test
    void steppedSlicesMatchLoops() {
        double[] base = Ref.values(23, 48);
        Tensor x = tensor(base, 6, 8).slice(0, 1, 6, 2).slice(1, 1, 8, 3);
        double[] v = Ref.strided(base, shape(3, 3), shape(16, 3), 9);
        int[] s = {3, 3};
        assertValues(x.sum(0), shape(3), Ref.reduce(v, s, new int[] {0}, Ref::sum), 1e-12);
        assertValues(x.mean(1, true), shape(3, 1), Ref.reduce(v, s, new int[] {1}, Ref::mean), 1e-12);
        assertValues(x.amin(new int[] {0, 1}, false), shape(), new double[] {Ref.min(v)}, 0);
        assertValues(x.argmax(1, false), shape(3), Ref.reduce(v, s, new int[] {1}, Ref::argmax), 0);
        assertValues(x.max(0).values(), shape(3), Ref.reduce(v, s, new int[] {0}, Ref::max), 0);
    }

    @Test
    void sizeOneDimsReduceToTheirOnlyElement() {
        double[] v = Ref.values(24, 12);
        Tensor x = tensor(v, 3, 1, 4);
        assertExact(x.sum(1), shape(3, 4), v);
        assertExact(x.amax(new int[] {1}, true), shape(3, 1, 4), v);
        assertExact(x.argmax(1, false), shape(3, 4), new double[12]);
        assertValues(x.sum(new int[] {0, 1}, false), shape(4), Ref.reduce(v, shape(3, 1, 4), new int[] {0, 1}, Ref::sum), 1e-12);
        assertExact(x.cumsum(1), shape(3, 1, 4), v);
    }

    @Test
    void longReductionsKeepGlobalIndicesAcrossBlocksAndPieces() {
        int rows = 5000;
        double[] cols = new double[rows * 3];
        cols[4500 * 3 + 1] = 1;
        cols[4600 * 3 + 1] = 1;
        cols[10 * 3 + 2] = 5;
        cols[4700 * 3 + 2] = Double.NaN;
        cols[4800 * 3 + 2] = Double.NaN;
        cols[4999 * 3] = -1;
        Tensor c = tensor(cols, rows, 3);
        assertExact(c.argmax(0, false), shape(3), 0, 4500, 4700);
        assertExact(c.argmin(0, false), shape(3), 4999, 0, 4700);
        ValuesIndices m = c.max(0);
        assertExact(m.values(), shape(3), 0, 1, Double.NaN);
        assertExact(c.sum(0), shape(3), -1, 2, Double.NaN);
        int n = 200_000;
        double[] flat = new double[n];
        flat[70_000] = 2;
        flat[140_000] = 2;
        flat[150_000] = -3;
        flat[199_999] = -3;
        Tensor f = tensor(Ref.floats(flat));
        assertExact(f.argmax(), shape(), 70_000);
        assertExact(f.argmin(), shape(), 150_000);
        assertExact(f.sum(), shape(), -2);
        assertExact(tensor(flat, n / 2, 2).t().argmax(), shape(), 35_000);
        flat[100_000] = Double.NaN;
        flat[180_000] = Double.NaN;
        assertExact(tensor(flat).argmax(), shape(), 100_000);
        assertExact(tensor(flat).argmin(), shape(), 100_000);
        assertExact(tensor(flat).max(), shape(), Double.NaN);
    }

    @Test
    void float32SumsOfManyElementsStayAccurate() {
        int n = 1 << 20;
        float[] tenths = new float[n];
        java.util.Arrays.fill(tenths, 0.1f);
        double exact = (double) 0.1f * n;
        assertValues(tensor(tenths).sum(), shape(), new double[] {exact}, 1e-6);
        assertValues(tensor(tenths).mean(), shape(), new double[] {0.1f}, 1e-6);
        assertValues(tensor(tenths, 1024, 1024).sum(0), shape(1024), full(1024, 0.1f * 1024.0), 1e-6);
        assertValues(tensor(tenths, 1024, 1024).cumsum(1).select(1, 1023), shape(1024), full(1024, 0.1f * 1024.0), 1e-6);
    }

    private static double[] full(int n, double v) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, v);
        return out;
    }

    @Test
    void expandedInputsCountEveryRepeat() {
        Tensor row = tensor(new double[] {1, 2, 3, 4, 5}, 1, 5).expand(4, 5);
        assertExact(row.sum(), shape(), 60);
        assertExact(row.sum(0), shape(5), 4, 8, 12, 16, 20);
        assertExact(row.sum(1), shape(4), 15, 15, 15, 15);
        assertExact(row.prod(0, false), shape(5), 1, 16, 81, 256, 625);
        assertExact(row.argmax(0, false), shape(5), 0, 0, 0, 0, 0);
        assertExact(row.argmax(1, false), shape(4), 4, 4, 4, 4);
        Tensor col = tensor(new double[] {1, -1, 2}, 3, 1).expand(3, 6);
        assertExact(col.sum(1), shape(3), 6, -6, 12);
        assertExact(col.mean(0), shape(6), 2 / 3.0, 2 / 3.0, 2 / 3.0, 2 / 3.0, 2 / 3.0, 2 / 3.0);
        assertExact(col.amin(new int[] {0}, true), shape(1, 6), -1, -1, -1, -1, -1, -1);
        assertExact(tensor(7.0).expand(3, 2).sum(), shape(), 42);
    }

    @Test
    void allAndAnyTreatNonZeroAndNanAsTrueForEveryDtype() {
        Tensor f = tensor(new double[] {0, -0.0, Double.NaN, 0, 1, 2}, 2, 3);
        assertEquals(DType.BOOL, f.all().dtype());
        assertFalse(f.all().itemBoolean());
        assertTrue(f.any().itemBoolean());
        assertBools(f.any(1, false), shape(2), true, true);
        assertBools(f.all(1, false), shape(2), false, false);
        assertBools(f.all(0, false), shape(3), false, false, true);
        assertBools(f.any(0, true), shape(1, 3), false, true, true);
        assertBools(f.any(-1, true), shape(2, 1), true, true);
        Tensor g = tensor(new float[] {Float.NaN, -0.0f, 3});
        assertBools(g.ne(0.0).all(0, false), shape(), false);
        assertTrue(g.slice(0, 0, 3, 2).all().itemBoolean());
        assertFalse(g.slice(0, 1, 2).any().itemBoolean());
        Tensor i = tensor(new int[] {0, 5, -3, 7}, 2, 2);
        assertBools(i.all(1, false), shape(2), false, true);
        assertBools(i.t().any(1, false), shape(2), true, true);
        assertBools(tensor(new long[] {Long.MIN_VALUE, 1}).all(0, false), shape(), true);
        Tensor b = tensor(new boolean[] {true, false, true, true}, 2, 2);
        assertBools(b.all(0, false), shape(2), true, false);
        assertBools(b.t().all(0, false), shape(2), false, true);
        assertEquals(DType.BOOL, i.any().dtype());
    }

    @Test
    void allOfNothingIsTrueAndAnyIsFalse() {
        assertTrue(zeros(0).all().itemBoolean());
        assertFalse(zeros(0).any().itemBoolean());
        assertBools(zeros(0, 3).all(0, false), shape(3), true, true, true);
        assertBools(zeros(0, 3).any(0, true), shape(1, 3), false, false, false);
        assertBools(zeros(0, 3).any(1, false), shape(0));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, -1, -3})
    void cumsumMatchesRunningLoops(int dim) {
        int d = dim < 0 ? dim + 3 : dim;
        assertValues(tensor(DATA, SHAPE).cumsum(dim), SHAPE, Ref.cumsum(DATA, SHAPE, d), 1e-12);
        Tensor f = tensor(Ref.floats(DATA), SHAPE).cumsum(dim);
        assertEquals(DType.FLOAT32, f.dtype());
        assertValues(f, SHAPE, Ref.cumsum(DATA, SHAPE, d), 1e-5);
        double[] ints = Ref.integers(12, 60, -50, 50);
        Tensor i = tensor(Ref.longs(ints), SHAPE).to(DType.INT32).cumsum(dim);
        assertEquals(DType.INT64, i.dtype());
        assertValues(i, SHAPE, Ref.cumsum(ints, SHAPE, d), 0);
    }

    @Test
    void cumsumOfBoolsCountsAndOfViewsFollowsTheView() {
        Tensor b = tensor(new boolean[] {true, false, true, true, true, false}, 2, 3);
        assertEquals(DType.INT64, b.cumsum(1).dtype());
        assertExact(b.cumsum(1), shape(2, 3), 1, 1, 2, 1, 2, 2);
        assertExact(b.cumsum(0), shape(2, 3), 1, 0, 1, 2, 1, 1);
        Tensor x = tensor(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertExact(x.t().cumsum(0), shape(3, 2), 1, 4, 3, 9, 6, 15);
        assertExact(x.t().cumsum(1), shape(3, 2), 1, 5, 2, 7, 3, 9);
        assertExact(x.slice(1, 0, 3, 2).cumsum(1), shape(2, 2), 1, 4, 4, 10);
        assertExact(tensor(new double[] {2}, 1, 1).expand(2, 3).cumsum(1), shape(2, 3), 2, 4, 6, 2, 4, 6);
        assertExact(tensor(new double[] {1, Double.NaN, 2}).cumsum(0), shape(3), 1, Double.NaN, Double.NaN);
        assertExact(tensor(3.0).cumsum(0), shape(), 3);
        assertExact(zeros(0, 3).cumsum(0), shape(0, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> x.cumsum(2));
    }
}
