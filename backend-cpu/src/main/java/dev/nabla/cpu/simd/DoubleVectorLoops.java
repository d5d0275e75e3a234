package dev.nabla.cpu.simd;

import dev.nabla.spi.BinaryOp;
import dev.nabla.spi.UnaryOp;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

import java.util.Arrays;

import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.LT;
import static jdk.incubator.vector.VectorOperators.NE;

/**
 * Vector API loops on double arrays where each operand starts at its own offset and a scalar operand is one value
 * repeated. Each loop finishes with the plain kernels' expression for the last few elements, and every op here is
 * exact IEEE arithmetic, so results match the plain loops bit for bit wherever an element falls.
 * Template: FloatVectorLoops is generated from this file by FloatKernelsGenerator.
 */
@SuppressWarnings("cast")
final class DoubleVectorLoops {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private DoubleVectorLoops() {
    }

    /** True when {@link #unary} has a loop for op. */
    static boolean hasUnary(UnaryOp op) {
        return switch (op) {
            case NEG, ABS, SQRT, RECIPROCAL, RELU -> true;
            default -> false;
        };
    }

    /** True when {@link #binary} (arithmetic) or {@link #compare} (comparisons) has a loop for op. */
    static boolean hasBinary(BinaryOp op) {
        return switch (op) {
            case ADD, SUB, MUL, DIV, MAXIMUM, MINIMUM -> true;
            case EQ, NE, LT, LE, GT, GE -> Masks.storesDouble();
            default -> false;
        };
    }

    /** {@code o = op(a)} over n elements; a scalar {@code a} is computed once. */
    static void unary(UnaryOp op, double[] a, int ao, boolean as, double[] o, int oo, int n) {
        if (as) {
            unary(op, a, ao, false, o, oo, 1);
            Arrays.fill(o, oo + 1, oo + n, o[oo]);
            return;
        }
        switch (op) {
            case NEG -> neg(a, ao, o, oo, n);
            case ABS -> abs(a, ao, o, oo, n);
            case SQRT -> sqrt(a, ao, o, oo, n);
            case RECIPROCAL -> reciprocal(a, ao, o, oo, n);
            case RELU -> relu(a, ao, o, oo, n);
            default -> throw new IllegalArgumentException(op + " has no vector loop");
        }
    }

    /** {@code o = a op b} over n elements for an arithmetic op; a scalar operand is one element repeated. */
    static void binary(BinaryOp op, double[] a, int ao, boolean as, double[] b, int bo, boolean bs, double[] o, int oo,
                       int n) {
        if (as && bs) {
            binary(op, a, ao, false, b, bo, true, o, oo, 1);
            Arrays.fill(o, oo + 1, oo + n, o[oo]);
        } else if (bs) {
            double s = b[bo];
            switch (op) {
                case ADD -> addScalar(a, ao, s, o, oo, n);
                case SUB -> subScalar(a, ao, s, o, oo, n);
                case MUL -> mulScalar(a, ao, s, o, oo, n);
                case DIV -> divScalar(a, ao, s, o, oo, n);
                case MAXIMUM -> maxScalar(a, ao, s, o, oo, n);
                case MINIMUM -> minScalar(a, ao, s, o, oo, n);
                default -> throw new IllegalArgumentException(op + " has no vector loop");
            }
        } else if (as) {
            double s = a[ao];
            switch (op) {
                // IEEE addition, multiplication, max and min are commutative, NaN and signed zeros included.
                case ADD -> addScalar(b, bo, s, o, oo, n);
                case MUL -> mulScalar(b, bo, s, o, oo, n);
                case MAXIMUM -> maxScalar(b, bo, s, o, oo, n);
                case MINIMUM -> minScalar(b, bo, s, o, oo, n);
                case SUB -> rsub(s, b, bo, o, oo, n);
                case DIV -> rdiv(s, b, bo, o, oo, n);
                default -> throw new IllegalArgumentException(op + " has no vector loop");
            }
        } else {
            switch (op) {
                case ADD -> add(a, ao, b, bo, o, oo, n);
                case SUB -> sub(a, ao, b, bo, o, oo, n);
                case MUL -> mul(a, ao, b, bo, o, oo, n);
                case DIV -> div(a, ao, b, bo, o, oo, n);
                case MAXIMUM -> max(a, ao, b, bo, o, oo, n);
                case MINIMUM -> min(a, ao, b, bo, o, oo, n);
                default -> throw new IllegalArgumentException(op + " has no vector loop");
            }
        }
    }

