package dev.nabla.conformance;

import dev.nabla.DType;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import org.junit.jupiter.api.function.Executable;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions shared by the elementwise contracts: error messages, untouched inputs, bit-identical results. */
final class Checks {
    private Checks() {
    }

    /** Expects {@code call} to throw {@code type} with a message containing every fragment; returns the exception. */
    static <T extends Throwable> T assertFails(Class<T> type, Executable call, String... fragments) {
        T e = assertThrows(type, call);
        String message = e.getMessage();
        for (String f : fragments) {
            assertTrue(message != null && message.contains(f), "message should contain '" + f + "' but was: " + message);
        }
        return e;
    }

    /** {@link #assertFails}, and every input keeps its dtype, shape, values and version. */
    static <T extends Throwable> T assertFailsUnchanged(Class<T> type, Executable call, Tensor[] inputs,
                                                        String... fragments) {
        Object[] before = new Object[inputs.length];
        for (int i = 0; i < inputs.length; i++) before[i] = snapshot(inputs[i]);
        T e = assertFails(type, call, fragments);
        for (int i = 0; i < inputs.length; i++) {
            assertEquals(before[i], snapshot(inputs[i]), "input " + i + " changed by a failed call");
        }
        return e;
    }

    /** Shorthand for the inputs of {@link #assertFailsUnchanged}. */
    static Tensor[] inputs(Tensor... tensors) {
        return tensors;
    }

    /** A value-comparable record of everything a failed call must not change. */
    private static String snapshot(Tensor t) {
        return t.dtype() + " " + Arrays.toString(t.shape()) + " v" + t.version() + " " + Arrays.toString(bits(t));
    }

    /** The elements as exact bit patterns: floats keep -0.0 and NaN distinct, integers keep every bit. */
    static long[] bits(Tensor t) {
        if (t.dtype() == DType.FLOAT32) {
            float[] v = t.toFloatArray();
            long[] out = new long[v.length];
            for (int i = 0; i < v.length; i++) out[i] = Float.floatToIntBits(v[i]);
            return out;
        }
        if (t.dtype() == DType.FLOAT64) {
            return Arrays.stream(t.toDoubleArray()).mapToLong(Double::doubleToLongBits).toArray();
        }
        return t.toLongArray();
    }

    /** Asserts equal dtype, shape and bit-identical elements. */
    static void assertSameBits(Tensor expected, Tensor actual, String what) {
        assertEquals(expected.dtype(), actual.dtype(), what + ": dtype");
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        assertArrayEquals(bits(expected), bits(actual), what + ": elements");
    }

    /** {@code f} applied to each input the way a tensor of {@code dtype} holds it (rounded through float for FLOAT32). */
    static double[] map(double[] in, DType dtype, DoubleUnaryOperator f) {
        double[] out = new double[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = dtype == DType.FLOAT32 ? (float) f.applyAsDouble((float) in[i]) : f.applyAsDouble(in[i]);
        }
        return out;
    }

    /** A 1-d tensor of {@code dtype} built from the Java array type that holds it (no conversion by the library). */
    static Tensor make(DType dtype, double... v) {
        int n = v.length;
        switch (dtype) {
            case FLOAT32 -> {
                float[] a = new float[n];
                for (int i = 0; i < n; i++) a[i] = (float) v[i];
                return Nabla.tensor(a);
            }
            case FLOAT64 -> {
                return Nabla.tensor(v.clone());
            }
            case INT32 -> {
                int[] a = new int[n];
                for (int i = 0; i < n; i++) a[i] = (int) v[i];
                return Nabla.tensor(a);
            }
            case INT64 -> {
                long[] a = new long[n];
                for (int i = 0; i < n; i++) a[i] = (long) v[i];
                return Nabla.tensor(a);
            }
            default -> {
                boolean[] a = new boolean[n];
                for (int i = 0; i < n; i++) a[i] = v[i] != 0;
                return Nabla.tensor(a);
            }
        }
    }

    /** Relative tolerance for a floating dtype: a few float32 ulps, or a few hundred float64 ulps. */
    static double tol(DType dtype) {
        return dtype == DType.FLOAT32 ? 2e-6 : 1e-13;
    }

    /** Asserts that {@code t} holds exactly -0.0 at flat index {@code i}. */
    static void assertNegativeZero(Tensor t, int i) {
        double v = t.toDoubleArray()[i];
        assertEquals(Double.doubleToLongBits(-0.0), Double.doubleToLongBits(v), "element " + i + " should be -0.0 but was "
                + v);
    }

    /** Asserts that {@code t} holds exactly +0.0 at flat index {@code i}. */
    static void assertPositiveZero(Tensor t, int i) {
        double v = t.toDoubleArray()[i];
        assertEquals(Double.doubleToLongBits(0.0), Double.doubleToLongBits(v), "element " + i + " should be +0.0 but was "
                + v);
    }
}
