package dev.nabla.cpu.simd;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The matrix-multiply kernels, chosen once per JVM by {@link VectorChoice}: the Vector API kernels when
 * {@code jdk.incubator.vector} is readable and the CPU suits them, plain Java otherwise.
 */
public abstract class GemmProvider {
    private static final Logger LOG = LoggerFactory.getLogger(GemmProvider.class);
    private static final String VECTOR_PROVIDER = "dev.nabla.cpu.simd.VectorGemmProvider";

    GemmProvider() {
    }

    /** The kernels picked at start-up. */
    public static GemmProvider get() {
        return Holder.INSTANCE;
    }

    /** The plain-Java kernels, whatever the JVM offers. */
    public static GemmProvider scalar() {
        return ScalarHolder.INSTANCE;
    }

    /** True when the Vector API module is readable, so {@link #vector()} can be used. */
    public static boolean vectorAvailable() {
        return VectorChoice.available();
    }

    /** The Vector API kernels; throws {@link UnsupportedOperationException} when the module is not readable. */
    public static GemmProvider vector() {
        VectorChoice.requireAvailable("kernels");
        return VectorHolder.INSTANCE;
    }

    /** Why these kernels would be slower than plain Java on this JVM, or null when they are not. */
    String unsuitable() {
        return null;
    }

    /** A short description of the kernels, for logs. */
    public abstract String name();

    /** The float kernel. */
    public abstract FloatGemmKernel float32();

    /** The double kernel. */
    public abstract DoubleGemmKernel float64();

    @Override
    public String toString() {
        return name();
    }

    private static final class Holder {
        static final GemmProvider INSTANCE = VectorChoice.pick(LOG, "matmul", "kernels", GemmProvider::scalar,
                GemmProvider::vector, GemmProvider::unsuitable, GemmProvider::name);
    }

    private static final class VectorHolder {
        static final GemmProvider INSTANCE = VectorChoice.load(VECTOR_PROVIDER, GemmProvider.class);
    }

    private static final class ScalarHolder {
        static final GemmProvider INSTANCE = new GemmProvider() {
            private final FloatGemmKernel f = new FloatScalarGemmKernel();
            private final DoubleGemmKernel d = new DoubleScalarGemmKernel();

            @Override
            public String name() {
                return "plain Java kernels";
            }

            @Override
            public FloatGemmKernel float32() {
                return f;
            }

            @Override
            public DoubleGemmKernel float64() {
                return d;
            }
        };
    }
}
