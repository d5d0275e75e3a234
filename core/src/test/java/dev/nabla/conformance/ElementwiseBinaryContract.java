package dev.nabla.conformance;

import dev.nabla.DType;
import dev.nabla.Tensor;
import dev.nabla.spi.BinaryOp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;

import static dev.nabla.conformance.Checks.assertFailsUnchanged;
import static dev.nabla.conformance.Checks.assertNegativeZero;
import static dev.nabla.conformance.Checks.inputs;
import static dev.nabla.conformance.Checks.make;
import static dev.nabla.conformance.Checks.tol;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** add, sub, mul, div, pow, maximum, minimum and the comparisons, on every dtype PyTorch defines them for. */
public abstract class ElementwiseBinaryContract extends DeviceTestBase {
    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;
    static final double[] A = {1.5, -2, 0.25, 3, -0.0, 7, NAN, INF, -1, 0.5};
    static final double[] B = {2, 0.5, -0.25, -3, 0, 0.1, 1, 2, -INF, NAN};

    /** {@code f(a[i], b[i])} with each operand and result held in {@code dtype}. */
    private static double[] zip(DType dtype, DoubleBinaryOperator f) {
        double[] out = new double[A.length];
        for (int i = 0; i < A.length; i++) {
            out[i] = dtype == DType.FLOAT32
                    ? (float) f.applyAsDouble((float) A[i], (float) B[i])
                    : f.applyAsDouble(A[i], B[i]);
        }
        return out;
    }

