package dev.nabla;

/** How raw MT19937 bits become samples; the transforms follow PyTorch's CPU kernels so seeds reproduce its numbers. */
final class Distributions {
    private Distributions() {
    }

    /** 24 random bits scaled into [from, to), as PyTorch's {@code uniform_real_distribution<float>}. */
    static double uniformFloat(MersenneTwister engine, double from, double to) {
        double x = (engine.nextUnsigned32() & ((1 << 24) - 1)) * 0x1p-24;
        return x * (to - from) + from;
    }

    /** 53 random bits scaled into [from, to), as PyTorch's {@code uniform_real_distribution<double>}. */
    static double uniformDouble(MersenneTwister engine, double from, double to) {
        double x = (engine.next64() & ((1L << 53) - 1)) * 0x1p-53;
        return x * (to - from) + from;
    }

    /** An integer in [low, high): the draw modulo the range, as PyTorch's {@code random_from_to}. */
    static long uniformInt(MersenneTwister engine, long low, long high) {
        long range = high - low;
        if (range >= (1L << 32)) return Long.remainderUnsigned(engine.next64(), range) + low;
        return engine.nextUnsigned32() % range + low;
    }

    static void normal(MersenneTwister engine, float[] out, double mean, double std) {
        for (int i = 0; i < out.length; i++) out[i] = (float) gaussian(engine, mean, std);
    }

    static void normal(MersenneTwister engine, double[] out, double mean, double std) {
        for (int i = 0; i < out.length; i++) out[i] = gaussian(engine, mean, std);
    }

    private static double gaussian(MersenneTwister engine, double mean, double std) {
        double u1 = uniformDouble(engine, 0, 1);
        double u2 = uniformDouble(engine, 0, 1);
        double r = Math.sqrt(-2 * Math.log1p(-u2));
        return r * Math.cos(2 * Math.PI * u1) * std + mean;
    }

    /** A permutation by Fisher-Yates swaps driven by 32-bit draws. */
    static long[] randperm(MersenneTwister engine, int n) {
        long[] r = new long[n];
        for (int i = 0; i < n; i++) r[i] = i;
        for (int i = 0; i < n - 1; i++) {
            int z = (int) (engine.nextUnsigned32() % (n - i));
            long t = r[i];
            r[i] = r[z + i];
            r[z + i] = t;
        }
        return r;
    }
}
