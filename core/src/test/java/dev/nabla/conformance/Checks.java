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

    /** The storage index of each element of {@code view} in row-major order, from its public shape, strides and offset. */
    static int[] positions(Tensor view) {
        int[] shape = view.shape();
        int[] strides = view.strides();
        int n = view.numel();
        int[] out = new int[n];
        int[] idx = new int[shape.length];
        for (int i = 0; i < n; i++) {
            int p = view.storageOffset();
            for (int d = 0; d < shape.length; d++) p += idx[d] * strides[d];
            out[i] = p;
            for (int d = shape.length - 1; d >= 0; d--) {
                if (++idx[d] < shape[d]) break;
                idx[d] = 0;
            }
        }
        return out;
    }

    /**
     * A contiguous copy of {@code view} gathered in Java from the values of {@code base}, a contiguous tensor at offset 0
     * that the view looks into, so that it does not depend on the library's strided copy.
     */
    static Tensor denseCopy(Tensor base, Tensor view) {
        assertTrue(base.isContiguous() && base.storageOffset() == 0 && view.sharesStorageWith(base), "setup");
        int[] at = positions(view);
        int n = at.length;
        Tensor flat = switch (base.dtype()) {
            case FLOAT32 -> {
                float[] src = base.toFloatArray();
                float[] dst = new float[n];
                for (int i = 0; i < n; i++) dst[i] = src[at[i]];
                yield Nabla.tensor(dst);
            }
            case FLOAT64 -> {
                double[] src = base.toDoubleArray();
                double[] dst = new double[n];
                for (int i = 0; i < n; i++) dst[i] = src[at[i]];
                yield Nabla.tensor(dst);
            }
            case INT32 -> {
                int[] src = base.toIntArray();
                int[] dst = new int[n];
                for (int i = 0; i < n; i++) dst[i] = src[at[i]];
                yield Nabla.tensor(dst);
            }
            case INT64 -> {
                long[] src = base.toLongArray();
                long[] dst = new long[n];
                for (int i = 0; i < n; i++) dst[i] = src[at[i]];
                yield Nabla.tensor(dst);
            }
            case BOOL -> {
                boolean[] src = base.toBooleanArray();
                boolean[] dst = new boolean[n];
                for (int i = 0; i < n; i++) dst[i] = src[at[i]];
                yield Nabla.tensor(dst);
            }
        };
        return flat.reshape(view.shape());
    }

    /** An enum constant's name as the Tensor method that exposes it: LOGICAL_NOT becomes logicalNot. */
    static String camel(String constant) {
        String[] words = constant.toLowerCase(java.util.Locale.ROOT).split("_");
        StringBuilder out = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) out.append(Character.toUpperCase(words[i].charAt(0))).append(words[i], 1,
                words[i].length());
        return out.toString();
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
