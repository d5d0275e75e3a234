package dev.nabla.cpu;

/**
 * Branch-free choices between two values, for loops where the choice depends on the data: C2 compiles
 * {@code c ? v : b} on floating values to a branch, and a mispredicted branch costs several nanoseconds.
 */
final class Bits {
    private Bits() {
    }

    /** {@code v} where {@code take} is all ones, {@code b} where it is zero. */
    static double select(long take, double v, double b) {
        return Double.longBitsToDouble((Double.doubleToRawLongBits(b) & ~take) | (Double.doubleToRawLongBits(v) & take));
    }

    /** {@code v} where {@code take} is all ones, {@code b} where it is zero. */
    static float select(long take, float v, float b) {
        int t = (int) take;
        return Float.intBitsToFloat((Float.floatToRawIntBits(b) & ~t) | (Float.floatToRawIntBits(v) & t));
    }
}
