package dev.nabla;

import dev.nabla.spi.BinaryOp;
import dev.nabla.spi.UnaryOp;

/** Elementwise ops: dtype rules (PyTorch's promotion), broadcasting, and compositions of the primitives. */
final class Elementwise {
    private Elementwise() {
    }

    /** The dtype a backend computes {@code t} in: INT32 and BOOL widen to INT64. */
    static DType computeType(DType t) {
        return t == DType.INT32 || t == DType.BOOL ? DType.INT64 : t;
    }

    static Tensor requireFloating(String op, Tensor x) {
        if (!x.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException(op + ": expected a floating point tensor, but got " + x.dtype()
                    + " (convert with to(DType.FLOAT32))");
        }
        return x;
    }

    static Tensor unary(String name, UnaryOp op, Tensor x) {
        DType t = x.dtype();
        if (op.acceptsIntegers()) {
            if (t == DType.BOOL) {
                if (op == UnaryOp.SIGN) return x.clone();
                throw new IllegalArgumentException(name + ": not supported on a " + t + " tensor"
                        + (op == UnaryOp.NEG ? "; to invert a mask use logicalNot()" : ""));
            }
            if (t == DType.INT32) return Dispatch.unary(op, x.to(DType.INT64)).to(DType.INT32);
            return Dispatch.unary(op, x);
        }
        return Dispatch.unary(op, t.isFloatingPoint() ? x : x.to(Defaults.dtype()));
    }

    /** Activations PyTorch defines only on floating tensors. */
    static Tensor activation(String name, UnaryOp op, Tensor x) {
        return Dispatch.unary(op, requireFloating(name, x));
    }

    /** floor, ceil and round: identity on integers. */
    static Tensor rounding(String name, UnaryOp op, Tensor x) {
        if (x.dtype() == DType.BOOL) throw new IllegalArgumentException(name + ": not supported on a torch.bool tensor");
        return x.dtype().isIntegral() ? x.clone() : Dispatch.unary(op, x);
    }

    /** Arithmetic on two tensors with promotion; BOOL and INT32 compute in INT64 and convert back. */
    static Tensor binary(String name, BinaryOp op, Tensor a, Tensor b) {
        Dispatch.sameDevice(name, a, b);
        DType result = Promotion.of(a, b);
        return arithmetic(name, op, a, b, result);
    }

    static Tensor binary(String name, BinaryOp op, Tensor a, Number value) {
        DType result = Promotion.of(a, value);
        return arithmetic(name, op, a, Scalars.wrap(value, result, a.device()), result);
    }

    private static Tensor arithmetic(String name, BinaryOp op, Tensor a, Tensor b, DType result) {
        if (op == BinaryOp.SUB) checkSub(name, a, b);
        int[] shape = Shapes.broadcast(name, a.shape, b.shape);
        DType compute = computeType(result);
        Tensor out = Dispatch.binary(op, a.to(compute), b.to(compute), shape);
        return out.to(result);
    }

    static Tensor add(String name, Tensor a, Tensor b, double alpha) {
        return alpha == 1 ? binary(name, BinaryOp.ADD, a, b) : binary(name, BinaryOp.ADD, a, scaled(name, a, b, alpha));
    }

    static Tensor sub(String name, Tensor a, Tensor b, double alpha) {
        checkSub(name, a, b);
        return alpha == 1 ? binary(name, BinaryOp.SUB, a, b) : binary(name, BinaryOp.SUB, a, scaled(name, a, b, alpha));
    }

    /** PyTorch rejects subtraction with any bool operand. */
    private static void checkSub(String name, Tensor a, Tensor b) {
        boolean boolA = a.dtype() == DType.BOOL;
        boolean boolB = b.dtype() == DType.BOOL;
        if (boolA && boolB) {
            throw new IllegalArgumentException(name + ": subtraction with two bool tensors is not supported; use ne() "
                    + "(logical xor) instead");
        }
        if (boolA || boolB) {
            throw new IllegalArgumentException(name + ": subtraction with a bool tensor is not supported (got "
                    + a.dtype() + " and " + b.dtype() + "); to invert a mask use logicalNot()");
        }
    }

