package dev.nabla.nn;

import java.util.Arrays;

/** Per-dimension settings of the convolution and pooling layers: expansion, checks, and Python's tuple printing. */
final class Tuples {
    private Tuples() {
    }

    /** {@code value} repeated {@code n} times, as PyTorch's {@code _pair}. */
    static int[] repeat(int value, int n) {
        int[] out = new int[n];
        Arrays.fill(out, value);
        return out;
    }

    /** A copy of {@code values} after checking it has {@code n} entries (the error names the op and the setting). */
    static int[] check(String op, String name, int[] values, int n) {
        if (values == null || values.length != n) {
            throw new IllegalArgumentException(op + ": expected " + name + " to have " + n + " value" + (n == 1 ? "" : "s")
                    + ", but got " + (values == null ? "null" : Arrays.toString(values)));
        }
        return values.clone();
    }

    /** Throws unless every value is at least {@code min}. */
    static void atLeast(String op, String name, int[] values, int min) {
        for (int v : values) {
            if (v < min) {
                throw new IllegalArgumentException(op + ": " + name + " must be " + (min == 0 ? "non-negative" : "positive")
                        + ", but got " + PyRepr.ofTuple(values));
            }
        }
    }

    /** The repr of a setting PyTorch stores as given: the tuple, or the single int it was made from. */
    static String show(int[] values, boolean tuple) {
        return tuple ? PyRepr.ofTuple(values) : String.valueOf(values[0]);
    }

    /** A shape of {@code rank} ones except {@code n} at {@code dim}: a per-channel vector's broadcast view. */
    static int[] alongDim(int rank, int dim, int n) {
        int[] shape = new int[rank];
        java.util.Arrays.fill(shape, 1);
        shape[dim] = n;
        return shape;
    }
}
