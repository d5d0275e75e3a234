package dev.nabla.cpu.simd;

import jdk.incubator.vector.FloatVector;

/** Why Vector API code would be slower than plain Java on this CPU; links the incubator module, so load it only then. */
final class VectorSuitability {
    private VectorSuitability() {
    }

    /** The reason, or null when the Vector API paths suit this CPU. */
    static String unsuitable() {
        int bits = FloatVector.SPECIES_PREFERRED.vectorBitSize();
        if (bits < 128) return "the preferred vector size is only " + bits + " bits";
        // Without hardware FMA the Vector API emulates fma() exactly in software, orders of magnitude slower, and
        // FloatMath's exp fuses its multiply-adds only where the CPU can.
        return CpuFeatures.hasFma() ? null : "the CPU has no FMA";
    }
}