    /** {@code alpha * b} with PyTorch's rule that integer inputs take only integer alphas. */
    private static Tensor scaled(String name, Tensor a, Tensor b, double alpha) {
        Number n = Scalars.natural(alpha);
        if (!(n instanceof Long) && !Promotion.of(a, b).isFloatingPoint()) {
            throw new IllegalArgumentException(name + ": for integral input tensors, alpha must not be a floating point "
                    + "number, got " + alpha);
        }
        return binary(name, BinaryOp.MUL, b, n);
    }

    /** True division: integer inputs produce the default floating dtype. */
    static Tensor div(Tensor a, Tensor b) {
        Dispatch.sameDevice("div", a, b);
        DType result = floatingResult(Promotion.of(a, b));
        return Dispatch.binary(BinaryOp.DIV, a.to(result), b.to(result), Shapes.broadcast("div", a.shape, b.shape));
    }

    static Tensor div(Tensor a, double value) {
        DType result = floatingResult(Promotion.of(a, value));
        return Dispatch.binary(BinaryOp.DIV, a.to(result), Scalars.wrap(value, result, a.device()), a.shape);
    }

    private static DType floatingResult(DType t) {
        return t.isFloatingPoint() ? t : Defaults.dtype();
    }

    static Tensor pow(Tensor base, Tensor exponent) {
        Dispatch.sameDevice("pow", base, exponent);
        DType result = Promotion.of(base, exponent);
        return arithmetic("pow", BinaryOp.POW, base, exponent, result);
    }

    static Tensor pow(Tensor base, Number exponent) {
        DType result = Promotion.of(base, exponent);
        if (!result.isFloatingPoint() && exponent.longValue() < 0) {
            throw new IllegalArgumentException("pow: integers to negative integer powers are not allowed (exponent "
                    + exponent + " on a " + base.dtype() + " tensor)");
        }
        return arithmetic("pow", BinaryOp.POW, base, Scalars.wrap(exponent, result, base.device()), result);
    }

    /** Comparisons give BOOL; inputs are promoted to a common dtype first. */
    static Tensor compare(String name, BinaryOp op, Tensor a, Tensor b) {
        Dispatch.sameDevice(name, a, b);
        DType compute = computeType(Promotion.of(a, b));
        return Dispatch.binary(op, a.to(compute), b.to(compute), Shapes.broadcast(name, a.shape, b.shape));
    }

    static Tensor compare(String name, BinaryOp op, Tensor a, Number value) {
        DType compute = computeType(Promotion.of(a, value));
        return Dispatch.binary(op, a.to(compute), Scalars.wrap(value, compute, a.device()), a.shape);
    }

    /** Logical ops treat non-zero as true and give BOOL. */
    static Tensor logical(String name, BinaryOp op, Tensor a, Tensor b) {
        Dispatch.sameDevice(name, a, b);
        return Dispatch.binary(op, a.to(DType.BOOL), b.to(DType.BOOL), Shapes.broadcast(name, a.shape, b.shape));
    }

    static Tensor logicalNot(Tensor x) {
        return Dispatch.unary(UnaryOp.LOGICAL_NOT, x.to(DType.BOOL));
    }

    /** {@code cond ? a : b} with broadcasting over all three and a and b promoted together. */
    static Tensor where(Tensor cond, Tensor a, Tensor b) {
        if (cond.dtype() != DType.BOOL) {
            throw new IllegalArgumentException("where: expected the condition to be a torch.bool tensor, but got "
                    + cond.dtype());
        }
        Dispatch.sameDevice("where", cond, a, b);
        DType result = Promotion.of(a, b);
        int[] shape = Shapes.broadcast("where", cond.shape, a.shape, b.shape);
        return Dispatch.where(cond, a.to(result), b.to(result), shape);
    }

    /** {@code cond ? a : value} where the value keeps a's dtype unless it is a float meeting an integer tensor. */
    static Tensor where(Tensor cond, Tensor a, Number value, boolean valueFirst) {
        DType result = Promotion.of(a, value);
        Tensor v = Scalars.wrap(value, result, a.device());
        return valueFirst ? where(cond, v, a) : where(cond, a, v);
    }