    /** {@code o = a op b} over n elements for a comparison; a scalar operand is one element repeated. */
    static void compare(BinaryOp op, double[] a, int ao, boolean as, double[] b, int bo, boolean bs, boolean[] o,
                        int oo, int n) {
        if (as && bs) {
            compare(op, a, ao, false, b, bo, true, o, oo, 1);
            Arrays.fill(o, oo + 1, oo + n, o[oo]);
        } else if (as) {
            compare(swapped(op), b, bo, false, a, ao, true, o, oo, n);
        } else if (bs) {
            double s = b[bo];
            switch (op) {
                case EQ -> eqScalar(a, ao, s, o, oo, n);
                case NE -> neScalar(a, ao, s, o, oo, n);
                case LT -> ltScalar(a, ao, s, o, oo, n);
                case LE -> leScalar(a, ao, s, o, oo, n);
                case GT -> gtScalar(a, ao, s, o, oo, n);
                case GE -> geScalar(a, ao, s, o, oo, n);
                default -> throw new IllegalArgumentException(op + " is not a comparison");
            }
        } else {
            switch (op) {
                case EQ -> eq(a, ao, b, bo, o, oo, n);
                case NE -> ne(a, ao, b, bo, o, oo, n);
                case LT -> lt(a, ao, b, bo, o, oo, n);
                case LE -> le(a, ao, b, bo, o, oo, n);
                case GT -> gt(a, ao, b, bo, o, oo, n);
                case GE -> ge(a, ao, b, bo, o, oo, n);
                default -> throw new IllegalArgumentException(op + " is not a comparison");
            }
        }
    }

    /** The comparison that gives the same answer with its operands exchanged ({@code s < x} is {@code x > s}). */
    private static BinaryOp swapped(BinaryOp op) {
        return switch (op) {
            case LT -> BinaryOp.GT;
            case LE -> BinaryOp.GE;
            case GT -> BinaryOp.LT;
            case GE -> BinaryOp.LE;
            default -> op;
        };
    }

    /** {@code o = c ? a : b} over n elements of a dense condition; a scalar operand is one element repeated. */
    static void where(boolean[] c, int co, double[] a, int ao, boolean as, double[] b, int bo, boolean bs, double[] o,
                      int oo, int n) {
        if (as && bs) {
            whereBoth(c, co, a[ao], b[bo], o, oo, n);
        } else if (as) {
            whereThen(c, co, a[ao], b, bo, o, oo, n);
        } else if (bs) {
            whereElse(c, co, a, ao, b[bo], o, oo, n);
        } else {
            where(c, co, a, ao, b, bo, o, oo, n);
        }
    }

    private static DoubleVector load(double[] a, int at) {
        return DoubleVector.fromArray(S, a, at);
    }

    private static VectorMask<Double> mask(boolean[] c, int at) {
        return VectorMask.fromArray(S, c, at);
    }

