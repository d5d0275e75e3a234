package dev.nabla.conformance;

import dev.nabla.DType;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.nabla.conformance.Checks.assertFailsUnchanged;
import static dev.nabla.conformance.Checks.assertNegativeZero;
import static dev.nabla.conformance.Checks.inputs;
import static dev.nabla.conformance.Checks.make;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** clamp, clampMin, clampMax with scalar and tensor bounds, where (both forms) and maskedFill. */
public abstract class ClampWhereContract extends DeviceTestBase {
    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void clampWithScalarBounds(DType dtype) {
        Tensor x = make(dtype, -2, -0.5, 0, 0.5, 2, NAN, INF, -INF);
        int[] s = shape(8);
        assertExact(x.clamp(-1, 1), s, -1, -0.5, 0, 0.5, 1, NAN, 1, -1);
        assertExact(x.clampMin(0), s, 0, 0, 0, 0.5, 2, NAN, INF, 0);
        assertExact(x.clampMax(0), s, -2, -0.5, 0, 0, 0, NAN, 0, -INF);
        // min > max: every element becomes max, NaN stays NaN.
        assertExact(x.clamp(1, -1), s, -1, -1, -1, -1, -1, NAN, -1, -1);
        for (Tensor y : new Tensor[] {x.clamp(-1, 1), x.clampMin(0), x.clampMax(0)}) assertEquals(dtype, y.dtype());
        Tensor wide = x.clamp(-10, 10);
        assertFalse(wide.sharesStorageWith(x), "clamp returns a new tensor even when nothing is clamped");
        wide.fill_(0.0);
        assertExact(x.slice(0, 0, 5), shape(5), -2, -0.5, 0, 0.5, 2);
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"INT32", "INT64"})
    void clampOnIntegers(DType dtype) {
        Tensor x = make(dtype, -5, 0, 5);
        assertEquals(dtype, x.clamp(-1, 1).dtype());
        assertExact(x.clamp(-1, 1), shape(3), -1, 0, 1);
        assertExact(x.clampMin(2), shape(3), 2, 2, 5);
        assertExact(x.clampMax(-3), shape(3), -5, -3, -3);
        // A fractional bound takes part in type promotion, as a Python float does in PyTorch.
        Tensor f = x.clamp(-1.5, 2.5);
        assertEquals(DType.FLOAT32, f.dtype());
        assertExact(f, shape(3), -1.5, 0, 2.5);
        assertEquals(DType.FLOAT32, x.clampMin(0.5).dtype());
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void clampWithTensorBoundsBroadcasts(DType dtype) {
        Tensor x = make(dtype, -2, 0.5, 3, 1.5, -0.5, 0.5).reshape(2, 3);
        Tensor lo = make(dtype, -1, 0, 1);
        Tensor hi = make(dtype, 0, 2).reshape(2, 1);
        assertExact(x.clamp(lo, hi), shape(2, 3), -1, 0, 0, 1.5, 0, 1);
        assertExact(x.clamp(lo, null), shape(2, 3), -1, 0.5, 3, 1.5, 0, 1);
        assertExact(x.clamp(null, hi), shape(2, 3), -2, 0, 0, 1.5, -0.5, 0.5);
        Tensor row = make(dtype, 0, 5, -5);
        assertExact(row.clamp(make(dtype, 1, 1, 1), make(dtype, -1, -1, -1)), shape(3), -1, -1, -1);
        assertExact(make(dtype, 1).clamp(lo.reshape(3, 1), null), shape(3, 1), 1, 1, 1);
        Tensor ints = make(DType.INT32, -3, 0, 3);
        Tensor promoted = ints.clamp(make(dtype, -1.5, -1.5, -1.5), make(dtype, 2.5, 2.5, 2.5));
        assertEquals(dtype, promoted.dtype());
        assertExact(promoted, shape(3), -1.5, 0, 2.5);
        assertFailsUnchanged(IllegalArgumentException.class, () -> x.clamp(null, null), inputs(x), "clamp",
                "at least one");
        assertFailsUnchanged(IllegalArgumentException.class, () -> x.clamp(make(dtype, 1, 2), null), inputs(x),
                "clamp", "[2, 3]", "[2]");
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void clampPropagatesNanFromInputAndTensorBounds(DType dtype) {
        Tensor x = make(dtype, NAN, 0.5, 0.5, 0.5);
        Tensor lo = make(dtype, 0, NAN, 0, NAN);
        Tensor hi = make(dtype, 1, 1, NAN, NAN);
        assertExact(x.clamp(lo, hi), shape(4), NAN, NAN, NAN, NAN);
        assertExact(x.clamp(lo, null), shape(4), NAN, NAN, 0.5, NAN);
        assertExact(x.clamp(null, hi), shape(4), NAN, 0.5, NAN, NAN);
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64", "INT32", "INT64", "BOOL"})
    void whereSelectsWithBroadcasting(DType dtype) {
        Tensor cond = make(DType.BOOL, 1, 0).reshape(2, 1);
        Tensor a = make(dtype, 1, 0, 1);
        Tensor b = make(dtype, 0).reshape();
        Tensor r = Nabla.where(cond, a, b);
        assertEquals(dtype, r.dtype());
        assertExact(r, shape(2, 3), 1, 0, 1, 0, 0, 0);
        Tensor m = a.where(cond, b);
        assertExact(m, shape(2, 3), 1, 0, 1, 0, 0, 0);
        Tensor flip = b.where(cond, a);
        assertExact(flip, shape(2, 3), 0, 0, 0, 1, 0, 1);
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void whereKeepsSpecialValuesAndPromotes(DType dtype) {
        Tensor cond = make(DType.BOOL, 1, 0, 1, 0);
        Tensor a = make(dtype, NAN, 1, -0.0, 2);
        Tensor b = make(dtype, 5, INF, 6, -INF);
        Tensor r = Nabla.where(cond, a, b);
        assertExact(r, shape(4), NAN, INF, -0.0, -INF);
        assertNegativeZero(r, 2);
        assertExact(Nabla.where(cond, a, 2.5), shape(4), NAN, 2.5, -0.0, 2.5);
        assertEquals(dtype, Nabla.where(cond, a, 2.5).dtype());
        Tensor ints = make(DType.INT32, 1, 2, 3, 4);
        assertEquals(DType.FLOAT32, Nabla.where(cond, ints, 2.5).dtype());
        assertExact(Nabla.where(cond, ints, 2.5), shape(4), 1, 2.5, 3, 2.5);
        assertEquals(dtype, Nabla.where(cond, ints, b).dtype());
        assertEquals(DType.INT32, Nabla.where(cond, ints, make(DType.INT64, 9).reshape()).dtype());
        assertEquals(DType.INT64, Nabla.where(cond, ints, make(DType.INT64, 9)).dtype());
    }

    @Test
    void whereRejectsANonBoolConditionAndIncompatibleShapes() {
        Tensor a = make(DType.FLOAT32, 1, 2, 3);
        Tensor b = make(DType.FLOAT32, 4, 5, 6);
        Tensor intCond = make(DType.INT64, 1, 0, 1);
        assertFailsUnchanged(IllegalArgumentException.class, () -> Nabla.where(intCond, a, b), inputs(intCond, a, b),
                "where", "condition", "torch.int64");
        assertFailsUnchanged(IllegalArgumentException.class, () -> a.where(intCond, b), inputs(intCond, a, b),
                "where", "torch.int64");
        Tensor cond = make(DType.BOOL, 1, 0);
        assertFailsUnchanged(IllegalArgumentException.class, () -> Nabla.where(cond, a, b), inputs(cond, a, b),
                "where", "[2]", "[3]");
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void maskedFillBroadcastsTheMask(DType dtype) {
        Tensor x = make(dtype, 1, 2, 3, 4, 5, 6).reshape(2, 3);
        Tensor before = x.clone();
        Tensor mask = make(DType.BOOL, 1, 0, 1);
        Tensor r = x.maskedFill(mask, 9.5);
        assertEquals(dtype, r.dtype());
        assertExact(r, shape(2, 3), 9.5, 2, 9.5, 9.5, 5, 9.5);
        Checks.assertSameBits(before, x, "maskedFill leaves its input alone");
        assertExact(x.maskedFill(make(DType.BOOL, 0, 1).reshape(2, 1), NAN), shape(2, 3), 1, 2, 3, NAN, NAN, NAN);
        assertExact(x.maskedFill(mask, make(DType.FLOAT64, -INF).reshape()), shape(2, 3), -INF, 2, -INF, -INF, 5, -INF);
        assertEquals(dtype, x.maskedFill(mask, make(DType.FLOAT64, 0).reshape()).dtype());
        Tensor bigger = make(dtype, 1, 2, 3).maskedFill(make(DType.BOOL, 1, 0, 0, 0, 0, 1).reshape(2, 3), 0);
        assertExact(bigger, shape(2, 3), 0, 2, 3, 1, 2, 0);
    }

    @Test
    void maskedFillOnIntegerAndBoolTensors() {
        Tensor mask = make(DType.BOOL, 0, 1, 1);
        Tensor ints = make(DType.INT32, 1, 2, 3);
        assertEquals(DType.INT32, ints.maskedFill(mask, 7).dtype());
        assertExact(ints.maskedFill(mask, -7), shape(3), 1, -7, -7);
        Tensor bools = make(DType.BOOL, 0, 0, 1);
        assertExact(bools.maskedFill(mask, 1), shape(3), 0, 1, 1);
        assertEquals(DType.BOOL, bools.maskedFill(mask, 1).dtype());
        Tensor longs = make(DType.INT64, 1, 2, 3);
        assertExact(longs.maskedFill(mask, make(DType.INT64, 5).reshape()), shape(3), 1, 5, 5);
    }

    @Test
    void maskedFillErrors() {
        Tensor x = make(DType.FLOAT32, 1, 2, 3);
        Tensor intMask = make(DType.INT64, 1, 0, 1);
        assertFailsUnchanged(IllegalArgumentException.class, () -> x.maskedFill(intMask, 0), inputs(x, intMask),
                "maskedFill", "mask", "torch.int64");
        Tensor mask = make(DType.BOOL, 1, 0, 1);
        Tensor vector = make(DType.FLOAT32, 1, 2);
        assertFailsUnchanged(IllegalArgumentException.class, () -> x.maskedFill(mask, vector), inputs(x, mask, vector),
                "maskedFill", "0-dim", "[2]");
        Tensor wrong = make(DType.BOOL, 1, 0);
        assertFailsUnchanged(IllegalArgumentException.class, () -> x.maskedFill(wrong, 0), inputs(x, wrong),
                "maskedFill", "[2]", "[3]");
    }
}
