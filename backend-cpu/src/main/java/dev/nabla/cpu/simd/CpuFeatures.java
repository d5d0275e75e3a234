package dev.nabla.cpu.simd;

import com.sun.management.HotSpotDiagnosticMXBean;

import java.lang.management.ManagementFactory;

/** What the JVM reports about the CPU, for choosing between kernels. */
public final class CpuFeatures {
    private static final boolean FMA = detectFma();

    private CpuFeatures() {
    }

    /**
     * True unless the JVM says the CPU has no fused multiply-add (then {@link Math#fma} is emulated exactly in
     * software, orders of magnitude slower); also true when the JVM cannot be asked.
     */
    public static boolean hasFma() {
        return FMA;
    }

    private static boolean detectFma() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return vm == null || !"false".equals(vm.getVMOption("UseFMA").getValue());
        } catch (RuntimeException | LinkageError e) {
            return true;
        }
    }
}
