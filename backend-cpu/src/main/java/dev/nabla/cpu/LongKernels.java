package dev.nabla.cpu;

import dev.nabla.spi.BinaryOp;
import dev.nabla.spi.UnaryOp;

/** Same-index elementwise loops on long arrays, the compute type of every integer and bool arithmetic op. */
final class LongKernels {
    private LongKernels() {
    }

    static void unary(UnaryOp op, long[] a, long[] o, int from, int to) {
        switch (op) {
            case NEG -> { for (int i = from; i < to; i++) o[i] = -a[i]; }
            case ABS -> { for (int i = from; i < to; i++) o[i] = Math.abs(a[i]); }
            case SIGN -> { for (int i = from; i < to; i++) o[i] = Long.signum(a[i]); }
            case RELU -> { for (int i = from; i < to; i++) o[i] = Math.max(a[i], 0); }
            default -> throw new IllegalArgumentException(op + " is not defined on integer tensors");
        }
    }

    static void binary(BinaryOp op, long[] a, long[] b, long[] o, int from, int to) {
        switch (op) {
            case ADD -> { for (int i = from; i < to; i++) o[i] = a[i] + b[i]; }
            case SUB -> { for (int i = from; i < to; i++) o[i] = a[i] - b[i]; }
            case MUL -> { for (int i = from; i < to; i++) o[i] = a[i] * b[i]; }
            case POW -> { for (int i = from; i < to; i++) o[i] = pow(a[i], b[i]); }
            case MAXIMUM -> { for (int i = from; i < to; i++) o[i] = Math.max(a[i], b[i]); }
            case MINIMUM -> { for (int i = from; i < to; i++) o[i] = Math.min(a[i], b[i]); }
            default -> throw new IllegalArgumentException(op + " does not produce an integer tensor");
        }
    }

    static void compare(BinaryOp op, long[] a, long[] b, boolean[] o, int from, int to) {
        switch (op) {
            case EQ -> { for (int i = from; i < to; i++) o[i] = a[i] == b[i]; }
            case NE -> { for (int i = from; i < to; i++) o[i] = a[i] != b[i]; }
            case LT -> { for (int i = from; i < to; i++) o[i] = a[i] < b[i]; }
            case LE -> { for (int i = from; i < to; i++) o[i] = a[i] <= b[i]; }
            case GT -> { for (int i = from; i < to; i++) o[i] = a[i] > b[i]; }
            case GE -> { for (int i = from; i < to; i++) o[i] = a[i] >= b[i]; }
            default -> throw new IllegalArgumentException(op + " is not a comparison");
        }
    }

    /**
     * Integer power by squaring, wrapping on overflow like C. A negative exponent truncates as PyTorch's powi:
     * 1 for base 1, +-1 for base -1 (by the exponent's parity), 0 for any other base.
     */
    static long pow(long base, long exponent) {
        if (exponent < 0) return base == 1 ? 1 : base == -1 ? ((exponent & 1) == 0 ? 1 : -1) : 0;
        long result = 1;
        long b = base;
        for (long e = exponent; e > 0; e >>= 1) {
            if ((e & 1) != 0) result *= b;
            b *= b;
        }
        return result;
    }
}
