package dev.nabla;

/**
 * A seedable source of random numbers for {@code rand}, {@code randn}, {@code randint} and friends. Numbers are
 * drawn on the calling thread in a fixed order, so a seed gives the same tensors on every machine, backend and
 * thread count. Methods are synchronized; share one generator across threads only if the interleaving does not matter.
 */
public final class Generator {
    /** The seed PyTorch's default CPU generator starts from. */
    public static final long DEFAULT_SEED = 67280421310721L;

    private static final Generator DEFAULT = new Generator(DEFAULT_SEED);

    private final MersenneTwister engine = new MersenneTwister();
    private long seed;

    /** A generator seeded with {@link #DEFAULT_SEED}. */
    public Generator() {
        this(DEFAULT_SEED);
    }

    /** A generator seeded with {@code seed}. */
    public Generator(long seed) {
        manualSeed(seed);
    }

    /** The process-wide generator that factories use when none is given. */
    public static Generator defaultGenerator() {
        return DEFAULT;
    }

    /** Restarts the sequence from {@code seed}; returns this generator. */
    public synchronized Generator manualSeed(long seed) {
        this.seed = seed;
        engine.seed(seed);
        return this;
    }

    /** The seed of the current sequence. */
    public synchronized long initialSeed() {
        return seed;
    }

    /** Fills {@code out} with uniform samples from [from, to). */
    synchronized void uniform(float[] out, double from, double to) {
        for (int i = 0; i < out.length; i++) out[i] = (float) Distributions.uniformFloat(engine, from, to);
    }

    /** Fills {@code out} with uniform samples from [from, to). */
    synchronized void uniform(double[] out, double from, double to) {
        for (int i = 0; i < out.length; i++) out[i] = Distributions.uniformDouble(engine, from, to);
    }

    /** Fills {@code out} with normal samples. */
    synchronized void normal(float[] out, double mean, double std) {
        Distributions.normal(engine, out, mean, std);
    }

    /** Fills {@code out} with normal samples. */
    synchronized void normal(double[] out, double mean, double std) {
        Distributions.normal(engine, out, mean, std);
    }

    /** Fills {@code out} with integers uniform in [low, high). */
    synchronized void randint(long[] out, long low, long high) {
        for (int i = 0; i < out.length; i++) out[i] = Distributions.uniformInt(engine, low, high);
    }

    /** A random permutation of 0..n-1. */
    synchronized long[] randperm(int n) {
        return Distributions.randperm(engine, n);
    }
}
