package dev.nabla;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MersenneTwisterTest {
    private static MersenneTwister seeded(long seed) {
        MersenneTwister e = new MersenneTwister();
        e.seed(seed);
        return e;
    }

    @Test
    void tenThousandthOutputForTheDefaultSeedIsTheCppStandardValue() {
        // C++ [rand.predef]: the 10000th invocation of a default-constructed std::mt19937 produces 4123659995.
        MersenneTwister e = seeded(5489);
        for (int i = 1; i < 10000; i++) e.nextInt();
        assertEquals(4123659995L, e.nextUnsigned32());
    }

    @Test
    void seedZeroStartsWithTheReferenceOutputs() {
        MersenneTwister e = seeded(0);
        assertEquals(2357136044L, e.nextUnsigned32());
        assertEquals(2546248239L, e.nextUnsigned32());
        assertEquals(3071714933L, e.nextUnsigned32());
    }

    @Test
    void random64PutsTheFirstDrawInTheHighHalf() {
        assertEquals((2357136044L << 32) | 2546248239L, seeded(0).next64());
    }

    @Test
    void onlyTheLowThirtyTwoBitsOfTheSeedReachTheEngineButAllAreRemembered() {
        MersenneTwister e = seeded((1L << 32) | 0);
        assertEquals(2357136044L, e.nextUnsigned32());
        assertEquals(1L << 32, e.seed());
    }

    @Test
    void countersFollowPyTorchLeftAndNext() {
        MersenneTwister e = seeded(0);
        assertEquals(1, e.left());
        assertEquals(0, e.next());
        e.nextInt();
        assertEquals(MersenneTwister.N, e.left());
        assertEquals(1, e.next());
        for (int i = 1; i < MersenneTwister.N; i++) e.nextInt();
        assertEquals(1, e.left());
        assertEquals(MersenneTwister.N, e.next());
    }
}
