package dev.nabla;

/**
 * The 32-bit MT19937 engine as PyTorch's {@code at::mt19937}: seeded from the low 32 bits of a 64-bit seed, and
 * keeping PyTorch's {@code left}/{@code next} counters so that a snapshot has the layout of
 * {@code torch.get_rng_state()}.
 */
final class MersenneTwister {
    static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;

    private final int[] state = new int[N];
    private long seed;
    private int left;
    private int next;

    /** Restarts the sequence from {@code seed}; only its low 32 bits matter, all 64 are remembered. */
    void seed(long seed) {
        this.seed = seed;
        state[0] = (int) seed;
        for (int j = 1; j < N; j++) {
            state[j] = 1812433253 * (state[j - 1] ^ (state[j - 1] >>> 30)) + j;
        }
        left = 1;
        next = 0;
    }

    /** The seed given to the last {@link #seed} (or restored with a snapshot). */
    long seed() {
        return seed;
    }

    /** The next 32 random bits (PyTorch's {@code random()}). */
    int nextInt() {
        if (--left == 0) twist();
        int y = state[next++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    /** The next 32 random bits as an unsigned value. */
    long nextUnsigned32() {
        return nextInt() & 0xffffffffL;
    }

    /** 64 random bits from two draws, the first one high, as PyTorch's {@code random64()}. */
    long next64() {
        long hi = nextUnsigned32();
        return (hi << 32) | nextUnsigned32();
    }

    int left() {
        return left;
    }

    int next() {
        return next;
    }

    /** Word {@code i} of the 624-word state. */
    int word(int i) {
        return state[i];
    }

    /** Replaces the whole engine state; the caller has checked that {@code left} and {@code next} are consistent. */
    void restore(long seed, int left, int next, int[] words) {
        System.arraycopy(words, 0, state, 0, N);
        this.seed = seed;
        this.left = left;
        this.next = next;
    }

    private void twist() {
        left = N;
        next = 0;
        int i = 0;
        for (; i < N - M; i++) state[i] = state[i + M] ^ mix(state[i], state[i + 1]);
        for (; i < N - 1; i++) state[i] = state[i + M - N] ^ mix(state[i], state[i + 1]);
        state[N - 1] = state[M - 1] ^ mix(state[N - 1], state[0]);
    }

    private static int mix(int u, int v) {
        int bits = (u & 0x80000000) | (v & 0x7fffffff);
        return (bits >>> 1) ^ ((v & 1) != 0 ? MATRIX_A : 0);
    }
}
