package dev.nabla.spi;

/** The intra-op thread count that multithreaded backends honour; set through {@code Nabla.setNumThreads}. */
public final class Parallelism {
    private static volatile int numThreads = Math.max(1, Runtime.getRuntime().availableProcessors());

    private Parallelism() {
    }

    /** Threads a single op may use (at least 1); defaults to the number of available processors. */
    public static int numThreads() {
        return numThreads;
    }

    /** Sets the intra-op thread count. */
    public static void setNumThreads(int n) {
        if (n < 1) throw new IllegalArgumentException("setNumThreads: thread count must be >= 1, got " + n);
        numThreads = n;
    }
}
