package dev.nabla.cpu;

import dev.nabla.spi.BinaryOp;
import dev.nabla.spi.UnaryOp;

/** Same-index logical loops on boolean arrays. */
final class BoolKernels {
    private BoolKernels() {
    }

    static void unary(UnaryOp op, boolean[] a, boolean[] o, int from, int to) {
        if (op != UnaryOp.LOGICAL_NOT) throw new IllegalArgumentException(op + " is not defined on bool tensors");
        for (int i = from; i < to; i++) o[i] = !a[i];
    }

    static void binary(BinaryOp op, boolean[] a, boolean[] b, boolean[] o, int from, int to) {
        switch (op) {
            case LOGICAL_AND -> { for (int i = from; i < to; i++) o[i] = a[i] & b[i]; }
            case LOGICAL_OR -> { for (int i = from; i < to; i++) o[i] = a[i] | b[i]; }
            default -> throw new IllegalArgumentException(op + " is not defined on bool tensors");
        }
    }

    /** {@code o = c ? a : b} for the storage type of {@code o}, chosen once per call. */
    static void where(boolean[] c, Object a, Object b, Object o, int from, int to) {
        if (o instanceof float[] out) {
            float[] x = (float[]) a;
            float[] y = (float[]) b;
            for (int i = from; i < to; i++) out[i] = c[i] ? x[i] : y[i];
        } else if (o instanceof double[] out) {
            double[] x = (double[]) a;
            double[] y = (double[]) b;
            for (int i = from; i < to; i++) out[i] = c[i] ? x[i] : y[i];
        } else if (o instanceof long[] out) {
            long[] x = (long[]) a;
            long[] y = (long[]) b;
            for (int i = from; i < to; i++) out[i] = c[i] ? x[i] : y[i];
        } else if (o instanceof int[] out) {
            int[] x = (int[]) a;
            int[] y = (int[]) b;
            for (int i = from; i < to; i++) out[i] = c[i] ? x[i] : y[i];
        } else {
            boolean[] out = (boolean[]) o;
            boolean[] x = (boolean[]) a;
            boolean[] y = (boolean[]) b;
            for (int i = from; i < to; i++) out[i] = c[i] ? x[i] : y[i];
        }
    }
}
