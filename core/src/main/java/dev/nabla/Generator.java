package dev.nabla;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.SecureRandom;

/**
 * A seedable source of random numbers for {@code rand}, {@code randn}, {@code randint} and friends, reproducing
 * PyTorch's CPU generator: after {@code manualSeed(s)} the factories give the numbers {@code torch.manual_seed(s)}
 * gives. Numbers are drawn on the calling thread in a fixed order, so a seed gives the same tensors on every machine,
 * backend and thread count. Methods are synchronized; share one generator across threads only if the interleaving
 * does not matter.
 *
 * <p>Uniform samples on [0, 1), integers, permutations and Bernoulli samples are bit-exact. Normal samples agree up
 * to the last-bit differences between {@link StrictMath} and the C library; for float32 tensors of 16 or more
 * elements Nabla follows PyTorch's portable {@code normal_fill}, while x86 builds of PyTorch run an AVX2 variant whose
 * polynomial log/sin/cos differ from it around the 7th significant digit. {@code bernoulli_(p)} follows PyTorch's
 * default kernel; PyTorch builds with MKL running on Intel CPUs draw it from MKL's own stream instead.
 */
public final class Generator {
    /** PyTorch's {@code default_rng_seed_val}: the seed of a generator that is given none. */
    public static final long DEFAULT_SEED = 67280421310721L;

    /** The size of {@link #getState()}: PyTorch's {@code CPUGeneratorImplState} on 64-bit little-endian machines. */
    public static final int STATE_BYTES = 5056;

    private static final Generator DEFAULT = new Generator(DEFAULT_SEED);

    // Byte offsets of PyTorch's CPUGeneratorImplState (C struct layout with natural alignment).
    private static final int AT_LEFT = 8;
    private static final int AT_SEEDED = 12;
    private static final int AT_NEXT = 16;
    private static final int AT_WORDS = 24;
    private static final int AT_NORMAL_Y = AT_WORDS + 8 * MersenneTwister.N + 8;
    private static final int AT_NORMAL_VALID = AT_NORMAL_Y + 16;
    private static final int AT_FLOAT_NORMAL = AT_NORMAL_VALID + 8;
    private static final int AT_FLOAT_NORMAL_VALID = AT_FLOAT_NORMAL + 4;

    private final MersenneTwister engine = new MersenneTwister();
    // Box-Muller makes two normals; the sine half waits here for the next per-element draw (next_double_normal_sample).
    private boolean hasNextNormal;
    private double nextNormal;
    // PyTorch's float-typed cache: no CPU kernel fills it, but a state loaded from PyTorch keeps it on a round trip.
    private boolean hasNextFloatNormal;
    private float nextFloatNormal;

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

    /** Restarts the sequence from {@code seed} and forgets any cached normal sample; returns this generator. */
    public synchronized Generator manualSeed(long seed) {
        engine.seed(seed);
        hasNextNormal = false;
        hasNextFloatNormal = false;
        return this;
    }

    /** Reseeds from a non-deterministic 64-bit source, as {@code Generator.seed()}; returns the new seed. */
    public synchronized long seed() {
        long s = Entropy.SOURCE.nextLong();
        manualSeed(s);
        return s;
    }

    /** The seed of the current sequence (all 64 bits as given; PyTorch seeds MT19937 with the low 32). */
    public synchronized long initialSeed() {
        return engine.seed();
    }

