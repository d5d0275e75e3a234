package dev.nabla.cpu.simd;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the matrix-multiply kernels once per JVM, as Lucene's VectorizationProvider does: the Vector API kernels
 * when {@code jdk.incubator.vector} is readable (loaded by name, so that nothing else links against the incubator
 * module), plain Java otherwise. The system property {@code nabla.cpu.vector=false} forces plain Java.
 */
public abstract class GemmProvider {
    private static final Logger LOG = LoggerFactory.getLogger(GemmProvider.class);
    private static final String VECTOR_MODULE = "jdk.incubator.vector";
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
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    /** The Vector API kernels; throws {@link UnsupportedOperationException} when the module is not readable. */
    public static GemmProvider vector() {
        if (!vectorAvailable()) {
            throw new UnsupportedOperationException("the Vector API kernels need the JVM flag --add-modules "
                    + VECTOR_MODULE);
        }
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

    private static GemmProvider pick() {
        if ("false".equalsIgnoreCase(System.getProperty("nabla.cpu.vector"))) {
            LOG.info("Nabla CPU matmul: plain Java kernels (forced by -Dnabla.cpu.vector=false)");
            return scalar();
        }
        if (!vectorAvailable()) {
            LOG.info("Nabla CPU matmul: plain Java kernels; start the JVM with --add-modules {} for the faster "
                    + "Vector API kernels", VECTOR_MODULE);
            return scalar();
        }
        GemmProvider vector = vector();
        String unsuitable = vector.unsuitable();
        if (unsuitable != null) {
            LOG.info("Nabla CPU matmul: plain Java kernels, as {}", unsuitable);
            return scalar();
        }
        LOG.info("Nabla CPU matmul: {}", vector.name());
        return vector;
    }

    private static final class Holder {
        static final GemmProvider INSTANCE = pick();
    }

    private static final class VectorHolder {
        static final GemmProvider INSTANCE = load();

        private static GemmProvider load() {
            try {
                return Class.forName(VECTOR_PROVIDER).asSubclass(GemmProvider.class).getDeclaredConstructor()
                        .newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot load " + VECTOR_PROVIDER, e);
            }
        }
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
