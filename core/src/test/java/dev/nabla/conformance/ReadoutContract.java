package dev.nabla.conformance;

import dev.nabla.DType;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import org.junit.jupiter.api.Test;

import static dev.nabla.conformance.Checks.assertFailsUnchanged;
import static dev.nabla.conformance.Checks.inputs;
import static dev.nabla.conformance.Checks.make;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading values back into Java: item, whole arrays with conversion, and indexed get/set. */
public abstract class ReadoutContract extends DeviceTestBase {

    @Test
    void itemOfSingleElementTensors() {
        assertEquals(2.5, Nabla.tensor(2.5).item());
        assertEquals(-3.0, make(DType.FLOAT64, -3).item());
        assertEquals(7.0, make(DType.INT32, 7).reshape(1, 1).item());
        assertEquals(Long.MAX_VALUE, Nabla.tensor(Long.MAX_VALUE).itemLong(), "itemLong is exact for int64");
        assertEquals(Long.MIN_VALUE, Nabla.tensor(new long[] {Long.MIN_VALUE}).itemLong());
        assertEquals(2L, make(DType.FLOAT32, 2.7).itemLong(), "floats truncate toward zero");
        assertEquals(-2L, make(DType.FLOAT64, -2.7).itemLong());
        assertEquals(1L, Nabla.tensor(true).itemLong());
        assertTrue(Double.isNaN(make(DType.FLOAT32, Double.NaN).item()));
        assertEquals(Double.NEGATIVE_INFINITY, make(DType.FLOAT64, Double.NEGATIVE_INFINITY).item());
        assertTrue(Nabla.tensor(true).itemBoolean());
        assertFalse(make(DType.BOOL, 0).itemBoolean());
        assertTrue(make(DType.FLOAT32, 0.5).itemBoolean());
        assertTrue(make(DType.FLOAT32, Double.NaN).itemBoolean(), "NaN is non-zero");
        assertFalse(make(DType.FLOAT64, -0.0).itemBoolean());
        assertFalse(make(DType.INT64, 0).itemBoolean());
        assertTrue(make(DType.INT32, -4).itemBoolean());
        Tensor x = make(DType.FLOAT32, 1, 2, 3, 4, 5, 6).reshape(2, 3);
        assertEquals(6.0, x.t().select(0, 2).select(0, 1).item(), "item of a 0-dim view");
        assertEquals(5.0, x.narrow(1, 1, 1).narrow(0, 1, 1).item(), "item of a [1, 1] offset view");
    }

    @Test
    void itemNeedsExactlyOneElement() {
        Tensor x = make(DType.FLOAT32, 1, 2, 3, 4, 5, 6).reshape(2, 3);
        assertFailsUnchanged(IllegalArgumentException.class, x::item, inputs(x), "item", "6 elements", "[2, 3]");
        assertFailsUnchanged(IllegalArgumentException.class, x::itemLong, inputs(x), "item", "6 elements", "[2, 3]");
        assertFailsUnchanged(IllegalArgumentException.class, x::itemBoolean, inputs(x), "item", "[2, 3]");
        Tensor empty = Nabla.zeros(0);
        assertFailsUnchanged(IllegalArgumentException.class, empty::item, inputs(empty), "item", "0 elements", "[0]");
    }

    @Test
    void wholeArraysWithConversion() {
        Tensor f = make(DType.FLOAT64, 1.5, -2.5, 0, 3.9, -0.0);
        assertArrayEquals(new float[] {1.5f, -2.5f, 0, 3.9f, -0.0f}, f.toFloatArray());
        assertArrayEquals(new double[] {1.5, -2.5, 0, 3.9, -0.0}, f.toDoubleArray());
        assertArrayEquals(new int[] {1, -2, 0, 3, 0}, f.toIntArray());
        assertArrayEquals(new long[] {1, -2, 0, 3, 0}, f.toLongArray());
        assertArrayEquals(new boolean[] {true, true, false, true, false}, f.toBooleanArray());
        Tensor i = Nabla.tensor(new long[] {(1L << 40) + 3, -1, 0});
        assertArrayEquals(new long[] {(1L << 40) + 3, -1, 0}, i.toLongArray());
        assertArrayEquals(new int[] {3, -1, 0}, i.toIntArray(), "int64 -> int wraps");
        assertArrayEquals(new double[] {0x1p40 + 3, -1, 0}, i.toDoubleArray());
        assertArrayEquals(new boolean[] {true, true, false}, i.toBooleanArray());
        Tensor b = make(DType.BOOL, 1, 0);
        assertArrayEquals(new float[] {1, 0}, b.toFloatArray());
        assertArrayEquals(new int[] {1, 0}, b.toIntArray());
        assertArrayEquals(new boolean[] {true, false}, b.toBooleanArray());
        assertArrayEquals(new double[] {2.5}, Nabla.tensor(2.5).toDoubleArray(), "a 0-dim tensor reads as one element");
        assertEquals(0, Nabla.zeros(3, 0).toFloatArray().length);
        Tensor view = make(DType.INT32, 1, 2, 3, 4, 5, 6).reshape(2, 3).t().slice(0, 0, 3, 2);
        assertArrayEquals(new int[] {1, 4, 3, 6}, view.toIntArray(), "views read in their own row-major order");
        float[] out = view.toFloatArray();
        out[0] = 100;
        assertEquals(1, view.getInt(0, 0), "the returned array is a copy");
    }

