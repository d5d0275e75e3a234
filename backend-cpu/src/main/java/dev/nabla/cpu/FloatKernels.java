package dev.nabla.cpu;

import dev.nabla.cpu.simd.FloatMath;
import dev.nabla.spi.BinaryOp;
import dev.nabla.spi.UnaryOp;

/**
 * Same-index elementwise loops on float arrays over [from, to).
 * GENERATED from DoubleKernels.java by FloatKernelsGenerator: edit the template, then regenerate.
 */
@SuppressWarnings("cast")
final class FloatKernels {
    private static final float INV_SQRT2 = (float) (1 / Math.sqrt(2));

    private FloatKernels() {
    }

    static void unary(UnaryOp op, float[] a, float[] o, int from, int to) {
        switch (op) {
            case NEG -> { for (int i = from; i < to; i++) o[i] = -a[i]; }
            case ABS -> { for (int i = from; i < to; i++) o[i] = Math.abs(a[i]); }
            case SIGN -> { for (int i = from; i < to; i++) o[i] = a[i] > 0 ? 1 : a[i] < 0 ? -1 : 0; }
            case EXP -> { for (int i = from; i < to; i++) o[i] = FloatMath.exp(a[i]); }
            case LOG -> { for (int i = from; i < to; i++) o[i] = FloatMath.log(a[i]); }
            case LOG1P -> { for (int i = from; i < to; i++) o[i] = (float) Math.log1p(a[i]); }
            case EXPM1 -> { for (int i = from; i < to; i++) o[i] = (float) Math.expm1(a[i]); }
            case SQRT -> { for (int i = from; i < to; i++) o[i] = (float) Math.sqrt(a[i]); }
            case RSQRT -> { for (int i = from; i < to; i++) o[i] = (float) (1 / Math.sqrt(a[i])); }
            case RECIPROCAL -> { for (int i = from; i < to; i++) o[i] = 1 / a[i]; }
            case SIN -> { for (int i = from; i < to; i++) o[i] = (float) Math.sin(a[i]); }
            case COS -> { for (int i = from; i < to; i++) o[i] = (float) Math.cos(a[i]); }
            case TAN -> { for (int i = from; i < to; i++) o[i] = (float) Math.tan(a[i]); }
            case TANH -> { for (int i = from; i < to; i++) o[i] = FloatMath.tanh(a[i]); }
            case SIGMOID -> { for (int i = from; i < to; i++) o[i] = FloatMath.sigmoid(a[i]); }
            case RELU -> { for (int i = from; i < to; i++) o[i] = Math.max(a[i], 0); }
            case GELU -> { for (int i = from; i < to; i++) o[i] = (float) (a[i] * 0.5 * (1 + Erf.erf(a[i] * INV_SQRT2))); }
            case SILU -> { for (int i = from; i < to; i++) o[i] = (float) (a[i] / (1 + Math.exp(-a[i]))); }
            case SOFTPLUS -> {
                for (int i = from; i < to; i++) o[i] = (float) (Math.max(a[i], 0) + Math.log1p(Math.exp(-Math.abs(a[i]))));
            }
            case ERF -> { for (int i = from; i < to; i++) o[i] = (float) Erf.erf(a[i]); }
            case FLOOR -> { for (int i = from; i < to; i++) o[i] = (float) Math.floor(a[i]); }
            case CEIL -> { for (int i = from; i < to; i++) o[i] = (float) Math.ceil(a[i]); }
            case ROUND -> { for (int i = from; i < to; i++) o[i] = (float) Math.rint(a[i]); }
            default -> throw new IllegalArgumentException(op + " is not defined on float tensors");
        }
    }

    static void binary(BinaryOp op, float[] a, float[] b, float[] o, int from, int to) {
        switch (op) {
            case ADD -> { for (int i = from; i < to; i++) o[i] = a[i] + b[i]; }
            case SUB -> { for (int i = from; i < to; i++) o[i] = a[i] - b[i]; }
            case MUL -> { for (int i = from; i < to; i++) o[i] = a[i] * b[i]; }
            case DIV -> { for (int i = from; i < to; i++) o[i] = a[i] / b[i]; }
            case POW -> { for (int i = from; i < to; i++) o[i] = pow(a[i], b[i]); }
            case MAXIMUM -> { for (int i = from; i < to; i++) o[i] = Math.max(a[i], b[i]); }
            case MINIMUM -> { for (int i = from; i < to; i++) o[i] = Math.min(a[i], b[i]); }
            default -> throw new IllegalArgumentException(op + " does not produce a float tensor");
        }
    }

    /** {@code o = a op s} for a scalar right operand, the common {@code x * lr} case, without staging s. */
    static void binaryScalar(BinaryOp op, float[] a, float s, float[] o, int from, int to) {
        switch (op) {
            case ADD -> { for (int i = from; i < to; i++) o[i] = a[i] + s; }
            case SUB -> { for (int i = from; i < to; i++) o[i] = a[i] - s; }
            case MUL -> { for (int i = from; i < to; i++) o[i] = a[i] * s; }
            case DIV -> { for (int i = from; i < to; i++) o[i] = a[i] / s; }
            case POW -> {
                if (s == 2) {
                    for (int i = from; i < to; i++) o[i] = a[i] * a[i];
                } else if (s == 1) {
                    // pow(x, 1) is x for every x (autograd's rule for x^2 asks for it).
                    System.arraycopy(a, from, o, from, to - from);
                } else {
                    for (int i = from; i < to; i++) o[i] = pow(a[i], s);
                }
            }
            case MAXIMUM -> { for (int i = from; i < to; i++) o[i] = Math.max(a[i], s); }
            case MINIMUM -> { for (int i = from; i < to; i++) o[i] = Math.min(a[i], s); }
            default -> throw new IllegalArgumentException(op + " does not produce a float tensor");
        }
    }

    /** C99's pow, which PyTorch follows: unlike Math.pow, 1 to any power (even NaN) and -1 to an infinite power are 1. */
    private static float pow(float a, float b) {
        if (a == 1 || (a == -1 && Float.isInfinite(b))) return 1;
        return (float) Math.pow(a, b);
    }

    static void compare(BinaryOp op, float[] a, float[] b, boolean[] o, int from, int to) {
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

    /** {@code o = a op s} for a scalar right operand of a comparison. */
    static void compareScalar(BinaryOp op, float[] a, float s, boolean[] o, int from, int to) {
        switch (op) {
            case EQ -> { for (int i = from; i < to; i++) o[i] = a[i] == s; }
            case NE -> { for (int i = from; i < to; i++) o[i] = a[i] != s; }
            case LT -> { for (int i = from; i < to; i++) o[i] = a[i] < s; }
            case LE -> { for (int i = from; i < to; i++) o[i] = a[i] <= s; }
            case GT -> { for (int i = from; i < to; i++) o[i] = a[i] > s; }
            case GE -> { for (int i = from; i < to; i++) o[i] = a[i] >= s; }
            default -> throw new IllegalArgumentException(op + " is not a comparison");
        }
    }
}
