package dev.nabla;

/** The 32-bit MT19937 engine (Matsumoto and Nishimura), seeded from the low 32 bits of a long as PyTorch's CPU generator. */
final class MersenneTwister {
    private static final int N = 624;
    private static final int M = 397;
    private final int[] state = new int[N];
    private int next;

    void seed(long seed) {
        state[0] = (int) seed;
        for (int j = 1; j < N; j++) {
            state[j] = 1812433253 * (state[j - 1] ^ (state[j - 1] >>> 30)) + j;
        }
        next = N;
    }

    /** The next 32 random bits, as an unsigned value in a long. */
    long nextUnsigned32() {
        if (next >= N) twist();
        int y = state[next++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & 0xffffffffL;
    }

    /** 64 random bits from two draws, the first one high, as PyTorch's {@code random64()}. */
    long next64() {
        long hi = nextUnsigned32();
        long lo = nextUnsigned32();
        return (hi << 32) | lo;
    }

    private void twist() {
        for (int i = 0; i < N; i++) {
            int y = (state[i] & 0x80000000) | (state[(i + 1) % N] & 0x7fffffff);
            int v = state[(i + M) % N] ^ (y >>> 1);
            if ((y & 1) != 0) v ^= 0x9908b0df;
            state[i] = v;
        }
        next = 0;
    }
}