    private static void neg(double[] a, int ao, double[] o, int oo, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += L) {
            load(a, ao + i).neg().intoArray(o, oo + i);
        }
        for (; i < n; i++) o[oo + i] = -a[ao + i];
    }

    private static void abs(double[] a, int ao, double[] o, int oo, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += L) {
            load(a, ao + i).abs().intoArray(o, oo + i);
        }
        for (; i < n; i++) o[oo + i] = Math.abs(a[ao + i]);
    }

    private static void sqrt(double[] a, int ao, double[] o, int oo, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += L) {
            load(a, ao + i).sqrt().intoArray(o, oo + i);
        }
        for (; i < n; i++) o[oo + i] = (double) Math.sqrt(a[ao + i]);
    }

    private static void reciprocal(double[] a, int ao, double[] o, int oo, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += L) {
            DoubleVector.broadcast(S, 1).div(load(a, ao + i)).intoArray(o, oo + i);
        }
        for (; i < n; i++) o[oo + i] = 1 / a[ao + i];
    }

    private static void relu(double[] a, int ao, double[] o, int oo, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += L) {
            load(a, ao + i).max(0).intoArray(o, oo + i);
        }
        for (; i < n; i++) o[oo + i] = Math.max(a[ao + i], 0);
    }

    private static void add(double[] a, int ao, double[] b, int bo, double[] o, int oo, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += L) {
            load(a, ao + i).add(load(b, bo + i)).intoArray(o, oo + i);
        }
        for (; i < n; i++) o[oo + i] = a[ao + i] + b[bo + i];
    }

    private static void addScalar(double[] a, int ao, double s, double[] o, int oo, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += L) {
            load(a, ao + i).add(s).intoArray(o, oo + i);
        }
        for (; i < n; i++) o[oo + i] = a[ao + i] + s;
    }

    private static void sub(double[] a, int ao, double[] b, int bo, double[] o, int oo, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += L) {
            load(a, ao + i).sub(load(b, bo + i)).intoArray(o, oo + i);
        }
        for (; i < n; i++) o[oo + i] = a[ao + i] - b[bo + i];
    }

    private static void subScalar(double[] a, int ao, double s, double[] o, int oo, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += L) {
            load(a, ao + i).sub(s).intoArray(o, oo + i);
        }
        for (; i < n; i++) o[oo + i] = a[ao + i] - s;
    }

    private static void mul(double[] a, int ao, double[] b, int bo, double[] o, int oo, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += L) {
            load(a, ao + i).mul(load(b, bo + i)).intoArray(o, oo + i);
        }
        for (; i < n; i++) o[oo + i] = a[ao + i] * b[bo + i];
    }

    private static void mulScalar(double[] a, int ao, double s, double[] o, int oo, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += L) {
            load(a, ao + i).mul(s).intoArray(o, oo + i);
        }
        for (; i < n; i++) o[oo + i] = a[ao + i] * s;
    }

    private static void div(double[] a, int ao, double[] b, int bo, double[] o, int oo, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += L) {
            load(a, ao + i).div(load(b, bo + i)).intoArray(o, oo + i);
        }
        for (; i < n; i++) o[oo + i] = a[ao + i] / b[bo + i];
    }

    private static void divScalar(double[] a, int ao, double s, double[] o, int oo, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += L) {
            load(a, ao + i).div(s).intoArray(o, oo + i);
        }
        for (; i < n; i++) o[oo + i] = a[ao + i] / s;
    }

    private static void max(double[] a, int ao, double[] b, int bo, double[] o, int oo, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += L) {
            load(a, ao + i).max(load(b, bo + i)).intoArray(o, oo + i);
        }
        for (; i < n; i++) o[oo + i] = Math.max(a[ao + i], b[bo + i]);
    }

    private static void maxScalar(double[] a, int ao, double s, double[] o, int oo, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += L) {
            load(a, ao + i).max(s).intoArray(o, oo + i);
        }
        for (; i < n; i++) o[oo + i] = Math.max(a[ao + i], s);
    }

    private static void min(double[] a, int ao, double[] b, int bo, double[] o, int oo, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += L) {
            load(a, ao + i).min(load(b, bo + i)).intoArray(o, oo + i);
        }
        for (; i < n; i++) o[oo + i] = Math.min(a[ao + i], b[bo + i]);
    }

    private static void minScalar(double[] a, int ao, double s, double[] o, int oo, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += L) {
            load(a, ao + i).min(s).intoArray(o, oo + i);
        }
        for (; i < n; i++) o[oo + i] = Math.min(a[ao + i], s);
    }

    private static void rsub(double s, double[] b, int bo, double[] o, int oo, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += L) {
            DoubleVector.broadcast(S, s).sub(load(b, bo + i)).intoArray(o, oo + i);
        }
        for (; i < n; i++) o[oo + i] = s - b[bo + i];
    }

    private static void rdiv(double s, double[] b, int bo, double[] o, int oo, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += L) {
            DoubleVector.broadcast(S, s).div(load(b, bo + i)).intoArray(o, oo + i);
        }
        for (; i < n; i++) o[oo + i] = s / b[bo + i];
    }

    private static void eq(double[] a, int ao, double[] b, int bo, boolean[] o, int oo, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += L) {
            Masks.storeDouble(load(a, ao + i).compare(EQ, load(b, bo + i)), o, oo + i);
        }
        for (; i < n; i++) o[oo + i] = a[ao + i] == b[bo + i];
    }

    private static void eqScalar(double[] a, int ao, double s, boolean[] o, int oo, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += L) {
            Masks.storeDouble(load(a, ao + i).compare(EQ, s), o, oo + i);
        }
        for (; i < n; i++) o[oo + i] = a[ao + i] == s;
    }

    private static void ne(double[] a, int ao, double[] b, int bo, boolean[] o, int oo, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += L) {
            Masks.storeDouble(load(a, ao + i).compare(NE, load(b, bo + i)), o, oo + i);
        }
        for (; i < n; i++) o[oo + i] = a[ao + i] != b[bo + i];
    }

    private static void neScalar(double[] a, int ao, double s, boolean[] o, int oo, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += L) {
            Masks.storeDouble(load(a, ao + i).compare(NE, s), o, oo + i);
        }
        for (; i < n; i++) o[oo + i] = a[ao + i] != s;
    }

    private static void lt(double[] a, int ao, double[] b, int bo, boolean[] o, int oo, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += L) {
            Masks.storeDouble(load(a, ao + i).compare(LT, load(b, bo + i)), o, oo + i);
        }
        for (; i < n; i++) o[oo + i] = a[ao + i] < b[bo + i];
    }

    private static void ltScalar(double[] a, int ao, double s, boolean[] o, int oo, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += L) {
            Masks.storeDouble(load(a, ao + i).compare(LT, s), o, oo + i);
        }
        for (; i < n; i++) o[oo + i] = a[ao + i] < s;
    }

    private static void le(double[] a, int ao, double[] b, int bo, boolean[] o, int oo, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += L) {
            Masks.storeDouble(load(a, ao + i).compare(LE, load(b, bo + i)), o, oo + i);
        }
        for (; i < n; i++) o[oo + i] = a[ao + i] <= b[bo + i];
    }

    private static void leScalar(double[] a, int ao, double s, boolean[] o, int oo, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += L) {
            Masks.storeDouble(load(a, ao + i).compare(LE, s), o, oo + i);
        }
        for (; i < n; i++) o[oo + i] = a[ao + i] <= s;
    }

    private static void gt(double[] a, int ao, double[] b, int bo, boolean[] o, int oo, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += L) {
            Masks.storeDouble(load(a, ao + i).compare(GT, load(b, bo + i)), o, oo + i);
        }
        for (; i < n; i++) o[oo + i] = a[ao + i] > b[bo + i];
    }

    private static void gtScalar(double[] a, int ao, double s, boolean[] o, int oo, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += L) {
            Masks.storeDouble(load(a, ao + i).compare(GT, s), o, oo + i);
        }
        for (; i < n; i++) o[oo + i] = a[ao + i] > s;
    }

    private static void ge(double[] a, int ao, double[] b, int bo, boolean[] o, int oo, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += L) {
            Masks.storeDouble(load(a, ao + i).compare(GE, load(b, bo + i)), o, oo + i);
        }
        for (; i < n; i++) o[oo + i] = a[ao + i] >= b[bo + i];
    }

    private static void geScalar(double[] a, int ao, double s, boolean[] o, int oo, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += L) {
            Masks.storeDouble(load(a, ao + i).compare(GE, s), o, oo + i);
        }
        for (; i < n; i++) o[oo + i] = a[ao + i] >= s;
    }

    private static void where(boolean[] c, int co, double[] a, int ao, double[] b, int bo, double[] o, int oo, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += L) {
            load(b, bo + i).blend(load(a, ao + i), mask(c, co + i)).intoArray(o, oo + i);
        }
        for (; i < n; i++) o[oo + i] = c[co + i] ? a[ao + i] : b[bo + i];
    }

    private static void whereElse(boolean[] c, int co, double[] a, int ao, double s, double[] o, int oo, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += L) {
            DoubleVector.broadcast(S, s).blend(load(a, ao + i), mask(c, co + i)).intoArray(o, oo + i);
        }
        for (; i < n; i++) o[oo + i] = c[co + i] ? a[ao + i] : s;
    }

    private static void whereThen(boolean[] c, int co, double s, double[] b, int bo, double[] o, int oo, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += L) {
            load(b, bo + i).blend(s, mask(c, co + i)).intoArray(o, oo + i);
        }
        for (; i < n; i++) o[oo + i] = c[co + i] ? s : b[bo + i];
    }

    private static void whereBoth(boolean[] c, int co, double s, double t, double[] o, int oo, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += L) {
            DoubleVector.broadcast(S, t).blend(s, mask(c, co + i)).intoArray(o, oo + i);
        }
        for (; i < n; i++) o[oo + i] = c[co + i] ? s : t;
    }
}
