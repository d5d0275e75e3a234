package dev.nabla.conformance;

import dev.nabla.DType;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.TensorOptions;
import org.junit.jupiter.api.Test;

import static dev.nabla.conformance.Checks.assertFails;
import static dev.nabla.conformance.Checks.make;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Factories from Java data, filled tensors, ranges, the *Like forms, TensorOptions, dtype conversion, clone, contiguous. */
public abstract class CreationContract extends DeviceTestBase {

    private void assertTensor(Tensor t, DType dtype, int[] shape, double... values) {
        assertEquals(dtype, t.dtype(), "dtype of " + t);
        assertEquals(device(), t.device(), "device of " + t);
        assertExact(t, shape, values);
    }

    @Test
    void fromJavaArrays() {
        float[] f = {1.5f, -2, 3};
        Tensor tf = Nabla.tensor(f);
        f[0] = 99;
        assertTensor(tf, DType.FLOAT32, shape(3), 1.5, -2, 3);
        assertTensor(Nabla.tensor(new float[] {1, 2, 3, 4, 5, 6}, 2, 3), DType.FLOAT32, shape(2, 3), 1, 2, 3, 4, 5, 6);
        double[] d = {0.1, -0.0};
        Tensor td = Nabla.tensor(d);
        d[0] = 99;
        assertTensor(td, DType.FLOAT64, shape(2), 0.1, -0.0);
        Checks.assertNegativeZero(td, 1);
        assertTensor(Nabla.tensor(new int[] {7, -8, 9, 10}, 2, 1, 2), DType.INT32, shape(2, 1, 2), 7, -8, 9, 10);
        Tensor tl = Nabla.tensor(new long[] {Long.MAX_VALUE, Long.MIN_VALUE});
        assertEquals(DType.INT64, tl.dtype());
        assertArrayEquals(new long[] {Long.MAX_VALUE, Long.MIN_VALUE}, tl.toLongArray());
        assertTensor(Nabla.tensor(new boolean[] {true, false, true}, 3, 1), DType.BOOL, shape(3, 1), 1, 0, 1);
        assertTensor(Nabla.tensor(new float[0]), DType.FLOAT32, shape(0));
        assertTensor(Nabla.tensor(new long[0], 2, 0), DType.INT64, shape(2, 0));
        assertFails(IllegalArgumentException.class, () -> Nabla.tensor(new float[] {1, 2, 3}, 2, 2), "tensor",
                "[2, 2]", "4 elements", "has 3");
        assertFails(IllegalArgumentException.class, () -> Nabla.tensor(new int[] {1, 2}, -1, -2), "tensor",
                "[-1, -2]");
    }

    @Test
    void fromTwoDimensionalArrays() {
        assertTensor(Nabla.tensor(new float[][] {{1, 2, 3}, {4, 5, 6}}), DType.FLOAT32, shape(2, 3), 1, 2, 3, 4, 5, 6);
        assertTensor(Nabla.tensor(new double[][] {{0.5}, {-1}}), DType.FLOAT64, shape(2, 1), 0.5, -1);
        assertTensor(Nabla.tensor(new double[][] {{}}), DType.FLOAT64, shape(1, 0));
        assertTensor(Nabla.tensor(new float[0][]), DType.FLOAT32, shape(0, 0));
        assertFails(IllegalArgumentException.class, () -> Nabla.tensor(new float[][] {{1, 2, 3}, {4, 5}}), "tensor",
                "rectangular", "row 1 has 2", "row 0 has 3");
        assertFails(IllegalArgumentException.class, () -> Nabla.tensor(new double[][] {{1}, {2}, {}}), "tensor",
                "row 2 has 0");
    }

    @Test
    void fromJavaScalars() {
        assertTensor(Nabla.tensor(2.5), DType.FLOAT32, shape(), 2.5);
        assertTensor(Nabla.tensor(3L), DType.INT64, shape(), 3);
        assertTensor(Nabla.tensor(3), DType.INT64, shape(), 3);
        assertTensor(Nabla.tensor(true), DType.BOOL, shape(), 1);
        assertEquals(Long.MIN_VALUE, Nabla.tensor(Long.MIN_VALUE).itemLong());
        Nabla.setDefaultDtype(DType.FLOAT64);
        try {
            assertTensor(Nabla.tensor(0.1), DType.FLOAT64, shape(), 0.1);
        } finally {
            Nabla.setDefaultDtype(DType.FLOAT32);
        }
    }