    @Test
    void indexedGetWithNegativeIndices() {
        Tensor x = make(DType.FLOAT64, 1, 2, 3, 4, 5, 6).reshape(2, 3);
        assertEquals(6.0, x.getDouble(1, 2));
        assertEquals(6.0, x.getDouble(-1, -1));
        assertEquals(4.0, x.getDouble(-1, 0));
        assertEquals(2.0f, x.getFloat(0, -2));
        assertEquals(3L, x.getLong(0, 2));
        assertEquals(5, x.getInt(1, 1));
        assertTrue(x.getBoolean(0, 0));
        Tensor row = x.get(-1);
        assertArrayEquals(shape(3), row.shape());
        assertTrue(row.sharesStorageWith(x), "get with fewer indices is a view");
        assertArrayEquals(new double[] {4, 5, 6}, row.toDoubleArray());
        assertEquals(0, x.get(0, 0).dim());
        Tensor s = Nabla.tensor(7L);
        assertEquals(7L, s.getLong());
        assertEquals(3.0, x.t().getDouble(2, 0), "indices follow the view's dims");
        Tensor ints = Nabla.tensor(new long[] {Long.MAX_VALUE, -5});
        assertEquals(Long.MAX_VALUE, ints.getLong(0));
        assertEquals(-5, ints.getInt(-1));
        assertFalse(make(DType.INT32, 0, 1).getBoolean(0));
    }

    @Test
    void indexedSetWritesOneElement() {
        Tensor x = make(DType.FLOAT32, 1, 2, 3, 4, 5, 6).reshape(2, 3);
        int version = x.version();
        org.junit.jupiter.api.Assertions.assertSame(x, x.set(-7.5, 1, -1));
        assertEquals(version + 1, x.version());
        assertExact(x, shape(2, 3), 1, 2, 3, 4, 5, -7.5);
        x.t().set(0.25, 0, 1);
        assertExact(x, shape(2, 3), 1, 2, 3, 0.25, 5, -7.5);
        Tensor ints = make(DType.INT64, 0, 0);
        ints.set(-3, 1);
        assertArrayEquals(new long[] {0, -3}, ints.toLongArray());
        Tensor bools = make(DType.BOOL, 0, 0);
        bools.set(1, 0);
        assertArrayEquals(new boolean[] {true, false}, bools.toBooleanArray());
        Tensor s = Nabla.tensor(1.0);
        s.set(2.0);
        assertEquals(2.0, s.item());
    }

    @Test
    void outOfRangeIndicesAreRejectedAndLeaveTheTensorAlone() {
        Tensor x = make(DType.FLOAT32, 1, 2, 3, 4, 5, 6).reshape(2, 3);
        assertFailsUnchanged(IndexOutOfBoundsException.class, () -> x.getDouble(2, 0), inputs(x),
                "get: index 2 is out of bounds for dimension 0 with size 2", "[2, 3]");
        assertFailsUnchanged(IndexOutOfBoundsException.class, () -> x.getDouble(0, 3), inputs(x),
                "index 3 is out of bounds for dimension 1 with size 3", "[2, 3]");
        assertFailsUnchanged(IndexOutOfBoundsException.class, () -> x.getLong(-3, 0), inputs(x),
                "index -3 is out of bounds for dimension 0 with size 2");
        assertFailsUnchanged(IndexOutOfBoundsException.class, () -> x.get(0, -4), inputs(x),
                "index -4 is out of bounds for dimension 1 with size 3");
        assertFailsUnchanged(IndexOutOfBoundsException.class, () -> x.set(9, 1, 3), inputs(x),
                "set: index 3 is out of bounds for dimension 1 with size 3");
        assertFailsUnchanged(IndexOutOfBoundsException.class, () -> x.set(9, -3, 0), inputs(x),
                "index -3 is out of bounds for dimension 0");
        assertFailsUnchanged(IndexOutOfBoundsException.class, () -> x.getDouble(0, 0, 0), inputs(x),
                "too many indices", "3", "[2, 3]");
        Tensor s = Nabla.tensor(1.0);
        assertFailsUnchanged(IndexOutOfBoundsException.class, () -> s.getDouble(0), inputs(s), "too many indices");
        assertFailsUnchanged(IllegalArgumentException.class, () -> x.getDouble(0), inputs(x), "item", "3 elements");
    }
}