    /** PyTorch's clamp: {@code min(max(x, lo), hi)}; if lo &gt; hi every element becomes hi; NaN stays NaN. */
    static Tensor clamp(Tensor x, Double min, Double max) {
        if (min == null && max == null) {
            throw new IllegalArgumentException("clamp: at least one of min or max must be given");
        }
        Tensor r = x;
        if (min != null) {
            Number lo = x.dtype().isFloatingPoint() ? min : Scalars.natural(min);
            r = where(r.lt(min), r, lo, true);
        }
        if (max != null) {
            Number hi = x.dtype().isFloatingPoint() ? max : Scalars.natural(max);
            r = where(r.gt(max), r, hi, true);
        }
        return r == x ? x.clone() : r;
    }

    static Tensor clamp(Tensor x, Tensor min, Tensor max) {
        if (min == null && max == null) {
            throw new IllegalArgumentException("clamp: at least one of min or max must be given");
        }
        Dispatch.sameDevice("clamp", min == null ? x : min, max == null ? x : max, x);
        if (min != null && max != null) {
            Shapes.broadcast("clamp", x.shape, min.shape, max.shape);
        } else {
            Shapes.broadcast("clamp", x.shape, (min != null ? min : max).shape);
        }
        // A NaN bound gives NaN, as in PyTorch's clamp kernel.
        Tensor r = x;
        if (min != null) r = where(r.lt(min).logicalOr(min.ne(min)), min, r);
        if (max != null) r = where(r.gt(max).logicalOr(max.ne(max)), max, r);
        return r;
    }

    static Tensor maskedFill(Tensor x, Tensor mask, double value) {
        return maskedFill(x, mask, maskedFillValue(x, mask, value));
    }

    /** The fill value of {@code maskedFill} as a scalar tensor of x's dtype, after checking the mask and the value. */
    static Tensor maskedFillValue(Tensor x, Tensor mask, double value) {
        requireBoolMask(mask);
        Number v = x.dtype().isFloatingPoint() ? value : Scalars.natural(value);
        if (!x.dtype().isFloatingPoint() && v instanceof Double) {
            throw new IllegalArgumentException("maskedFill: cannot fill a " + x.dtype() + " tensor with the non-integer value "
                    + value);
        }
        return Scalars.wrap(v, x.dtype(), x.device());
    }

    static Tensor maskedFill(Tensor x, Tensor mask, Tensor value) {
        requireBoolMask(mask);
        if (value.dim() != 0) {
            throw new IllegalArgumentException("maskedFill: only supports a 0-dimension value tensor, but got one with "
                    + value.dim() + " dimension(s) (shape " + Shapes.str(value.shape) + ")");
        }
        Dispatch.sameDevice("maskedFill", x, mask, value);
        return Dispatch.where(mask, value.to(x.dtype()), x, Shapes.broadcast("maskedFill", mask.shape, x.shape));
    }

    private static void requireBoolMask(Tensor mask) {
        if (mask.dtype() != DType.BOOL) {
            throw new IllegalArgumentException("maskedFill: expected the mask to be a torch.bool tensor, but got "
                    + mask.dtype());
        }
    }

    static Tensor leakyRelu(Tensor x, double slope) {
        requireFloating("leakyRelu", x);
        return Dispatch.where(x.gt(0.0), x, x.mul(slope), x.shape);
    }

    static Tensor elu(Tensor x, double alpha) {
        requireFloating("elu", x);
        return Dispatch.where(x.gt(0.0), x, x.expm1().mul(alpha), x.shape);
    }

    static Tensor softplus(Tensor x, double beta, double threshold) {
        requireFloating("softplus", x);
        Tensor scaled = beta == 1 ? x : x.mul(beta);
        Tensor soft = Dispatch.unary(UnaryOp.SOFTPLUS, scaled);
        if (beta != 1) soft = soft.div(beta);
        return Dispatch.where(scaled.gt(threshold), x, soft, x.shape);
    }

    /** GELU's tanh approximation: {@code 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))}. */
    static Tensor geluTanh(Tensor x) {
        requireFloating("gelu", x);
        Tensor inner = x.add(x.mul(x).mul(x).mul(0.044715)).mul(Math.sqrt(2 / Math.PI));
        return x.mul(0.5).mul(inner.tanh().add(1.0));
    }
}
