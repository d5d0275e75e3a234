package dev.nabla.spi;

/**
 * Elementwise primitives of two inputs of the same dtype, broadcast by core to the output's shape.
 * Arithmetic ops write the input dtype (DIV only on floating types); comparisons write BOOL; logical ops
 * read and write BOOL.
 */
public enum BinaryOp {
    ADD, SUB, MUL, DIV,
    /** a to the power b (C99 special cases); on INT64 a negative b gives 1 for a = 1, +-1 for a = -1, else 0. */
    POW,
    /** Elementwise maximum, propagating NaN. */
    MAXIMUM,
    /** Elementwise minimum, propagating NaN. */
    MINIMUM,
    EQ, NE, LT, LE, GT, GE,
    LOGICAL_AND, LOGICAL_OR;

    /** True for the comparisons, whose output is BOOL whatever the input dtype. */
    public boolean isComparison() {
        return switch (this) {
            case EQ, NE, LT, LE, GT, GE -> true;
            default -> false;
        };
    }

    /** True for the logical ops, defined on BOOL only. */
    public boolean isLogical() {
        return this == LOGICAL_AND || this == LOGICAL_OR;
    }
}