    /**
     * A snapshot of the whole generator in the byte layout of PyTorch's {@code torch.get_rng_state()}
     * ({@value #STATE_BYTES} bytes, little-endian); {@link #setState} restores it.
     */
    public synchronized byte[] getState() {
        ByteBuffer b = ByteBuffer.allocate(STATE_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(0, engine.seed());
        b.putInt(AT_LEFT, engine.left());
        b.putInt(AT_SEEDED, 1);
        b.putLong(AT_NEXT, engine.next());
        for (int i = 0; i < MersenneTwister.N; i++) b.putLong(AT_WORDS + 8 * i, engine.word(i) & 0xffffffffL);
        if (hasNextNormal) {
            b.putDouble(AT_NORMAL_Y, nextNormal);
            b.putInt(AT_NORMAL_VALID, 1);
        }
        if (hasNextFloatNormal) {
            b.putFloat(AT_FLOAT_NORMAL, nextFloatNormal);
            b.put(AT_FLOAT_NORMAL_VALID, (byte) 1);
        }
        return b.array();
    }

    /** Restores a snapshot from {@link #getState} (or PyTorch's {@code get_rng_state()} bytes); returns this. */
    public synchronized Generator setState(byte[] state) {
        if (state.length != STATE_BYTES) {
            throw new IllegalArgumentException("setState: expected a generator state of " + STATE_BYTES
                    + " bytes, but got " + state.length);
        }
        ByteBuffer b = ByteBuffer.wrap(state).order(ByteOrder.LITTLE_ENDIAN);
        int left = b.getInt(AT_LEFT);
        long next = b.getLong(AT_NEXT);
        // PyTorch's is_valid(), plus left + next <= N + 1 so that no read can run past the state array.
        if (b.getInt(AT_SEEDED) == 0 || left <= 0 || left > MersenneTwister.N
                || next < 0 || next > MersenneTwister.N || left + next > MersenneTwister.N + 1) {
            throw new IllegalArgumentException("setState: invalid mt19937 state (seeded=" + b.getInt(AT_SEEDED)
                    + ", left=" + left + ", next=" + next + ")");
        }
        int[] words = new int[MersenneTwister.N];
        for (int i = 0; i < words.length; i++) words[i] = (int) b.getLong(AT_WORDS + 8 * i);
        engine.restore(b.getLong(0), left, (int) next, words);
        hasNextNormal = b.getInt(AT_NORMAL_VALID) != 0;
        nextNormal = hasNextNormal ? b.getDouble(AT_NORMAL_Y) : 0;
        hasNextFloatNormal = b.get(AT_FLOAT_NORMAL_VALID) != 0;
        nextFloatNormal = hasNextFloatNormal ? b.getFloat(AT_FLOAT_NORMAL) : 0;
        return this;
    }

    /** Fills {@code out} as {@code tensor.uniform_(from, to)} does for a float32 tensor. */
    synchronized void uniform(float[] out, double from, double to) {
        checkUniform("float32", from, to, Float.MAX_VALUE);
        float f = (float) from;
        float t = (float) to;
        for (int i = 0; i < out.length; i++) {
            float v = Distributions.uniform(engine, f, t);
            out[i] = v == t ? f : v; // rounding can reach `to`; PyTorch maps it back into [from, to)
        }
    }

    /** Fills {@code out} as {@code tensor.uniform_(from, to)} does for a float64 tensor. */
    synchronized void uniform(double[] out, double from, double to) {
        checkUniform("float64", from, to, Double.MAX_VALUE);
        for (int i = 0; i < out.length; i++) {
            double v = Distributions.uniform(engine, from, to);
            out[i] = v == to ? from : v;
        }
    }

    /** Fills {@code out} (a contiguous float32 tensor) as {@code tensor.normal_(mean, std)} and {@code randn} do. */
    synchronized void normal(float[] out, double mean, double std) {
        checkStd(std);
        if (out.length >= Distributions.NORMAL_FILL_MIN) {
            Distributions.normalFill(engine, out, (float) mean, (float) std);
        } else {
            for (int i = 0; i < out.length; i++) out[i] = (float) nextNormal(mean, std);
        }
    }

    /** Fills {@code out} (a contiguous float64 tensor) as {@code tensor.normal_(mean, std)} and {@code randn} do. */
    synchronized void normal(double[] out, double mean, double std) {
        checkStd(std);
        if (out.length >= Distributions.NORMAL_FILL_MIN) {
            Distributions.normalFill(engine, out, mean, std);
        } else {
            for (int i = 0; i < out.length; i++) out[i] = nextNormal(mean, std);
        }
    }

    /** Fills {@code out} with 1 (probability {@code p}) or 0, as {@code tensor.bernoulli_(p)} without MKL. */
    synchronized void bernoulli(float[] out, double p) {
        checkProbability(p);
        for (int i = 0; i < out.length; i++) out[i] = Distributions.bernoulli(engine, p) ? 1f : 0f;
    }

    /** Fills {@code out} with 1 (probability {@code p}) or 0, as {@code tensor.bernoulli_(p)} without MKL. */
    synchronized void bernoulli(double[] out, double p) {
        checkProbability(p);
        for (int i = 0; i < out.length; i++) out[i] = Distributions.bernoulli(engine, p) ? 1.0 : 0.0;
    }

    /** Fills {@code out} with integers uniform in [low, high), as {@code tensor.random_(low, high)}. */
    synchronized void randint(long[] out, long low, long high) {
        if (low >= high) {
            throw new IllegalArgumentException("randint: expected low < high, but got low=" + low
                    + " and high=" + high);
        }
        long range = high - low; // unsigned: [Long.MIN_VALUE, Long.MAX_VALUE) spans 2^64 - 1
        for (int i = 0; i < out.length; i++) out[i] = Distributions.randomFromTo(engine, range, low);
    }

    /** A random permutation of 0..n-1, as {@code torch.randperm(n)}. */
    synchronized long[] randperm(int n) {
        if (n < 0) throw new IllegalArgumentException("randperm: n must be non-negative, got " + n);
        return Distributions.randperm(engine, n);
    }

    /** PyTorch's {@code normal_distribution<double>}, which serves every second sample from the cache. */
    private double nextNormal(double mean, double std) {
        double z;
        if (hasNextNormal) {
            hasNextNormal = false;
            z = nextNormal;
        } else {
            double u1 = Distributions.uniform(engine, 0.0, 1.0);
            double u2 = Distributions.uniform(engine, 0.0, 1.0);
            double r = Math.sqrt(-2.0 * StrictMath.log1p(-u2));
            double theta = 2.0 * Math.PI * u1;
            nextNormal = r * StrictMath.sin(theta);
            hasNextNormal = true;
            z = r * StrictMath.cos(theta);
        }
        return Math.fma(z, std, mean);
    }

    private static void checkUniform(String dtype, double from, double to, double max) {
        if (!(Math.abs(from) <= max) || !(Math.abs(to) <= max)) {
            throw new IllegalArgumentException("uniform_: from=" + from + " and to=" + to
                    + " must be finite and representable in " + dtype);
        }
        if (from > to) {
            throw new IllegalArgumentException("uniform_: expected a [from, to) range with from <= to, but got from="
                    + from + " > to=" + to);
        }
        if (to - from > max) {
            throw new IllegalArgumentException("uniform_: to - from = " + (to - from) + " (from=" + from + ", to=" + to
                    + ") exceeds the largest " + dtype);
        }
    }

    private static void checkStd(double std) {
        if (!(std >= 0)) throw new IllegalArgumentException("normal_: expected std >= 0, but got std=" + std);
    }

    private static void checkProbability(double p) {
        if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("bernoulli_: expected 0 <= p <= 1, but got p=" + p);
    }

    /** Created on first use, so that programs that never call {@link #seed()} never touch the entropy source. */
    private static final class Entropy {
        static final SecureRandom SOURCE = new SecureRandom();
    }
}