    @Test
    void filledFactories() {
        assertTensor(Nabla.zeros(2, 3), DType.FLOAT32, shape(2, 3), 0, 0, 0, 0, 0, 0);
        assertTensor(Nabla.zeros(DType.INT32, 2), DType.INT32, shape(2), 0, 0);
        assertTensor(Nabla.zeros(TensorOptions.of(DType.INT64), 1, 2), DType.INT64, shape(1, 2), 0, 0);
        assertTensor(Nabla.zeros(), DType.FLOAT32, shape(), 0);
        assertTensor(Nabla.zeros(0, 4), DType.FLOAT32, shape(0, 4));
        assertTensor(Nabla.ones(2), DType.FLOAT32, shape(2), 1, 1);
        assertTensor(Nabla.ones(DType.BOOL, 2), DType.BOOL, shape(2), 1, 1);
        assertTensor(Nabla.ones(TensorOptions.of(DType.FLOAT64), 1), DType.FLOAT64, shape(1), 1);
        assertTensor(Nabla.full(shape(2), 2.5), DType.FLOAT32, shape(2), 2.5, 2.5);
        assertTensor(Nabla.full(shape(2), 7L), DType.INT64, shape(2), 7, 7);
        assertTensor(Nabla.full(shape(1, 2), 3), DType.INT64, shape(1, 2), 3, 3);
        assertTensor(Nabla.full(shape(2), true), DType.BOOL, shape(2), 1, 1);
        assertTensor(Nabla.full(shape(2), false), DType.BOOL, shape(2), 0, 0);
        assertTensor(Nabla.full(shape(2), 0.1, TensorOptions.of(DType.FLOAT64)), DType.FLOAT64, shape(2), 0.1, 0.1);
        assertTensor(Nabla.full(shape(2), -2.7, TensorOptions.of(DType.INT32)), DType.INT32, shape(2), -2, -2);
        assertTensor(Nabla.full(shape(), Double.NaN), DType.FLOAT32, shape(), Double.NaN);
        assertTensor(Nabla.empty(2, 3), DType.FLOAT32, shape(2, 3), 0, 0, 0, 0, 0, 0);
        assertTensor(Nabla.empty(DType.INT64, 2), DType.INT64, shape(2), 0, 0);
        assertTensor(Nabla.empty(TensorOptions.of(DType.BOOL), 1), DType.BOOL, shape(1), 0);
        Nabla.setDefaultDtype(DType.FLOAT64);
        try {
            assertEquals(DType.FLOAT64, Nabla.zeros(1).dtype());
            assertEquals(DType.FLOAT64, Nabla.ones(1).dtype());
            assertEquals(DType.FLOAT64, Nabla.full(shape(1), 0.5).dtype());
            assertEquals(DType.INT64, Nabla.full(shape(1), 5L).dtype());
        } finally {
            Nabla.setDefaultDtype(DType.FLOAT32);
        }
        assertFails(IllegalArgumentException.class, () -> Nabla.zeros(2, -1), "zeros", "[2, -1]");
        assertFails(IllegalArgumentException.class, () -> Nabla.ones(-3), "ones", "[-3]");
        assertFails(IllegalArgumentException.class, () -> Nabla.full(shape(-1), 1.0), "full", "[-1]");
        assertFails(IllegalArgumentException.class, () -> Nabla.empty(-1, 2), "[-1, 2]");
    }

    @Test
    void eye() {
        assertTensor(Nabla.eye(3), DType.FLOAT32, shape(3, 3), 1, 0, 0, 0, 1, 0, 0, 0, 1);
        assertTensor(Nabla.eye(2, 3), DType.FLOAT32, shape(2, 3), 1, 0, 0, 0, 1, 0);
        assertTensor(Nabla.eye(3, 2), DType.FLOAT32, shape(3, 2), 1, 0, 0, 1, 0, 0);
        assertTensor(Nabla.eye(1), DType.FLOAT32, shape(1, 1), 1);
        assertTensor(Nabla.eye(0), DType.FLOAT32, shape(0, 0));
        assertTensor(Nabla.eye(2, 0), DType.FLOAT32, shape(2, 0));
        assertTensor(Nabla.eye(2, 2, TensorOptions.of(DType.INT64)), DType.INT64, shape(2, 2), 1, 0, 0, 1);
        assertTensor(Nabla.eye(2, 2, TensorOptions.of(DType.BOOL)), DType.BOOL, shape(2, 2), 1, 0, 0, 1);
        assertFails(IllegalArgumentException.class, () -> Nabla.eye(-1), "eye", "-1");
    }

