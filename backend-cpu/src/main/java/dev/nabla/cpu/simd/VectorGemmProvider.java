package dev.nabla.cpu.simd;

import com.sun.management.HotSpotDiagnosticMXBean;
import jdk.incubator.vector.FloatVector;

import java.lang.management.ManagementFactory;

/** The Vector API kernels; loaded by name from {@link GemmProvider} only when the incubator module is readable. */
final class VectorGemmProvider extends GemmProvider {
    private final FloatGemmKernel f = new FloatVectorGemmKernel();
    private final DoubleGemmKernel d = new DoubleVectorGemmKernel();

    @Override
    String unsuitable() {
        int bits = FloatVector.SPECIES_PREFERRED.vectorBitSize();
        if (bits < 128) return "the preferred vector size is only " + bits + " bits";
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            // Without hardware FMA the Vector API emulates fma() exactly in software, orders of magnitude slower.
            if (vm != null && "false".equals(vm.getVMOption("UseFMA").getValue())) return "the CPU has no FMA";
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
        return null;
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
