package dev.nabla.benchmarks;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntToDoubleFunction;

/**
 * This machine's limits from Java: the fp32 FMA peak (12 independent FloatVector fma chains, 256- and 512-bit)
 * and a STREAM-like memory bandwidth (copy and c = a + b over 32M floats), each on 1 and 2 threads, median of 5.
 * Needs {@code --add-modules jdk.incubator.vector}.
 */
public final class MachineLimits {
    private static final int STREAM_FLOATS = 32 << 20;
    private static final int REPEATS = 5;
    private static final long ITERATIONS = 50_000_000L;
    private static final VectorSpecies<Float> S256 = FloatVector.SPECIES_256;
    private static final VectorSpecies<Float> S512 = FloatVector.SPECIES_512;

    private MachineLimits() {
    }

    /** Entry point: no arguments; prints one line per measurement. */
    public static void main(String[] args) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(2, cores));
        try {
            for (int bits : new int[] {256, 512}) {
                // The species must be a compile-time constant for C2 to emit vector instructions: one method each.
                IntToDoubleFunction fma = bits == 256 ? k -> fma256(ITERATIONS) : k -> fma512(ITERATIONS);
                for (int i = 0; i < 3; i++) fma.applyAsDouble(0); // warm-up: compiles the loop
                for (int threads = 1; threads <= 2; threads++) {
                    int t = threads;
                    double gflops = median(i -> parallel(pool, t, fma) / 1e9);
                    System.out.printf(Locale.ROOT, "fma peak, %d-bit, %d thread(s): %.1f GFLOP/s (%.1f per thread)%n",
                            bits, t, gflops, gflops / t);
                }
            }
            float[] a = new float[STREAM_FLOATS];
            float[] b = new float[STREAM_FLOATS];
            float[] c = new float[STREAM_FLOATS];
            Arrays.fill(a, 1f);
            Arrays.fill(b, 2f);
            Arrays.fill(c, 0f);
            for (int threads = 1; threads <= 2; threads++) {
                int t = threads;
                double copy = median(i -> stream(pool, t, (from, to) -> System.arraycopy(a, from, c, from, to - from),
                        8));
                double add = median(i -> stream(pool, t, (from, to) -> {
                    for (int j = from; j < to; j++) c[j] = a[j] + b[j];
                }, 12));
                System.out.printf(Locale.ROOT, "memory, %d thread(s), 32M floats: copy %.1f GB/s, add (c = a + b) "
                        + "%.1f GB/s%n", t, copy, add);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** FLOP/s of one thread running, 256-bit vectors: {@code iterations} rounds of 12 independent fma chains. */
    static double fma256(long iterations) {
        VectorSpecies<Float> species = S256;
        FloatVector m = FloatVector.broadcast(species, 0.9999f);
        FloatVector k = FloatVector.broadcast(species, 1e-4f);
        FloatVector v0 = FloatVector.broadcast(species, 0f);
        FloatVector v1 = FloatVector.broadcast(species, 1f);
        FloatVector v2 = FloatVector.broadcast(species, 2f);
        FloatVector v3 = FloatVector.broadcast(species, 3f);
        FloatVector v4 = FloatVector.broadcast(species, 4f);
        FloatVector v5 = FloatVector.broadcast(species, 5f);
        FloatVector v6 = FloatVector.broadcast(species, 6f);
        FloatVector v7 = FloatVector.broadcast(species, 7f);
        FloatVector v8 = FloatVector.broadcast(species, 8f);
        FloatVector v9 = FloatVector.broadcast(species, 9f);
        FloatVector v10 = FloatVector.broadcast(species, 10f);
        FloatVector v11 = FloatVector.broadcast(species, 11f);
        long start = System.nanoTime();
        for (long i = 0; i < iterations; i++) {
            v0 = v0.fma(m, k);
            v1 = v1.fma(m, k);
            v2 = v2.fma(m, k);
            v3 = v3.fma(m, k);
            v4 = v4.fma(m, k);
            v5 = v5.fma(m, k);
            v6 = v6.fma(m, k);
            v7 = v7.fma(m, k);
            v8 = v8.fma(m, k);
            v9 = v9.fma(m, k);
            v10 = v10.fma(m, k);
            v11 = v11.fma(m, k);
        }
        long nanos = System.nanoTime() - start;
        float sum = v0.add(v1).add(v2).add(v3).add(v4).add(v5).add(v6).add(v7).add(v8).add(v9).add(v10).add(v11)
                .reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
        if (sum == 42f) System.out.print(""); // keeps the chains alive
        return iterations * 12.0 * species.length() * 2 / (nanos * 1e-9);
    }

    /** FLOP/s of one thread running, 512-bit vectors: {@code iterations} rounds of 12 independent fma chains. */
    static double fma512(long iterations) {
        VectorSpecies<Float> species = S512;
        FloatVector m = FloatVector.broadcast(species, 0.9999f);
        FloatVector k = FloatVector.broadcast(species, 1e-4f);
        FloatVector v0 = FloatVector.broadcast(species, 0f);
        FloatVector v1 = FloatVector.broadcast(species, 1f);
        FloatVector v2 = FloatVector.broadcast(species, 2f);
        FloatVector v3 = FloatVector.broadcast(species, 3f);
        FloatVector v4 = FloatVector.broadcast(species, 4f);
        FloatVector v5 = FloatVector.broadcast(species, 5f);
        FloatVector v6 = FloatVector.broadcast(species, 6f);
        FloatVector v7 = FloatVector.broadcast(species, 7f);
        FloatVector v8 = FloatVector.broadcast(species, 8f);
        FloatVector v9 = FloatVector.broadcast(species, 9f);
        FloatVector v10 = FloatVector.broadcast(species, 10f);
        FloatVector v11 = FloatVector.broadcast(species, 11f);
        long start = System.nanoTime();
        for (long i = 0; i < iterations; i++) {
            v0 = v0.fma(m, k);
            v1 = v1.fma(m, k);
            v2 = v2.fma(m, k);
            v3 = v3.fma(m, k);
            v4 = v4.fma(m, k);
            v5 = v5.fma(m, k);
            v6 = v6.fma(m, k);
            v7 = v7.fma(m, k);
            v8 = v8.fma(m, k);
            v9 = v9.fma(m, k);
            v10 = v10.fma(m, k);
            v11 = v11.fma(m, k);
        }
        long nanos = System.nanoTime() - start;
        float sum = v0.add(v1).add(v2).add(v3).add(v4).add(v5).add(v6).add(v7).add(v8).add(v9).add(v10).add(v11)
                .reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
        if (sum == 42f) System.out.print(""); // keeps the chains alive
        return iterations * 12.0 * species.length() * 2 / (nanos * 1e-9);
    }

    /** Sum of a per-thread rate measured on {@code threads} threads at once. */
    private static double parallel(ExecutorService pool, int threads, IntToDoubleFunction body) {
        try {
            Future<?>[] futures = new Future<?>[threads];
            double[] rates = new double[threads];
            for (int t = 0; t < threads; t++) {
                int id = t;
                futures[t] = pool.submit(() -> rates[id] = body.applyAsDouble(id));
            }
            for (Future<?> f : futures) f.get();
            return Arrays.stream(rates).sum();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** GB/s of one pass over the arrays split into {@code threads} equal ranges. */
    private static double stream(ExecutorService pool, int threads, Range body, int bytesPerFloat) {
        try {
            body.run(0, STREAM_FLOATS); // warm-up pass
            long start = System.nanoTime();
            Future<?>[] futures = new Future<?>[threads];
            int chunk = STREAM_FLOATS / threads;
            for (int t = 0; t < threads; t++) {
                int from = t * chunk;
                int to = t == threads - 1 ? STREAM_FLOATS : from + chunk;
                futures[t] = pool.submit(() -> body.run(from, to));
            }
            for (Future<?> f : futures) f.get();
            long nanos = System.nanoTime() - start;
            return (double) STREAM_FLOATS * bytesPerFloat / nanos;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double median(IntToDoubleFunction sample) {
        double[] v = new double[REPEATS];
        for (int i = 0; i < REPEATS; i++) v[i] = sample.applyAsDouble(i);
        Arrays.sort(v);
        return v[REPEATS / 2];
    }

    /** A loop over [from, to). */
    @FunctionalInterface
    private interface Range {
        void run(int from, int to);
    }
}