    @Test
    void arange() {
        assertTensor(Nabla.arange(5), DType.INT64, shape(5), 0, 1, 2, 3, 4);
        assertTensor(Nabla.arange(2, 5), DType.INT64, shape(3), 2, 3, 4);
        assertTensor(Nabla.arange(5, 0, -2), DType.INT64, shape(3), 5, 3, 1);
        assertTensor(Nabla.arange(0, 10, 3), DType.INT64, shape(4), 0, 3, 6, 9);
        assertTensor(Nabla.arange(3, 3), DType.INT64, shape(0));
        assertTensor(Nabla.arange(0), DType.INT64, shape(0));
        assertTensor(Nabla.arange(0.0, 1.0, 0.25), DType.FLOAT32, shape(4), 0, 0.25, 0.5, 0.75);
        assertTensor(Nabla.arange(1, 2.5, 0.5), DType.FLOAT32, shape(3), 1, 1.5, 2);
        assertTensor(Nabla.arange(0, -1, -0.25), DType.FLOAT32, shape(4), 0, -0.25, -0.5, -0.75);
        assertEquals(10, Nabla.arange(0, 1, 0.1).numel(), "ceil((1 - 0) / 0.1) elements");
        assertEquals(3, Nabla.arange(0, 1, 0.4).numel());
        Nabla.setDefaultDtype(DType.FLOAT64);
        try {
            assertTensor(Nabla.arange(0.5, 2, 0.5), DType.FLOAT64, shape(3), 0.5, 1, 1.5);
        } finally {
            Nabla.setDefaultDtype(DType.FLOAT32);
        }
        assertFails(IllegalArgumentException.class, () -> Nabla.arange(0, 5, 0), "arange", "step", "nonzero");
        assertFails(IllegalArgumentException.class, () -> Nabla.arange(0.0, 1.0, 0.0), "arange", "nonzero");
        assertFails(IllegalArgumentException.class, () -> Nabla.arange(5, 0, 1), "arange", "inconsistent");
        assertFails(IllegalArgumentException.class, () -> Nabla.arange(-3), "arange", "inconsistent");
        assertFails(IllegalArgumentException.class, () -> Nabla.arange(0, 1, -0.5), "arange", "inconsistent");
        assertFails(IllegalArgumentException.class, () -> Nabla.arange(0, Double.POSITIVE_INFINITY, 1.0), "arange",
                "finite");
        assertFails(IllegalArgumentException.class, () -> Nabla.arange(0, Double.NaN, 1.0), "arange", "finite");
    }

    @Test
    void rangeIncludesItsEnd() {
        assertTensor(Nabla.range(2, 8, 1), DType.FLOAT32, shape(7), 2, 3, 4, 5, 6, 7, 8);
        assertTensor(Nabla.range(0, 1, 0.25), DType.FLOAT32, shape(5), 0, 0.25, 0.5, 0.75, 1);
        assertTensor(Nabla.range(5, 1, -2), DType.FLOAT32, shape(3), 5, 3, 1);
        assertTensor(Nabla.range(0, 0.9, 0.5), DType.FLOAT32, shape(2), 0, 0.5);
        assertTensor(Nabla.range(3, 3, 1), DType.FLOAT32, shape(1), 3);
        assertFails(IllegalArgumentException.class, () -> Nabla.range(0, 1, 0), "range", "nonzero");
        assertFails(IllegalArgumentException.class, () -> Nabla.range(1, 0, 1), "range", "inconsistent");
    }

