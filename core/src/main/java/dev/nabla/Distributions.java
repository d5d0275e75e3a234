package dev.nabla;

/**
 * How raw MT19937 bits become samples, following PyTorch's CPU kernels step for step
 * ({@code ATen/core/TransformationHelper.h}, {@code DistributionsHelper.h}, {@code native/cpu/DistributionTemplates.h},
 * {@code native/TensorFactories.cpp}) so that a seed reproduces PyTorch's numbers.
 *
 * <p>Where PyTorch computes {@code a * b + c}, this uses {@link Math#fma}: PyTorch's x86 kernels are compiled with
 * {@code -O3 -mavx2 -mfma} (GCC contracts such expressions), ARM builds contract them too, and a recent upstream
 * revision writes {@code std::fma} in the Box-Muller block. With the default arguments ({@code [0, 1)}, mean 0,
 * std 1) both forms agree. Transcendentals use {@link StrictMath} so that every JVM gives the same bits.
 */
final class Distributions {
    /** Normal fills of at least this many contiguous elements use the 16-wide Box-Muller blocks. */
    static final int NORMAL_FILL_MIN = 16;
    /** randperm switches to 64-bit draws from this n on ({@code UINT32_MAX / 20}). */
    static final long RANDPERM_SMALL_LIMIT = 0xffffffffL / 20;

    private static final int FLOAT_MASK = (1 << 24) - 1;
    private static final long DOUBLE_MASK = (1L << 53) - 1;

    private Distributions() {
    }

    /** {@code uniform_real_distribution<float>}: 24 bits of one draw, scaled in float arithmetic. */
    static float uniform(MersenneTwister engine, float from, float to) {
        float x = (engine.nextInt() & FLOAT_MASK) * 0x1p-24f;
        return Math.fma(x, to - from, from);
    }

    /** {@code uniform_real_distribution<double>}: 53 bits of a 64-bit draw, scaled in double arithmetic. */
    static double uniform(MersenneTwister engine, double from, double to) {
        double x = (engine.next64() & DOUBLE_MASK) * 0x1p-53;
        return Math.fma(x, to - from, from);
    }

    /**
     * {@code uniform_int_from_to_distribution}: {@code base + draw % range} with {@code range} unsigned; 64-bit
     * draws only when the range needs them (a range of 2^32 or more exists only for INT64 and floating dtypes).
     */
    static long randomFromTo(MersenneTwister engine, long range, long base) {
        if (Long.compareUnsigned(range, 1L << 32) >= 0) return Long.remainderUnsigned(engine.next64(), range) + base;
        return Long.remainderUnsigned(engine.nextUnsigned32(), range) + base;
    }

    /** {@code bernoulli_distribution<double>}: one 53-bit uniform, compared with {@code p}. */
    static boolean bernoulli(MersenneTwister engine, double p) {
        return uniform(engine, 0.0, 1.0) < p;
    }

    /**
     * PyTorch's {@code normal_fill} for float: every element first gets a uniform, then each block of 16 becomes
     * 8 Box-Muller pairs (cosines in the first half, sines in the second). A ragged tail redraws the last 16
     * elements and transforms them again, overwriting the end of the previous block.
     */
    static void normalFill(MersenneTwister engine, float[] data, float mean, float std) {
        int n = data.length;
        for (int i = 0; i < n; i++) data[i] = uniform(engine, 0f, 1f);
        for (int i = 0; i + 16 <= n; i += 16) normalFill16(data, i, mean, std);
        if (n % 16 != 0) {
            for (int i = n - 16; i < n; i++) data[i] = uniform(engine, 0f, 1f);
            normalFill16(data, n - 16, mean, std);
        }
    }

    /** {@code normal_fill} for double, the same blocks in double arithmetic with 53-bit uniforms. */
    static void normalFill(MersenneTwister engine, double[] data, double mean, double std) {
        int n = data.length;
        for (int i = 0; i < n; i++) data[i] = uniform(engine, 0.0, 1.0);
        for (int i = 0; i + 16 <= n; i += 16) normalFill16(data, i, mean, std);
        if (n % 16 != 0) {
            for (int i = n - 16; i < n; i++) data[i] = uniform(engine, 0.0, 1.0);
            normalFill16(data, n - 16, mean, std);
        }
    }

    private static void normalFill16(float[] data, int at, float mean, float std) {
        for (int j = at; j < at + 8; j++) {
            float u1 = 1 - data[j]; // (0, 1] for the log
            float u2 = data[j + 8];
            float radius = (float) Math.sqrt(-2 * (float) StrictMath.log(u1));
            float theta = (float) (2.0 * Math.PI * u2); // PyTorch multiplies by pi<double>, then stores a float
            data[j] = Math.fma(radius * (float) StrictMath.cos(theta), std, mean);
            data[j + 8] = Math.fma(radius * (float) StrictMath.sin(theta), std, mean);
        }
    }

    private static void normalFill16(double[] data, int at, double mean, double std) {
        for (int j = at; j < at + 8; j++) {
            double u1 = 1 - data[j];
            double u2 = data[j + 8];
            double radius = Math.sqrt(-2 * StrictMath.log(u1));
            double theta = 2.0 * Math.PI * u2;
            data[j] = Math.fma(radius * StrictMath.cos(theta), std, mean);
            data[j + 8] = Math.fma(radius * StrictMath.sin(theta), std, mean);
        }
    }

    /** PyTorch's {@code randperm_cpu}: the identity shuffled with 32-bit draws, or 64-bit ones for huge n. */
    static long[] randperm(MersenneTwister engine, int n) {
        long[] r = new long[n];
        if (n < RANDPERM_SMALL_LIMIT) {
            for (int i = 0; i < n; i++) r[i] = i;
            swapShuffle(engine, r);
        } else {
            insideOutShuffle(engine, r);
        }
        return r;
    }

    /** Fisher-Yates from the front: position i swaps with i + (draw mod (n - i)), one 32-bit draw each. */
    static void swapShuffle(MersenneTwister engine, long[] r) {
        int n = r.length;
        for (int i = 0; i < n - 1; i++) {
            int z = (int) (engine.nextUnsigned32() % (n - i));
            long t = r[i];
            r[i] = r[z + i];
            r[z + i] = t;
        }
    }

    /** The "inside-out" Fisher-Yates PyTorch uses from {@link #RANDPERM_SMALL_LIMIT} on: writes 0..n-1 itself. */
    static void insideOutShuffle(MersenneTwister engine, long[] r) {
        for (int i = 0; i < r.length; i++) {
            int z = (int) Long.remainderUnsigned(engine.next64(), i + 1L);
            r[i] = r[z];
            r[z] = i;
        }
    }
}
