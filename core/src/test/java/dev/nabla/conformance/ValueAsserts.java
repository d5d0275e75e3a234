package dev.nabla.conformance;

import dev.nabla.DType;
import dev.nabla.Tensor;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions the contracts share: values that may be infinite, BOOL results, and error messages. */
final class ValueAsserts {
    private ValueAsserts() {
    }

    /** Shape, then each value: NaN and infinities exactly, finite values within {@code tol} relative (absolute below 1). */
    static void assertClose(Tensor t, int[] shape, double[] expected, double tol) {
        assertArrayEquals(shape, t.shape(), "shape of " + t);
        double[] actual = t.toDoubleArray();
        assertEquals(expected.length, actual.length, "element count of " + t);
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i];
            if (Double.isNaN(e) || Double.isInfinite(e)) {
                assertEquals(e, actual[i], "element " + i + " of " + t);
            } else {
                assertEquals(e, actual[i], tol * Math.max(1, Math.abs(e)), "element " + i + " of " + t);
            }
        }
    }

    /** {@link #assertClose} with no tolerance. */
    static void assertExactly(Tensor t, int[] shape, double... expected) {
        assertClose(t, shape, expected, 0);
    }

    /** Asserts that {@code body} throws with a message naming all of {@code parts}. */
    static void assertMessage(Executable body, String... parts) {
        RuntimeException e = assertThrows(RuntimeException.class, body);
        for (String p : parts) assertTrue(e.getMessage().contains(p), "'" + p + "' missing from: " + e.getMessage());
    }

    /** Asserts a BOOL tensor's shape and values. */
    static void assertBools(Tensor t, int[] shape, boolean... expected) {
        assertEquals(DType.BOOL, t.dtype(), "dtype of " + t);
        assertArrayEquals(shape, t.shape(), "shape of " + t);
        assertArrayEquals(expected, t.toBooleanArray(), "values of " + t);
    }
}
