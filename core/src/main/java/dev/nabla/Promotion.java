package dev.nabla;

/**
 * PyTorch's {@code result_type}: tensors with dims decide the dtype unless a zero-dim tensor or a Java number
 * belongs to a higher category (bool &lt; integer &lt; floating); Java floating numbers count as the default dtype.
 */
final class Promotion {
    private DType dimResult;
    private DType zeroDimResult;
    private DType wrappedResult;

    /** Adds a tensor operand. */
    Promotion add(Tensor t) {
        if (t.wrappedNumber) {
            wrappedResult = promote(wrappedResult, t.dtype());
        } else if (t.dim() == 0) {
            zeroDimResult = promote(zeroDimResult, t.dtype());
        } else {
            dimResult = promote(dimResult, t.dtype());
        }
        return this;
    }

    /** Adds a Java number operand: Double/Float as the default dtype, Boolean as BOOL, any other as INT64. */
    Promotion add(Number n) {
        wrappedResult = promote(wrappedResult, scalarType(n));
        return this;
    }

    /** The dtype a Java number takes when it becomes a tensor on its own. */
    static DType scalarType(Number n) {
        if (n instanceof Double || n instanceof Float) return Defaults.dtype();
        return DType.INT64;
    }

    /** The promoted dtype of everything added. */
    DType result() {
        return combine(dimResult, combine(zeroDimResult, wrappedResult));
    }

    /** The result type of two tensors. */
    static DType of(Tensor a, Tensor b) {
        return new Promotion().add(a).add(b).result();
    }

    /** The result type of a tensor and a Java number. */
    static DType of(Tensor a, Number b) {
        return new Promotion().add(a).add(b).result();
    }

    /** True when PyTorch allows writing a value of {@code from} into a tensor of {@code to} in place. */
    static boolean canCast(DType from, DType to) {
        if (from.isFloatingPoint() && to.isIntegral()) return false;
        return from == DType.BOOL || to != DType.BOOL;
    }

    private static DType promote(DType a, DType b) {
        return a == null ? b : DType.promote(a, b);
    }

    private static DType combine(DType higher, DType lower) {
        if (higher == null) return lower;
        if (lower == null || higher.isFloatingPoint()) return higher;
        if (higher == DType.BOOL || lower.isFloatingPoint()) return DType.promote(higher, lower);
        return higher;
    }
}
