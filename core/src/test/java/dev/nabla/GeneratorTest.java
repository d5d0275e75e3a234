package dev.nabla;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Behaviour of the generator's sampling methods beyond published values: statistics, bounds, caching, isolation. */
class GeneratorTest {
    private static final int SAMPLES = 100_000;

    private static void assertMeanAndStd(double[] v, double mean, double std) {
        double sum = 0;
        for (double x : v) sum += x;
        double m = sum / v.length;
        double ss = 0;
        for (double x : v) ss += (x - m) * (x - m);
        double s = Math.sqrt(ss / (v.length - 1));
        // 4 standard errors: of the mean std/sqrt(n), of the standard deviation about std/sqrt(2n).
        assertEquals(mean, m, 4 * std / Math.sqrt(v.length), "sample mean");
        assertEquals(std, s, 4 * std / Math.sqrt(2.0 * v.length), "sample std");
    }

    private static double[] widen(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) d[i] = v[i];
        return d;
    }

    @Test
    void largeNormalSamplesHaveTheRequestedMeanAndStdOnBothPaths() {
        Generator g = new Generator(7);
        float[] f = new float[SAMPLES];
        g.normal(f, 0, 1);
        assertMeanAndStd(widen(f), 0, 1);
        double[] d = new double[SAMPLES];
        g.normal(d, 0, 1);
        assertMeanAndStd(d, 0, 1);
        // Below 16 elements every value comes from normal_distribution<double> and its cache.
        double[] perElement = new double[SAMPLES];
        double[] chunk = new double[15];
        for (int i = 0; i < SAMPLES; i += chunk.length) {
            g.normal(chunk, 0, 1);
            System.arraycopy(chunk, 0, perElement, i, Math.min(chunk.length, SAMPLES - i));
        }
        assertMeanAndStd(perElement, 0, 1);
        g.normal(d, -3, 0.5);
        assertMeanAndStd(d, -3, 0.5);
    }

    @Test
    void meanAndStdShiftAndScaleTheStandardSamples() {
        float[] standard = new float[40];
        float[] scaled = new float[40];
        new Generator(3).normal(standard, 0, 1);
        new Generator(3).normal(scaled, 10, 2);
        for (int i = 0; i < standard.length; i++) assertEquals(10 + 2 * standard[i], scaled[i], 1e-5, "element " + i);
        double[] small = new double[5];
        double[] smallScaled = new double[5];
        new Generator(3).normal(small, 0, 1);
        new Generator(3).normal(smallScaled, 10, 2);
        for (int i = 0; i < small.length; i++) assertEquals(10 + 2 * small[i], smallScaled[i], 1e-12, "element " + i);
    }

    @Test
    void uniformStaysInRangeWithTheRightMean() {
        Generator g = new Generator(11);
        float[] f = new float[SAMPLES];
        g.uniform(f, -2, 3);
        double[] d = new double[SAMPLES];
        g.uniform(d, -2, 3);
        for (double x : widen(f)) assertTrue(x >= -2 && x < 3, "float32 sample " + x);
        for (double x : d) assertTrue(x >= -2 && x < 3, "float64 sample " + x);
        double sd = 5 / Math.sqrt(12);
        assertMeanAndStd(widen(f), 0.5, sd);
        assertMeanAndStd(d, 0.5, sd);
    }

    @Test
    void uniformScalesTheSameWordsAsRand() {
        // Numpy-word oracle: fma(x, to - from, from) with x the 24- (53-) bit uniform of each draw, rounded once.
        float[] f = new float[5];
        new Generator(0).uniform(f, -2, 3);
        assertArrayEquals(new float[] {0.48128294944763184f, 1.841109037399292f, -1.5576128959655762f,
                -1.3398475646972656f, -0.46288591623306274f}, f);
        double[] d = new double[5];
        new Generator(0).uniform(d, -2, 3);
        assertArrayEquals(new double[] {2.8502650090327655, 1.5390993219989397, 0.29691471563725436,
                2.6037384206098015, 1.225120600613824}, d);
    }

    @Test
    void uniformMapsAValueRoundedUpToTheUpperBoundBackToTheLowerOne() {
        // A word whose low 24 bits are all ones gives x = 1 - 2^-24; 1 + x rounds to 2.0f, which [1, 2) excludes.
        Generator g = new Generator(0);
        byte[] state = g.getState();
        GeneratorStateTest.setNextWord(state, 0xffffffff);
        g.setState(state);
        float[] f = new float[1];
        g.uniform(f, 1, 2);
        assertEquals(1f, f[0]);
    }

    @Test
    void bernoulliComparesA53BitUniformWithP() {
        // Numpy-word oracle: random64() & (2^53 - 1) scaled by 2^-53, then u < 0.3.
        float[] f = new float[12];
        new Generator(0).bernoulli(f, 0.3);
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 1}, f);
        double[] d = new double[SAMPLES];
        new Generator(5).bernoulli(d, 0.25);
        assertMeanAndStd(d, 0.25, Math.sqrt(0.25 * 0.75));
        double[] none = new double[100];
        new Generator(5).bernoulli(none, 0);
        assertEquals(0, Arrays.stream(none).sum());
        double[] all = new double[100];
        new Generator(5).bernoulli(all, 1);
        assertEquals(100, Arrays.stream(all).sum());
    }

    @Test
    void randintStaysInBoundsAndHitsEveryValue() {
        long[] v = new long[10_000];
        new Generator(9).randint(v, -3, 4);
        boolean[] seen = new boolean[7];
        for (long x : v) {
            assertTrue(x >= -3 && x < 4, "sample " + x);
            seen[(int) (x + 3)] = true;
        }
        for (int i = 0; i < seen.length; i++) assertTrue(seen[i], "value " + (i - 3) + " never drawn");
        long[] wide = new long[1000];
        new Generator(9).randint(wide, -(1L << 40), 1L << 40);
        for (long x : wide) assertTrue(x >= -(1L << 40) && x < (1L << 40), "sample " + x);
    }

    @Test
    void randpermIsAPermutationOnBothShuffles() {
        for (int n : new int[] {0, 1, 2, 17, 1000}) {
            long[] p = new Generator(n).randperm(n);
            long[] sorted = p.clone();
            Arrays.sort(sorted);
            for (int i = 0; i < n; i++) assertEquals(i, sorted[i], "randperm(" + n + ")");
        }
        MersenneTwister e = new MersenneTwister();
        e.seed(0);
        long[] r = new long[10];
        Distributions.insideOutShuffle(e, r);
        // Numpy-word oracle: r[i] = r[z]; r[z] = i with z = random64() mod (i + 1).
        assertArrayEquals(new long[] {8, 2, 6, 3, 5, 1, 0, 9, 7, 4}, r);
    }

    @Test
    void sameSeedSameNumbersAndGeneratorsAreIndependent() {
        Generator a = new Generator(21);
        Generator b = new Generator(21);
        float[] fromA = new float[50];
        float[] fromB = new float[50];
        float[] other = new float[50];
        a.normal(fromA, 0, 1);
        new Generator(21).uniform(other, 0, 1); // draws on a third generator do not advance b
        Generator.defaultGenerator().normal(other, 0, 1);
        b.normal(fromB, 0, 1);
        assertArrayEquals(fromA, fromB);
        a.uniform(other, 0, 1);
        assertFalse(Arrays.equals(fromA, other));
    }

    @Test
    void manualSeedForgetsTheCachedNormalSample() {
        Generator g = new Generator(0);
        double[] one = new double[1];
        g.normal(one, 0, 1); // leaves the sine sample in the cache
        g.manualSeed(0);
        double[] six = new double[6];
        g.normal(six, 0, 1);
        assertEquals(one[0], six[0]);
        assertEquals(-0.2934, six[1], 5.01e-5); // torch.manual_seed(0); torch.randn(2, 3)[0, 1]
    }

    @Test
    void theCacheCarriesAcrossCallsAndDtypes() {
        Generator g = new Generator(0);
        float[] first = new float[1];
        double[] second = new double[2];
        g.normal(first, 0, 1);
        g.normal(second, 0, 1);
        assertEquals(1.5410, first[0], 5.01e-5);
        assertEquals(-0.2934, second[0], 5.01e-5);
        assertEquals(-2.1788, second[1], 5.01e-5);
    }

    @Test
    void seedReseedsNonDeterministically() {
        Generator g = new Generator(0);
        long s = g.seed();
        assertEquals(s, g.initialSeed());
        float[] after = new float[4];
        g.uniform(after, 0, 1);
        float[] fresh = new float[4];
        new Generator(s).uniform(fresh, 0, 1);
        assertArrayEquals(fresh, after);
        assertNotEquals(s, new Generator(0).seed(), "two 64-bit draws from the entropy source coincided");
    }

    @Test
    void defaultGeneratorStartsFromTheDefaultSeed() {
        assertEquals(67280421310721L, Generator.DEFAULT_SEED);
        assertEquals(Generator.DEFAULT_SEED, new Generator().initialSeed());
        assertEquals(-5, new Generator(-5).initialSeed());
    }

    @Test
    void concurrentCallersEachGetWholeCalls() throws Exception {
        Generator shared = new Generator(13);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<List<Float>>> parts = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            parts.add(pool.submit(() -> {
                List<Float> mine = new ArrayList<>();
                float[] v = new float[3];
                for (int i = 0; i < 500; i++) {
                    shared.uniform(v, 0, 1);
                    for (float x : v) mine.add(x);
                }
                return mine;
            }));
        }
        List<Float> all = new ArrayList<>();
        for (Future<List<Float>> f : parts) all.addAll(f.get());
        pool.shutdown();
        float[] sequential = new float[3 * 500 * 4];
        new Generator(13).uniform(sequential, 0, 1);
        float[] concurrent = new float[all.size()];
        for (int i = 0; i < concurrent.length; i++) concurrent[i] = all.get(i);
        Arrays.sort(sequential);
        Arrays.sort(concurrent);
        assertArrayEquals(sequential, concurrent);
    }

    @Test
    void invalidArgumentsAreRejectedWithTheirValues() {
        Generator g = new Generator(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.normal(new float[3], 0, -1));
        assertTrue(e.getMessage().contains("std=-1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> g.uniform(new float[3], 2, 1));
        assertThrows(IllegalArgumentException.class, () -> g.uniform(new float[3], 0, 1e39));
        assertThrows(IllegalArgumentException.class, () -> g.uniform(new double[3], Double.NaN, 1));
        double max = Double.MAX_VALUE;
        assertThrows(IllegalArgumentException.class, () -> g.uniform(new double[3], -max, max));
        e = assertThrows(IllegalArgumentException.class, () -> g.bernoulli(new float[3], 1.5));
        assertTrue(e.getMessage().contains("p=1.5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> g.randint(new long[3], 5, 5));
        assertThrows(IllegalArgumentException.class, () -> g.randperm(-1));
    }

    @Test
    void floatingRandintBoundsSnapToRepresentableValuesAsPyTorchDoes() {
        // 2^25 + 1 is not a float; update_from moves it up to 2^25 + 4, update_to moves 2^25 + 12 down to 2^25 + 8.
        assertEquals((1L << 25) + 4, Random.roundFromUp((1L << 25) + 1, 24));
        assertEquals((1L << 25) + 8, Random.roundToDown((1L << 25) + 12, 24));
        assertEquals(-7, Random.roundFromUp(-7, 24));
        assertEquals(10, Random.roundToDown(10, 24));
        assertEquals((1L << 54) + 4, Random.roundFromUp((1L << 54) + 1, 53));
    }
}
