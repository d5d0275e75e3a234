package dev.nabla.cpu.simd;

import dev.nabla.DType;
import dev.nabla.spi.BinaryOp;
import dev.nabla.spi.UnaryOp;
import jdk.incubator.vector.FloatVector;

import java.util.Arrays;

/** The Vector API loops; loaded by name from {@link ElementwiseKernels} only when the incubator module is readable. */
final class VectorElementwiseKernels extends ElementwiseKernels {

    @Override
    public String unsuitable() {
        return VectorSuitability.unsuitable();
    }

    @Override
    public int minElements() {
        return 4096;
    }

    @Override
    public String name() {
        return "Vector API loops (" + FloatVector.SPECIES_PREFERRED.vectorBitSize() + "-bit)";
    }

    @Override
    public boolean supports(UnaryOp op, DType t) {
        return switch (t) {
            case FLOAT32 -> FloatVectorLoops.hasUnary(op) || transcendental(op);
            case FLOAT64 -> DoubleVectorLoops.hasUnary(op);
            default -> false;
        };
    }

    private static boolean transcendental(UnaryOp op) {
        return op == UnaryOp.EXP || op == UnaryOp.LOG
                || ((op == UnaryOp.SIGMOID || op == UnaryOp.TANH) && FloatVectorMath.widens());
    }

    @Override
    public boolean supports(BinaryOp op, DType t) {
        return switch (t) {
            case FLOAT32 -> FloatVectorLoops.hasBinary(op);
            case FLOAT64 -> DoubleVectorLoops.hasBinary(op);
            default -> false;
        };
    }

    @Override
    public boolean supportsWhere(DType t) {
        return t == DType.FLOAT32 || t == DType.FLOAT64;
    }

    @Override
    public void unary(UnaryOp op, Object a, int ao, boolean as, Object o, int oo, int n) {
        if (!(a instanceof float[] x)) {
            DoubleVectorLoops.unary(op, (double[]) a, ao, as, (double[]) o, oo, n);
            return;
        }
        float[] y = (float[]) o;
        if (!transcendental(op)) {
            FloatVectorLoops.unary(op, x, ao, as, y, oo, n);
        } else if (as) {
            y[oo] = scalar(op, x[ao]);
            Arrays.fill(y, oo + 1, oo + n, y[oo]);
        } else {
            if (op == UnaryOp.EXP || op == UnaryOp.LOG) {
                FloatVectorMath.expLog(op == UnaryOp.EXP, x, ao, y, oo, n);
            } else {
                FloatVectorMath.sigmoidTanh(op == UnaryOp.SIGMOID, x, ao, y, oo, n);
            }
        }
    }

    private static float scalar(UnaryOp op, float x) {
        return switch (op) {
            case EXP -> FloatMath.exp(x);
            case LOG -> FloatMath.log(x);
            case SIGMOID -> FloatMath.sigmoid(x);
            default -> FloatMath.tanh(x);
        };
    }

    @Override
    public void binary(BinaryOp op, Object a, int ao, boolean as, Object b, int bo, boolean bs, Object o, int oo,
                       int n) {
        if (op.isComparison()) {
            if (a instanceof float[] x) {
                FloatVectorLoops.compare(op, x, ao, as, (float[]) b, bo, bs, (boolean[]) o, oo, n);
            } else {
                DoubleVectorLoops.compare(op, (double[]) a, ao, as, (double[]) b, bo, bs, (boolean[]) o, oo, n);
            }
        } else if (a instanceof float[] x) {
            FloatVectorLoops.binary(op, x, ao, as, (float[]) b, bo, bs, (float[]) o, oo, n);
        } else {
            DoubleVectorLoops.binary(op, (double[]) a, ao, as, (double[]) b, bo, bs, (double[]) o, oo, n);
        }
    }

    @Override
    public void where(boolean[] c, int co, Object a, int ao, boolean as, Object b, int bo, boolean bs, Object o,
                      int oo, int n) {
        if (a instanceof float[] x) {
            FloatVectorLoops.where(c, co, x, ao, as, (float[]) b, bo, bs, (float[]) o, oo, n);
        } else {
            DoubleVectorLoops.where(c, co, (double[]) a, ao, as, (double[]) b, bo, bs, (double[]) o, oo, n);
        }
    }
}
