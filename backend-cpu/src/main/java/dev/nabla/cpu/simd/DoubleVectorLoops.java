package dev.nabla.cpu.simd;

import dev.nabla.spi.BinaryOp;
import dev.nabla.spi.UnaryOp;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.util.Arrays;

/**
 * Vector API loops on double arrays where each operand starts at its own offset and a scalar operand is one value
 * repeated. Each loop finishes with the plain kernels' expression for the last few elements, and every op here is
 * exact IEEE arithmetic, so results match the plain loops bit for bit wherever an element falls. One loop serves
 * all ops of a kind, switching inside (C2 hoists the switch): until C2 compiles a loop, the Vector API runs it
 * about a hundred times slower than plain Java, and a shared loop gets there after a few hundred calls of any op
 * instead of a few hundred calls of each.
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
            Arrays.fill(o, oo, oo + n, unary(op, a[ao]));
            return;
        }
        DoubleVector one = DoubleVector.broadcast(S, 1);
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += L) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            DoubleVector r = switch (op) {
                case NEG -> x.neg();
                case ABS -> x.abs();
                case SQRT -> x.sqrt();
                case RECIPROCAL -> one.div(x);
                case RELU -> x.max(0);
                default -> throw new IllegalArgumentException(op + " has no vector loop");
            };
            r.intoArray(o, oo + i);
        }
        for (; i < n; i++) o[oo + i] = unary(op, a[ao + i]);
    }

    /** The plain kernels' expression for one element. */
    private static double unary(UnaryOp op, double x) {
        return switch (op) {
            case NEG -> -x;
            case ABS -> Math.abs(x);
            case SQRT -> (double) Math.sqrt(x);
            case RECIPROCAL -> 1 / x;
            case RELU -> Math.max(x, 0);
            default -> throw new IllegalArgumentException(op + " has no vector loop");
        };
    }

    /** {@code o = a op b} over n elements for an arithmetic op; a scalar operand is one element repeated. */
    static void binary(BinaryOp op, double[] a, int ao, boolean as, double[] b, int bo, boolean bs, double[] o, int oo,
                       int n) {
        DoubleVector va = DoubleVector.broadcast(S, a[ao]);
        DoubleVector vb = DoubleVector.broadcast(S, b[bo]);
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += L) {
            DoubleVector x = as ? va : DoubleVector.fromArray(S, a, ao + i);
            DoubleVector y = bs ? vb : DoubleVector.fromArray(S, b, bo + i);
            DoubleVector r = switch (op) {
                case ADD -> x.add(y);
                case SUB -> x.sub(y);
                case MUL -> x.mul(y);
                case DIV -> x.div(y);
                case MAXIMUM -> x.max(y);
                case MINIMUM -> x.min(y);
                default -> throw new IllegalArgumentException(op + " has no vector loop");
            };
            r.intoArray(o, oo + i);
        }
        for (; i < n; i++) o[oo + i] = binary(op, a[as ? ao : ao + i], b[bs ? bo : bo + i]);
    }

    private static double binary(BinaryOp op, double x, double y) {
        return switch (op) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case DIV -> x / y;
            case MAXIMUM -> Math.max(x, y);
            case MINIMUM -> Math.min(x, y);
            default -> throw new IllegalArgumentException(op + " has no vector loop");
        };
    }

    /** {@code o = a op b} over n elements for a comparison; a scalar operand is one element repeated. */
    static void compare(BinaryOp op, double[] a, int ao, boolean as, double[] b, int bo, boolean bs, boolean[] o,
                        int oo, int n) {
        DoubleVector va = DoubleVector.broadcast(S, a[ao]);
        DoubleVector vb = DoubleVector.broadcast(S, b[bo]);
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += L) {
            DoubleVector x = as ? va : DoubleVector.fromArray(S, a, ao + i);
            DoubleVector y = bs ? vb : DoubleVector.fromArray(S, b, bo + i);
            VectorMask<Double> m = switch (op) {
                case EQ -> x.compare(VectorOperators.EQ, y);
                case NE -> x.compare(VectorOperators.NE, y);
                case LT -> x.compare(VectorOperators.LT, y);
                case LE -> x.compare(VectorOperators.LE, y);
                case GT -> x.compare(VectorOperators.GT, y);
                case GE -> x.compare(VectorOperators.GE, y);
                default -> throw new IllegalArgumentException(op + " is not a comparison");
            };
            Masks.storeDouble(m, o, oo + i);
        }
        for (; i < n; i++) o[oo + i] = compare(op, a[as ? ao : ao + i], b[bs ? bo : bo + i]);
    }

    private static boolean compare(BinaryOp op, double x, double y) {
        return switch (op) {
            case EQ -> x == y;
            case NE -> x != y;
            case LT -> x < y;
            case LE -> x <= y;
            case GT -> x > y;
            case GE -> x >= y;
            default -> throw new IllegalArgumentException(op + " is not a comparison");
        };
    }

    /** {@code o = c ? a : b} over n elements of a dense condition; a scalar operand is one element repeated. */
    static void where(boolean[] c, int co, double[] a, int ao, boolean as, double[] b, int bo, boolean bs, double[] o,
                      int oo, int n) {
        DoubleVector va = DoubleVector.broadcast(S, a[ao]);
        DoubleVector vb = DoubleVector.broadcast(S, b[bo]);
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += L) {
            DoubleVector x = as ? va : DoubleVector.fromArray(S, a, ao + i);
            DoubleVector y = bs ? vb : DoubleVector.fromArray(S, b, bo + i);
            y.blend(x, VectorMask.fromArray(S, c, co + i)).intoArray(o, oo + i);
        }
        for (; i < n; i++) o[oo + i] = c[co + i] ? a[as ? ao : ao + i] : b[bs ? bo : bo + i];
    }
}
