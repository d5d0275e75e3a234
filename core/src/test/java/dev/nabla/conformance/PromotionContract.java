package dev.nabla.conformance;

import dev.nabla.DType;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.nabla.DType.BOOL;
import static dev.nabla.DType.FLOAT32;
import static dev.nabla.DType.FLOAT64;
import static dev.nabla.DType.INT32;
import static dev.nabla.DType.INT64;
import static dev.nabla.conformance.Checks.make;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * PyTorch's type promotion (torch.result_type): tensors with dims decide unless a 0-dim tensor or a Java number is
 * of a higher category (bool &lt; integer &lt; floating); Java doubles count as the default dtype.
 */
public abstract class PromotionContract extends DeviceTestBase {
    /** Row and column order of the tables below. */
    static final DType[] ORDER = {BOOL, INT32, INT64, FLOAT32, FLOAT64};

    /** result_type of two tensors that both have dims (also of two 0-dim tensors): torch.promote_types. */
    static final DType[][] BOTH_DIMS = {
        {BOOL, INT32, INT64, FLOAT32, FLOAT64},
        {INT32, INT32, INT64, FLOAT32, FLOAT64},
        {INT64, INT64, INT64, FLOAT32, FLOAT64},
        {FLOAT32, FLOAT32, FLOAT32, FLOAT32, FLOAT64},
        {FLOAT64, FLOAT64, FLOAT64, FLOAT64, FLOAT64}};

    /** result_type of a tensor with dims (row) and a 0-dim tensor (column). */
    static final DType[][] DIMS_WITH_ZERO_DIM = {
        {BOOL, INT32, INT64, FLOAT32, FLOAT64},
        {INT32, INT32, INT32, FLOAT32, FLOAT64},
        {INT64, INT64, INT64, FLOAT32, FLOAT64},
        {FLOAT32, FLOAT32, FLOAT32, FLOAT32, FLOAT32},
        {FLOAT64, FLOAT64, FLOAT64, FLOAT64, FLOAT64}};

