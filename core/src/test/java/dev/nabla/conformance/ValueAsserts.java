package dev.nabla.conformance;

import dev.nabla.Tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Value checks that also hold for infinite expectations (which a relative tolerance would accept anything for). */
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
    static void assertSame(Tensor t, int[] shape, double... expected) {
        assertClose(t, shape, expected, 0);
    }
}