    @Test
    void linspace() {
        assertTensor(Nabla.linspace(0, 1, 5), DType.FLOAT32, shape(5), 0, 0.25, 0.5, 0.75, 1);
        assertTensor(Nabla.linspace(-1, 1, 3), DType.FLOAT32, shape(3), -1, 0, 1);
        assertTensor(Nabla.linspace(1, 0, 3), DType.FLOAT32, shape(3), 1, 0.5, 0);
        assertTensor(Nabla.linspace(3, 7, 1), DType.FLOAT32, shape(1), 3);
        assertTensor(Nabla.linspace(3, 7, 0), DType.FLOAT32, shape(0));
        assertTensor(Nabla.linspace(0, 10, 11), DType.FLOAT32, shape(11), 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        Nabla.setDefaultDtype(DType.FLOAT64);
        try {
            Tensor t = Nabla.linspace(0, 0.3, 4);
            assertEquals(DType.FLOAT64, t.dtype());
            assertEquals(0.0, t.getDouble(0));
            assertEquals(0.3, t.getDouble(3), "both ends are exact");
            assertValues(t, shape(4), new double[] {0, 0.1, 0.2, 0.3}, 1e-15);
        } finally {
            Nabla.setDefaultDtype(DType.FLOAT32);
        }
        assertFails(IllegalArgumentException.class, () -> Nabla.linspace(0, 1, -1), "linspace", "-1");
    }

    @Test
    void likeFormsKeepDtypeAndDevice() {
        Tensor ints = make(DType.INT32, 1, 2, 3, 4, 5, 6).reshape(2, 3);
        assertTensor(Nabla.zerosLike(ints), DType.INT32, shape(2, 3), 0, 0, 0, 0, 0, 0);
        assertTensor(Nabla.onesLike(ints.t()), DType.INT32, shape(3, 2), 1, 1, 1, 1, 1, 1);
        assertTensor(Nabla.emptyLike(ints), DType.INT32, shape(2, 3), 0, 0, 0, 0, 0, 0);
        assertTensor(Nabla.fullLike(ints, 7), DType.INT32, shape(2, 3), 7, 7, 7, 7, 7, 7);
        assertTensor(Nabla.fullLike(make(DType.INT64, 0, 0), 2.9), DType.INT64, shape(2), 2, 2);
        assertTensor(Nabla.fullLike(make(DType.FLOAT64, 0), 0.1), DType.FLOAT64, shape(1), 0.1);
        assertTensor(Nabla.onesLike(make(DType.BOOL, 0, 0)), DType.BOOL, shape(2), 1, 1);
        assertTensor(Nabla.zerosLike(Nabla.tensor(3.0)), DType.FLOAT32, shape(), 0);
        Tensor expanded = make(DType.FLOAT64, 5).reshape(1, 1).expand(2, 2);
        Tensor like = Nabla.onesLike(expanded);
        assertTensor(like, DType.FLOAT64, shape(2, 2), 1, 1, 1, 1);
        assertTrue(like.isContiguous(), "a *Like tensor is dense even when its model is a view");
        assertFalse(like.sharesStorageWith(expanded));
    }

    @Test
    void tensorOptions() {
        TensorOptions none = TensorOptions.defaults();
        assertEquals(DType.FLOAT64, none.dtypeOr(DType.FLOAT64));
        assertEquals(Nabla.getDefaultDevice(), none.deviceOrDefault());
        TensorOptions ints = TensorOptions.of(DType.INT64);
        TensorOptions placed = ints.device(device());
        assertEquals(DType.INT64, placed.dtypeOr(DType.FLOAT32));
        assertEquals(device(), placed.deviceOrDefault());
        assertEquals(DType.INT64, ints.dtypeOr(DType.FLOAT32));
        TensorOptions floats = placed.dtype(DType.FLOAT64);
        assertEquals(DType.FLOAT64, floats.dtypeOr(DType.FLOAT32));
        assertEquals(DType.INT64, placed.dtypeOr(DType.FLOAT32), "options are immutable");
        assertEquals(device(), TensorOptions.on(device()).deviceOrDefault());
        assertTrue(placed.toString().contains("int64"), placed.toString());
        assertTensor(Nabla.zeros(placed, 2), DType.INT64, shape(2), 0, 0);
        assertTensor(Nabla.ones(TensorOptions.on(device()), 1), DType.FLOAT32, shape(1), 1);
        assertTensor(Nabla.full(shape(1), 4, TensorOptions.on(device())), DType.FLOAT32, shape(1), 4);
    }

    @Test
    void dtypeConversions() {
        Tensor f = make(DType.FLOAT64, 1.7, -1.7, 0.5, -0.5, 2, -0.0);
        assertTensor(f.to(DType.INT32), DType.INT32, shape(6), 1, -1, 0, 0, 2, 0);
        assertTensor(f.to(DType.INT64), DType.INT64, shape(6), 1, -1, 0, 0, 2, 0);
        assertTensor(make(DType.FLOAT32, 2.99f, -2.99f).to(DType.INT64), DType.INT64, shape(2), 2, -2);
        assertTensor(make(DType.FLOAT64, 0.5, 0, -0.0, Double.NaN, -2, 1e-300).to(DType.BOOL), DType.BOOL, shape(6),
                1, 0, 0, 1, 1, 1);
        assertTensor(make(DType.INT32, 0, 3, -1).to(DType.BOOL), DType.BOOL, shape(3), 0, 1, 1);
        assertTensor(make(DType.BOOL, 1, 0).to(DType.INT32), DType.INT32, shape(2), 1, 0);
        assertTensor(make(DType.BOOL, 1, 0).to(DType.FLOAT64), DType.FLOAT64, shape(2), 1, 0);
        assertTensor(make(DType.INT32, 7, -8).to(DType.FLOAT32), DType.FLOAT32, shape(2), 7, -8);
        Tensor wide = Nabla.tensor(new long[] {(1L << 32) + 5, 1L << 31, (1L << 53) + 1});
        assertArrayEquals(new int[] {5, Integer.MIN_VALUE, 1}, wide.to(DType.INT32).toIntArray(), "int64 -> int32 wraps");
        assertEquals(0x1p53, wide.to(DType.FLOAT64).getDouble(2), "nearest double");
        assertEquals(1.0f, make(DType.FLOAT64, 1 + 0x1p-30).to(DType.FLOAT32).getFloat(0));
        assertEquals(0.1f, make(DType.FLOAT64, 0.1).to(DType.FLOAT32).getFloat(0));
        Tensor same = make(DType.FLOAT32, 1);
        assertSame(same, same.to(DType.FLOAT32), "to(its own dtype) is a no-op");
        assertSame(same, same.to(device()));
        Tensor view = make(DType.FLOAT64, 1.5, 2.5, 3.5, 4.5).reshape(2, 2).t();
        assertTensor(view.to(DType.INT64), DType.INT64, shape(2, 2), 1, 3, 2, 4);
    }

    @Test
    void cloneIsIndependent() {
        Tensor x = make(DType.FLOAT32, 1, 2, 3, 4).reshape(2, 2);
        Tensor c = x.clone();
        assertNotSame(x, c);
        assertFalse(c.sharesStorageWith(x));
        assertEquals(0, c.version());
        c.fill_(9.0);
        assertExact(x, shape(2, 2), 1, 2, 3, 4);
        x.fill_(0.0);
        assertExact(c, shape(2, 2), 9, 9, 9, 9);
        Tensor t = make(DType.INT64, 1, 2, 3, 4, 5, 6).reshape(2, 3).t();
        Tensor ct = t.clone();
        assertTrue(ct.isContiguous());
        assertEquals(DType.INT64, ct.dtype());
        assertTensor(ct, DType.INT64, shape(3, 2), 1, 4, 2, 5, 3, 6);
        Tensor e = make(DType.BOOL, 1).reshape(1, 1).expand(2, 3).clone();
        e.set(0, 1, 2);
        assertTensor(e, DType.BOOL, shape(2, 3), 1, 1, 1, 1, 1, 0);
    }

    @Test
    void contiguousReturnsThisWhenAlreadyContiguous() {
        Tensor x = make(DType.FLOAT32, 1, 2, 3, 4, 5, 6).reshape(2, 3);
        assertSame(x, x.contiguous());
        Tensor row = x.narrow(0, 1, 1);
        assertSame(row, row.contiguous(), "an offset but dense view needs no copy");
        Tensor t = x.t();
        Tensor ct = t.contiguous();
        assertNotSame(t, ct);
        assertTrue(ct.isContiguous());
        assertFalse(t.isContiguous());
        assertExact(ct, shape(3, 2), 1, 4, 2, 5, 3, 6);
        assertFalse(ct.sharesStorageWith(x));
        Tensor stepped = x.slice(1, 0, 3, 2);
        assertExact(stepped.contiguous(), shape(2, 2), 1, 3, 4, 6);
        assertTrue(stepped.contiguous().isContiguous());
        Tensor expanded = x.select(0, 0).expand(2, 3);
        assertExact(expanded.contiguous(), shape(2, 3), 1, 2, 3, 1, 2, 3);
        assertTrue(expanded.contiguous().isContiguous());
    }
}
