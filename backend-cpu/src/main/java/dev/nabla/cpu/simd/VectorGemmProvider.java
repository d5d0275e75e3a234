package dev.nabla.cpu.simd;

import jdk.incubator.vector.FloatVector;

/** The Vector API kernels; loaded by name from {@link GemmProvider} only when the incubator module is readable. */
final class VectorGemmProvider extends GemmProvider {
    private final FloatGemmKernel f = new FloatVectorGemmKernel();
    private final DoubleGemmKernel d = new DoubleVectorGemmKernel();

    @Override
    String unsuitable() {
        return VectorSuitability.unsuitable();
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