    static Stream<Arguments> pairs() {
        List<Arguments> out = new ArrayList<>();
        for (int i = 0; i < ORDER.length; i++) {
            for (int j = 0; j < ORDER.length; j++) out.add(Arguments.of(ORDER[i], ORDER[j], i, j));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("pairs")
    void tensorWithTensor(DType a, DType b, int i, int j) {
        Tensor x = make(a, 1, 0, 1);
        Tensor y = make(b, 1, 1, 0);
        DType expected = BOTH_DIMS[i][j];
        assertEquals(expected, x.add(y).dtype(), "add");
        assertEquals(expected, x.mul(y).dtype(), "mul");
        assertEquals(expected, x.maximum(y).dtype(), "maximum");
        assertEquals(expected, Nabla.where(x.gt(0.5), x, y).dtype(), "where");
        assertEquals(expected, x.slice(0, 0, 1).reshape().add(y.slice(0, 0, 1).reshape()).dtype(), "0-dim views");
        assertEquals(expected.isFloatingPoint() ? expected : FLOAT32, x.div(y).dtype(), "div");
        assertEquals(BOOL, x.lt(y).dtype(), "lt");
        assertEquals(BOOL, x.logicalAnd(y).dtype(), "logicalAnd");
        assertExact(x.add(y), shape(3), expected == BOOL ? new double[] {1, 1, 1} : new double[] {2, 1, 1});
        assertExact(x.mul(y), shape(3), 1, 0, 0);
    }

    @ParameterizedTest(name = "{0} with a 0-dim {1}")
    @MethodSource("pairs")
    void tensorWithZeroDimTensor(DType a, DType b, int i, int j) {
        Tensor x = make(a, 1, 0, 1);
        Tensor s = make(b, 1).reshape();
        DType expected = DIMS_WITH_ZERO_DIM[i][j];
        assertEquals(expected, x.add(s).dtype(), "add");
        assertEquals(expected, s.add(x).dtype(), "add, 0-dim first");
        assertEquals(expected, x.mul(s).dtype(), "mul");
        assertEquals(expected, Nabla.where(x.gt(0.5), x, s).dtype(), "where");
        assertEquals(BOOL, x.ge(s).dtype(), "ge");
        assertExact(x.mul(s), shape(3), 1, 0, 1);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void tensorWithJavaNumbers(DType a) {
        Tensor x = make(a, 1, 0, 1);
        DType withLong = a == BOOL ? INT64 : a;
        DType withDouble = a.isFloatingPoint() ? a : FLOAT32;
        assertEquals(withLong, x.add(2L).dtype(), "add(long)");
        assertEquals(withLong, x.mul(2L).dtype(), "mul(long)");
        assertEquals(withDouble, x.add(2.5).dtype(), "add(double)");
        assertEquals(withDouble, x.mul(2.5).dtype(), "mul(double)");
        assertEquals(withDouble, x.div(2.0).dtype(), "div(double)");
        assertEquals(withDouble, x.pow(2.0).dtype(), "pow(double)");
        assertEquals(withLong, x.pow(2L).dtype(), "pow(long)");
        assertEquals(withDouble, Nabla.where(x.gt(0.5), x, 2.5).dtype(), "where(double)");
        assertEquals(BOOL, x.lt(2.5).dtype(), "lt(double)");
        assertExact(x.add(2.5), shape(3), 3.5, 2.5, 3.5);
        Tensor zeroDim = make(a, 1).reshape();
        assertEquals(withLong, zeroDim.add(2L).dtype(), "0-dim add(long)");
        assertEquals(withDouble, zeroDim.add(2.5).dtype(), "0-dim add(double)");
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void javaDoublesFollowTheDefaultDtype(DType a) {
        Nabla.setDefaultDtype(FLOAT64);
        try {
            Tensor x = make(a, 1, 0, 1);
            DType expected = a.isFloatingPoint() ? a : FLOAT64;
            assertEquals(expected, x.add(2.5).dtype(), "add(double) with default float64");
            assertEquals(expected, x.div(x).dtype(), "true division with default float64");
            assertEquals(expected, x.sqrt().dtype(), "sqrt with default float64");
            assertEquals(a == FLOAT32 ? FLOAT32 : expected, make(a, 1).reshape().add(2.5).dtype(), "0-dim add(double)");
            assertEquals(FLOAT64, Nabla.tensor(2.5).dtype());
            assertEquals(FLOAT64, Nabla.zeros(2).dtype());
        } finally {
            Nabla.setDefaultDtype(FLOAT32);
        }
        assertEquals(FLOAT32, make(INT32, 1).add(2.5).dtype(), "restored default");
    }

    @Test
    void examplesFromPyTorchsDocumentation() {
        Tensor i32 = make(INT32, 1, 2, 3);
        assertEquals(INT32, i32.add(make(INT64, 5).reshape()).dtype(), "int32 + int64 0-dim");
        assertExact(i32.add(make(INT64, 5).reshape()), shape(3), 6, 7, 8);
        assertEquals(FLOAT32, i32.add(2.5).dtype(), "int32 + 2.5");
        assertExact(i32.add(2.5), shape(3), 3.5, 4.5, 5.5);
        assertEquals(INT64, i32.add(make(INT64, 5)).dtype(), "int32 + int64 with dims");
        Tensor t = make(BOOL, 1, 0);
        assertEquals(BOOL, t.add(t).dtype(), "bool + bool");
        assertEquals(FLOAT32, i32.div(i32).dtype(), "int / int");
        assertExact(make(INT64, 1, 3).div(make(INT64, 2, 2)), shape(2), 0.5, 1.5);
        Tensor f32 = make(FLOAT32, 1, 2);
        Tensor tiny = make(FLOAT64, 1e-10).reshape();
        assertEquals(FLOAT32, f32.add(tiny).dtype(), "float32 + float64 0-dim");
        assertExact(f32.add(tiny), shape(2), 1, 2);
        assertEquals(FLOAT64, f32.add(make(FLOAT64, 1e-10)).dtype(), "float32 + float64 with dims");
        assertEquals(FLOAT64, i32.add(make(FLOAT64, 0.5).reshape()).dtype(), "int32 + float64 0-dim");
        assertEquals(FLOAT32, Nabla.tensor(2.5).add(make(INT64, 1, 2)).dtype(), "0-dim float32 + int64 dims");
        assertEquals(INT64, Nabla.tensor(3L).add(make(INT32, 1).reshape()).dtype(), "two 0-dim tensors promote");
    }

    @Test
    void comparisonsComputeInThePromotedType() {
        assertExact(make(FLOAT32, 0.1).eq(make(FLOAT64, 0.1)), shape(1), 0);
        assertExact(make(FLOAT32, 0.5).eq(make(FLOAT64, 0.5)), shape(1), 1);
        assertExact(make(INT64, 3, 4).lt(3.5), shape(2), 1, 0);
        assertExact(make(INT32, 3, 4).gt(make(FLOAT64, 3.5).reshape()), shape(2), 0, 1);
        assertExact(make(BOOL, 1, 0).eq(make(INT32, 1, 1)), shape(2), 1, 0);
        assertExact(make(INT64, 2, 2).ne(make(FLOAT32, 2, 2.25)), shape(2), 0, 1);
    }

    @Test
    void logicalOpsAcceptAnyDtype() {
        Tensor f = make(FLOAT32, 0, 0.5, Double.NaN, -0.0);
        Tensor i = make(INT64, 1, 0, 2, 3);
        Tensor d = make(FLOAT64, 0, 0, 0, 1e-300);
        assertEquals(BOOL, f.logicalAnd(i).dtype());
        assertExact(f.logicalAnd(i), shape(4), 0, 0, 1, 0);
        assertExact(f.logicalOr(d), shape(4), 0, 1, 1, 1);
        assertExact(i.logicalOr(make(BOOL, 0, 0, 0, 0)), shape(4), 1, 0, 1, 1);
        assertExact(make(INT32, 0, 3, -1).logicalNot(), shape(3), 1, 0, 0);
        assertExact(f.logicalNot(), shape(4), 1, 0, 0, 1);
        assertEquals(BOOL, f.logicalNot().dtype());
        assertExact(make(BOOL, 1, 0).logicalNot(), shape(2), 0, 1);
    }

    @Test
    void mixedArithmeticValues() {
        assertExact(make(INT32, 1, 2, 3).add(make(FLOAT64, 0.5)), shape(3), 1.5, 2.5, 3.5);
        assertExact(make(BOOL, 1, 0).add(make(FLOAT32, 0.25, 0.25)), shape(2), 1.25, 0.25);
        assertExact(make(INT64, 3, -3).mul(make(FLOAT32, 0.5, 0.5)), shape(2), 1.5, -1.5);
        assertValues(make(INT32, 2, 3).pow(make(FLOAT32, 0.5, -1)), shape(2), new double[] {Math.sqrt(2), 1.0 / 3}, 1e-6);
        assertEquals(INT32, make(INT32, 2, 3).pow(make(INT64, 2).reshape()).dtype());
        assertExact(make(INT32, 2, 3).pow(make(INT64, 2).reshape()), shape(2), 4, 9);
        assertExact(make(INT32, 4, -1).maximum(make(FLOAT64, 2.5, -0.5)), shape(2), 4, -0.5);
    }
}
