package dev.nabla.cpu.simd;

import org.slf4j.Logger;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The once-per-JVM choice that {@link GemmProvider} and {@link ElementwiseKernels} share, as Lucene's
 * VectorizationProvider makes it: the Vector API implementation (loaded by name, so that nothing else links against
 * the incubator module) when {@code jdk.incubator.vector} is readable and the CPU suits it, else plain Java; the
 * system property {@code nabla.cpu.vector=false} forces plain Java.
 */
final class VectorChoice {
    static final String MODULE = "jdk.incubator.vector";

    private VectorChoice() {
    }

    /** True when the Vector API module is readable. */
    static boolean available() {
        return ModuleLayer.boot().findModule(MODULE).isPresent();
    }

    /**
     * Picks and logs: {@code what} names the op family ("matmul"), {@code kind} the implementations ("kernels");
     * {@code unsuitable} says why the vector implementation would be slower here, or null.
     */
    static <T> T pick(Logger log, String what, String kind, Supplier<T> plain, Supplier<T> vector,
                      Function<T, String> unsuitable, Function<T, String> name) {
        if ("false".equalsIgnoreCase(System.getProperty("nabla.cpu.vector"))) {
            log.info("Nabla CPU {}: plain Java {} (forced by -Dnabla.cpu.vector=false)", what, kind);
            return plain.get();
        }
        if (!available()) {
            log.info("Nabla CPU {}: plain Java {}; start the JVM with --add-modules {} for the faster Vector API {}",
                    what, kind, MODULE, kind);
            return plain.get();
        }
        T v = vector.get();
        String why = unsuitable.apply(v);
        if (why != null) {
            log.info("Nabla CPU {}: plain Java {}, as {}", what, kind, why);
            return plain.get();
        }
        log.info("Nabla CPU {}: {}", what, name.apply(v));
        return v;
    }

    /** Throws {@link UnsupportedOperationException} naming the JVM flag when the module is not readable. */
    static void requireAvailable(String kind) {
        if (!available()) {
            throw new UnsupportedOperationException("the Vector API " + kind + " need the JVM flag --add-modules "
                    + MODULE);
        }
    }

    /** Loads the Vector API implementation {@code className}; call only after {@link #requireAvailable}. */
    static <T> T load(String className, Class<T> type) {
        try {
            return Class.forName(className).asSubclass(type).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load " + className, e);
        }
    }
}
