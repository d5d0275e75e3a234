package dev.nabla.cpu.simd;

import jdk.incubator.vector.FloatVector;

/** The Vector API kernels; loaded by name from {@link GemmProvider} only when the incubator module is readable. */
final class VectorGemmProvider extends GemmProvider {
    private final FloatGemmKernel f = new FloatVectorGemmKernel();
    private final DoubleGemmKernel d = new DoubleVectorGemmKernel();

    @Override
    String unsuitable() {
        int bits = FloatVector.SPECIES_PREFERRED.vectorBitSize();
        if (bits < 128) return "the preferred vector size is only " + bits + " bits";
        // Without hardware FMA the Vector API emulates fma() exactly in software, orders of magnitude slower.
        return CpuFeatures.hasFma() ? null : "the CPU has no FMA";
    }

    @Override
    public String name() {
        return "Vector API kernels (" + FloatVector.SPECIES_PREFERRED.vectorBitSize() + "-bit)";
    }

    @Override
    public FloatGemmKernel float32() {
        return f;
    }

    @Override
    public DoubleGemmKernel float64() {
        return d;
    }
}
