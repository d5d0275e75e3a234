package dev.nabla.cpu.simd;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Stores comparison masks into boolean arrays. JDK 17 does not compile {@code VectorMask.intoArray} to vector code,
 * so each lane becomes the integer 0 or 1 (a blend of raw bit patterns), is narrowed to a byte, and is stored as a
 * boolean. The narrowing needs a byte vector of at least 64 bits, so at least 8 lanes.
 */
final class Masks {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Byte> FB = bytes(F.length());
    private static final VectorSpecies<Byte> DB = bytes(D.length());
    private static final FloatVector F_FALSE = FloatVector.zero(F);
    private static final FloatVector F_TRUE = FloatVector.broadcast(F, Float.intBitsToFloat(1));
    private static final DoubleVector D_FALSE = DoubleVector.zero(D);
    private static final DoubleVector D_TRUE = DoubleVector.broadcast(D, Double.longBitsToDouble(1));

    private Masks() {
    }

    private static VectorSpecies<Byte> bytes(int lanes) {
        return lanes >= 8 ? VectorSpecies.of(byte.class, VectorShape.forBitSize(lanes * 8)) : null;
    }

    /** True when {@link #storeFloat} can be used. */
    static boolean storesFloat() {
        return FB != null;
    }

    /** True when {@link #storeDouble} can be used. */
    static boolean storesDouble() {
        return DB != null;
    }

    static void storeFloat(VectorMask<Float> m, boolean[] o, int at) {
        F_FALSE.blend(F_TRUE, m).reinterpretAsInts().convertShape(VectorOperators.I2B, FB, 0).reinterpretAsBytes()
                .intoBooleanArray(o, at);
    }

    static void storeDouble(VectorMask<Double> m, boolean[] o, int at) {
        D_FALSE.blend(D_TRUE, m).reinterpretAsLongs().convertShape(VectorOperators.L2B, DB, 0).reinterpretAsBytes()
                .intoBooleanArray(o, at);
    }
}
