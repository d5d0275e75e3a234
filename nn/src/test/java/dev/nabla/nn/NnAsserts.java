package dev.nabla.nn;

import dev.nabla.Tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions the nn tests share. */
final class NnAsserts {
    private NnAsserts() {
    }

    /** Shape, then each value within {@code tol} absolute. */
    static void assertClose(double[] expected, int[] shape, Tensor actual, double tol) {
        assertArrayEquals(shape, actual.shape(), "shape");
        double[] a = actual.toDoubleArray();
        assertEquals(expected.length, a.length, "element count");
        for (int i = 0; i < a.length; i++) assertEquals(expected[i], a[i], tol, "element " + i);
    }

    /** Same shape and values within {@code tol}. */
    static void assertClose(Tensor expected, Tensor actual, double tol) {
        assertClose(expected.toDoubleArray(), expected.shape(), actual, tol);
    }

    /** {@code body} throws an exception whose message contains every part. */
    static void assertMessage(org.junit.jupiter.api.function.Executable body, String... parts) {
        RuntimeException e = assertThrows(RuntimeException.class, body);
        for (String p : parts) assertTrue(e.getMessage().contains(p), "'" + p + "' missing from: " + e.getMessage());
    }

    /** Mean of the values. */
    static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    /** Population standard deviation of the values. */
    static double std(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) s += (x - m) * (x - m);
        return Math.sqrt(s / v.length);
    }
}
