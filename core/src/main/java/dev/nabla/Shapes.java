package dev.nabla;

import java.util.Arrays;

/** Shape arithmetic shared by every op: sizes, strides, broadcasting, dim wrapping, and how shapes print in errors. */
final class Shapes {
    private Shapes() {
    }

    /** Product of the sizes, rejecting negative sizes and totals beyond the 2^31-1 elements a tensor may hold. */
    static int numel(int[] shape) {
        long n = 1;
        for (int s : shape) {
            if (s < 0) throw new IllegalArgumentException("invalid shape " + str(shape) + ": sizes must be >= 0");
            n *= s;
            if (n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("shape " + str(shape) + " has more than 2^31-1 elements, "
                        + "the most a Nabla tensor can hold");
            }
        }
        return (int) n;
    }

    /** {@link #numel(int[])} for a shape a user passed to {@code op}, whose name starts the error message. */
    static int numel(String op, int[] shape) {
        try {
            return numel(shape);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(op + ": " + e.getMessage(), e);
        }
    }


    /** Prints a shape as PyTorch lists it in messages: {@code [2, 3]}. */
    static String str(int[] shape) {
        return Arrays.toString(shape);
    }

    /** The broadcast shape of two shapes, following NumPy's rules (align right, sizes equal or 1). */
    static int[] broadcast(String op, int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            int db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException(op + ": shapes " + str(a) + " and " + str(b)
                        + " cannot be broadcast: size " + da + " and size " + db + " differ at dim " + i
                        + " of the broadcast shape, and neither is 1");
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /** Broadcasts any number of shapes together; the error lists every shape, as an intermediate one would mislead. */
    static int[] broadcast(String op, int[]... shapes) {
        int[] out = shapes[0];
        for (int i = 1; i < shapes.length; i++) {
            try {
                out = broadcast(op, out, shapes[i]);
            } catch (IllegalArgumentException e) {
                if (shapes.length == 2) throw e;
                StringBuilder all = new StringBuilder();
                for (int j = 0; j < shapes.length; j++) {
                    all.append(j == 0 ? "" : j == shapes.length - 1 ? " and " : ", ").append(str(shapes[j]));
                }
                throw new IllegalArgumentException(op + ": shapes " + all + " cannot be broadcast together", e);
            }
        }
        return out;
    }

    /** Turns a possibly negative dim into an index in [0, rank), as PyTorch does, or throws naming the op. */
    static int wrapDim(String op, int dim, int rank) {
        int max = Math.max(rank, 1);
        if (dim < -max || dim >= max) {
            throw new IndexOutOfBoundsException(op + ": dim " + dim + " is out of range for a tensor of rank "
                    + rank + " (expected a dim in [" + (-max) + ", " + (max - 1) + "])");
        }
        return dim < 0 ? dim + max : dim;
    }

    /** Wraps every dim, sorts them and rejects repeats. */
    static int[] wrapDims(String op, int[] dims, int rank) {
        int[] out = new int[dims.length];
        for (int i = 0; i < dims.length; i++) out[i] = wrapDim(op, dims[i], rank);
        Arrays.sort(out);
        for (int i = 1; i < out.length; i++) {
            if (out[i] == out[i - 1]) {
                throw new IllegalArgumentException(op + ": dim " + out[i] + " appears more than once in "
                        + Arrays.toString(dims));
            }
        }
        return out;
    }

    /** All dims 0..rank-1. */
    static int[] allDims(int rank) {
        int[] dims = new int[rank];
        for (int i = 0; i < rank; i++) dims[i] = i;
        return dims;
    }

    /** The shape left after reducing {@code dims} (sorted): removed, or kept with size 1. */
    static int[] reducedShape(int[] shape, int[] dims, boolean keepdim) {
        int[] kept = shape.clone();
        for (int d : dims) kept[d] = 1;
        if (keepdim) return kept;
        int[] out = new int[shape.length - dims.length];
        for (int d = 0, j = 0, k = 0; d < shape.length; d++) {
            if (k < dims.length && dims[k] == d) {
                k++;
            } else {
                out[j++] = shape[d];
            }
        }
        return out;
    }
}