    private void check(DType dtype, BinaryOperator<Tensor> op, DoubleBinaryOperator reference, double tol) {
        Tensor a = make(dtype, A).reshape(2, 5);
        Tensor b = make(dtype, B).reshape(2, 5);
        Tensor y = op.apply(a, b);
        assertEquals(dtype, y.dtype());
        assertValues(y, shape(2, 5), zip(dtype, reference), tol);
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void floatingArithmeticIsIeee(DType dtype) {
        check(dtype, Tensor::add, (x, y) -> x + y, 0);
        check(dtype, Tensor::sub, (x, y) -> x - y, 0);
        check(dtype, Tensor::mul, (x, y) -> x * y, 0);
        check(dtype, Tensor::div, (x, y) -> x / y, 0);
        check(dtype, (x, y) -> x.add(y, 2), (x, y) -> x + 2 * y, tol(dtype));
        check(dtype, (x, y) -> x.sub(y, 0.5), (x, y) -> x - 0.5 * y, tol(dtype));
        check(dtype, Tensor::maximum, (x, y) -> Double.isNaN(x) || Double.isNaN(y) ? NAN : Math.max(x, y), 0);
        check(dtype, Tensor::minimum, (x, y) -> Double.isNaN(x) || Double.isNaN(y) ? NAN : Math.min(x, y), 0);
        check(dtype, Tensor::max, (x, y) -> Double.isNaN(x) || Double.isNaN(y) ? NAN : Math.max(x, y), 0);
        check(dtype, Tensor::min, (x, y) -> Double.isNaN(x) || Double.isNaN(y) ? NAN : Math.min(x, y), 0);
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void scalarOperands(DType dtype) {
        Tensor x = make(dtype, 1.5, -2, 0.25);
        int[] s = shape(3);
        assertExact(x.add(2.5), s, 4, 0.5, 2.75);
        assertExact(x.add(2L), s, 3.5, 0, 2.25);
        assertExact(x.sub(0.5), s, 1, -2.5, -0.25);
        assertExact(x.sub(1L), s, 0.5, -3, -0.75);
        assertExact(x.mul(-2.0), s, -3, 4, -0.5);
        assertExact(x.mul(4L), s, 6, -8, 1);
        assertExact(x.div(0.5), s, 3, -4, 0.5);
        assertExact(x.div(-0.0), s, -INF, INF, -INF);
        for (Tensor y : new Tensor[] {x.add(2.5), x.add(2L), x.sub(0.5), x.mul(-2.0), x.mul(4L), x.div(0.5)}) {
            assertEquals(dtype, y.dtype(), "a Java number never widens a floating tensor");
        }
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"INT32", "INT64"})
    void integerArithmeticStaysIntegerAndWraps(DType dtype) {
        Tensor a = make(dtype, 7, -7, 3, 0);
        Tensor b = make(dtype, 2, 2, -4, 5);
        int[] s = shape(4);
        assertEquals(dtype, a.add(b).dtype());
        assertExact(a.add(b), s, 9, -5, -1, 5);
        assertExact(a.sub(b), s, 5, -9, 7, -5);
        assertExact(a.mul(b), s, 14, -14, -12, 0);
        assertExact(a.add(b, 3), s, 13, -1, -9, 15);
        assertExact(a.sub(b, -2), s, 11, -3, -5, 10);
        assertExact(a.maximum(b), s, 7, 2, 3, 5);
        assertExact(a.minimum(b), s, 2, -7, -4, 0);
        assertExact(a.add(10L), s, 17, 3, 13, 10);
        assertExact(a.mul(-3L), s, -21, 21, -9, 0);
        assertEquals(dtype, a.add(10L).dtype());
        assertEquals(dtype, a.sub(1L).dtype());
        long max = dtype == DType.INT32 ? Integer.MAX_VALUE : Long.MAX_VALUE;
        long min = dtype == DType.INT32 ? Integer.MIN_VALUE : Long.MIN_VALUE;
        Tensor big = dtype == DType.INT32 ? make(dtype, Integer.MAX_VALUE) : dev.nabla.Nabla.tensor(new long[] {max});
        assertEquals(min, big.add(1L).itemLong(), "two's complement wrap-around, as PyTorch");
        Tensor c = a.clone();
        assertFailsUnchanged(IllegalArgumentException.class, () -> a.add(b, 0.5), inputs(a, b), "add", "alpha", "0.5");
        assertFailsUnchanged(IllegalArgumentException.class, () -> a.sub(b, 1.5), inputs(a, b), "sub", "alpha", "1.5");
        assertExact(a, s, c.toDoubleArray());
    }

    @Test
    void trueDivisionGivesTheDefaultFloatForIntegersAndBools() {
        Tensor a = make(DType.INT64, 7, -7, 1, -1, 0, 6);
        Tensor b = make(DType.INT32, 2, 2, 0, 0, 0, -4);
        Tensor q = a.div(b);
        assertEquals(DType.FLOAT32, q.dtype());
        assertExact(q, shape(6), 3.5, -3.5, INF, -INF, NAN, -1.5);
        Tensor h = a.div(4.0);
        assertEquals(DType.FLOAT32, h.dtype());
        assertExact(h, shape(6), 1.75, -1.75, 0.25, -0.25, 0, 1.5);
        Tensor t = make(DType.BOOL, 1, 0, 1);
        Tensor f = make(DType.BOOL, 1, 1, 0);
        assertEquals(DType.FLOAT32, t.div(f).dtype());
        assertExact(t.div(f), shape(3), 1, 0, INF);
        assertEquals(DType.FLOAT64, a.div(make(DType.FLOAT64, 2)).dtype());
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void floatingPowFollowsC99(DType dtype) {
        double third = 1.0 / 3;
        double[] base = {2, 4, 9, -2, -8, 0, -0.0, -0.0, 1, 1, -1, NAN, 0.5, 2};
        double[] exp = {3, 0.5, -0.5, 3, third, -1, -1, -2, NAN, INF, -INF, 0, INF, -INF};
        double[] expected = {8, 2, 1.0 / 3, -8, NAN, INF, -INF, INF, 1, 1, 1, 1, 0, 0};
        Tensor y = make(dtype, base).pow(make(dtype, exp));
        assertEquals(dtype, y.dtype());
        assertValues(y, shape(base.length), expected, tol(dtype));
        Tensor x = make(dtype, 1.5, -2, 0, NAN, 4);
        assertValues(x.pow(2.0), shape(5), new double[] {2.25, 4, 0, NAN, 16}, 0);
        assertValues(x.pow(3L), shape(5), new double[] {3.375, -8, 0, NAN, 64}, tol(dtype));
        assertValues(x.pow(0.5), shape(5), new double[] {Math.sqrt(1.5), NAN, 0, NAN, 2}, tol(dtype));
        assertValues(x.pow(-1.0), shape(5), new double[] {1 / 1.5, -0.5, INF, NAN, 0.25}, tol(dtype));
        assertValues(x.pow(0.0), shape(5), new double[] {1, 1, 1, 1, 1}, 0);
        assertValues(x.pow(-2L), shape(5), new double[] {1 / 2.25, 0.25, INF, NAN, 0.0625}, tol(dtype));
        assertEquals(dtype, x.pow(3L).dtype());
        Tensor ones = make(dtype, 1, 1, -1);
        assertExact(ones.pow(NAN), shape(3), 1, 1, NAN);
        assertExact(make(dtype, 1, -1).pow(INF), shape(2), 1, 1);
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"INT32", "INT64"})
    void integerPow(DType dtype) {
        Tensor x = make(dtype, 2, 3, -2, 0, 1);
        Tensor cube = x.pow(3L);
        assertEquals(dtype, cube.dtype());
        assertExact(cube, shape(5), 8, 27, -8, 0, 1);
        assertExact(x.pow(0L), shape(5), 1, 1, 1, 1, 1);
        Tensor e = make(dtype, 10, 0, 3, 2, 7);
        assertEquals(dtype, x.pow(e).dtype());
        assertExact(x.pow(e), shape(5), 1024, 1, -8, 0, 1);
        // A tensor of exponents may be negative: 1 ** -n = 1, (-1) ** -n = +-1, anything else truncates to 0.
        Tensor base = make(dtype, 1, -1, -1, 2, 0, -3);
        Tensor neg = make(dtype, -5, -2, -3, -1, -1, -2);
        assertExact(base.pow(neg), shape(6), 1, 1, -1, 0, 0, 0);
        assertEquals(DType.FLOAT32, x.pow(0.5).dtype(), "a Java double exponent is a float scalar");
        assertValues(x.pow(0.5), shape(5), new double[] {Math.sqrt(2), Math.sqrt(3), NAN, 0, 1}, 1e-6);
        assertEquals(DType.FLOAT32, x.pow(2.0).dtype());
        assertFailsUnchanged(IllegalArgumentException.class, () -> x.pow(-1L), inputs(x), "pow", "negative",
                dtype.toString());
        Tensor b = make(DType.BOOL, 1, 0);
        assertFailsUnchanged(IllegalArgumentException.class, () -> b.pow(-2L), inputs(b), "pow", "negative");
        assertEquals(DType.INT64, b.pow(2L).dtype());
    }

    @Test
    void boolArithmetic() {
        Tensor t = make(DType.BOOL, 1, 1, 0, 0);
        Tensor u = make(DType.BOOL, 1, 0, 1, 0);
        int[] s = shape(4);
        assertEquals(DType.BOOL, t.add(u).dtype());
        assertExact(t.add(u), s, 1, 1, 1, 0);
        assertExact(t.mul(u), s, 1, 0, 0, 0);
        assertExact(t.maximum(u), s, 1, 1, 1, 0);
        assertExact(t.minimum(u), s, 1, 0, 0, 0);
        assertEquals(DType.BOOL, t.maximum(u).dtype());
        assertEquals(DType.INT64, t.add(1L).dtype());
        assertExact(t.add(1L), s, 2, 2, 1, 1);
        Tensor i = make(DType.INT32, 5, 5, 5, 5);
        assertFailsUnchanged(IllegalArgumentException.class, () -> t.sub(u), inputs(t, u), "sub", "bool");
        assertFailsUnchanged(IllegalArgumentException.class, () -> t.sub(i), inputs(t, i), "sub", "bool");
        assertFailsUnchanged(IllegalArgumentException.class, () -> i.sub(t), inputs(t, i), "sub", "bool");
        assertFailsUnchanged(IllegalArgumentException.class, () -> t.sub(1L), inputs(t), "sub", "bool");
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void comparisonsGiveBoolAndNanComparesUnequal(DType dtype) {
        Tensor a = make(dtype, 1, 2, 3, NAN, -0.0);
        Tensor b = make(dtype, 2, 2, 2, NAN, 0.0);
        int[] s = shape(5);
        assertExact(a.eq(b), s, 0, 1, 0, 0, 1);
        assertExact(a.ne(b), s, 1, 0, 1, 1, 0);
        assertExact(a.lt(b), s, 1, 0, 0, 0, 0);
        assertExact(a.le(b), s, 1, 1, 0, 0, 1);
        assertExact(a.gt(b), s, 0, 0, 1, 0, 0);
        assertExact(a.ge(b), s, 0, 1, 1, 0, 1);
        assertExact(a.gt(1.5), s, 0, 1, 1, 0, 0);
        assertExact(a.eq(NAN), s, 0, 0, 0, 0, 0);
        assertExact(a.ne(NAN), s, 1, 1, 1, 1, 1);
        assertExact(a.le(0.0), s, 0, 0, 0, 0, 1);
        for (Tensor r : new Tensor[] {a.eq(b), a.ne(b), a.lt(b), a.le(b), a.gt(b), a.ge(b), a.gt(1.5), a.eq(NAN)}) {
            assertEquals(DType.BOOL, r.dtype());
        }
        Tensor ints = make(DType.INT32, 1, 2, 3, 4, 5);
        assertExact(ints.lt(2.5), s, 1, 1, 0, 0, 0);
        assertExact(ints.eq(a), s, 1, 1, 1, 0, 0);
        assertExact(make(DType.BOOL, 1, 0, 1, 0, 1).eq(make(DType.BOOL, 1, 1, 0, 0, 1)), s, 1, 0, 0, 1, 1);
    }

    /** A new binary primitive must get a case in this contract (the names below are tested here or, for the logical ops, in PromotionContract). */
    @Test
    void everyBinaryPrimitiveIsCovered() {
        java.util.Set<String> covered = java.util.Set.of("add", "sub", "mul", "div", "pow", "maximum", "minimum", "eq",
                "ne", "lt", "le", "gt", "ge", "logicalAnd", "logicalOr");
        for (BinaryOp op : BinaryOp.values()) {
            org.junit.jupiter.api.Assertions.assertTrue(covered.contains(Checks.camel(op.name())),
                    "no conformance case for " + op);
        }
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void signedZeroArithmetic(DType dtype) {
        Tensor z = make(dtype, -0.0, -0.0, 0.0);
        Tensor w = make(dtype, -0.0, 0.0, -0.0);
        assertNegativeZero(z.add(w), 0);
        assertNegativeZero(z.mul(make(dtype, 1, 1, -1)), 2);
        assertNegativeZero(make(dtype, 1).div(make(dtype, -INF)), 0);
        assertNegativeZero(z.sub(make(dtype, 0, 0, 0)), 0);
    }
}
