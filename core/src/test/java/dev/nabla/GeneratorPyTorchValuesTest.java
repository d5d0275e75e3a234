package dev.nabla;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Numbers PyTorch's CPU generator produced, as published, checked against the generator's sampling methods.
 * Values printed with 4 decimals are compared within half a unit of the last printed digit.
 */
class GeneratorPyTorchValuesTest {
    private static final double PRINTED = 5.01e-5;

    private static float[] randFloat(long seed, int n) {
        float[] v = new float[n];
        new Generator(seed).uniform(v, 0, 1);
        return v;
    }

    private static float[] randnFloat(long seed, int n) {
        float[] v = new float[n];
        new Generator(seed).normal(v, 0, 1);
        return v;
    }

    private static double[] randnDouble(long seed, int n) {
        double[] v = new double[n];
        new Generator(seed).normal(v, 0, 1);
        return v;
    }

    private static long[] randint(long seed, long low, long high, int n) {
        long[] v = new long[n];
        new Generator(seed).randint(v, low, high);
        return v;
    }

    private static void assertPrinted(double[] expected, float[] actual) {
        assertEquals(expected.length, actual.length, "length");
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], actual[i], PRINTED, "element " + i);
    }

    private static void assertPrinted(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length, "length");
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], actual[i], PRINTED, "element " + i);
    }

    @Test
    void randSeedZeroBitForBit() {
        // torch.manual_seed(0); torch.rand(8) on CPU, printed at full precision (torch 2.x), as pinned by public
        // suites that reproduce torch's stream; the first six are the tutorial's [[0.4963, 0.7682, 0.0885], ...].
        float[] expected = {0.49625658988952637f, 0.7682217955589294f, 0.08847743272781372f, 0.13203048706054688f,
                0.30742281675338745f, 0.6340786814689636f, 0.4900934100151062f, 0.8964447379112244f};
        assertArrayEquals(expected, randFloat(0, 8));
    }

    @Test
    void randFloat64SeedZeroBitForBit() {
        // torch.manual_seed(0); torch.rand(8, dtype=torch.float64), same provenance as above.
        double[] expected = {0.9700530018065531, 0.707819864399788, 0.45938294312745087, 0.9207476841219603,
                0.6450241201227648, 0.7911478921803037, 0.17860617520075095, 0.3511076243939284};
        double[] actual = new double[8];
        new Generator(0).uniform(actual, 0, 1);
        assertArrayEquals(expected, actual);
    }

    @Test
    void randOtherPublishedSeeds() {
        // torch.manual_seed(42); torch.rand(2, 3) -> [[0.8823, 0.9150, 0.3829], [0.9593, 0.3904, 0.6009]]
        assertPrinted(new double[] {0.8823, 0.9150, 0.3829, 0.9593, 0.3904, 0.6009}, randFloat(42, 6));
        // Karpathy, makemore (nn-zero-to-hero): g = torch.Generator().manual_seed(2147483647);
        // torch.rand(5, generator=g) -> [0.7081, 0.3542, 0.1054, 0.5996, 0.0904]
        assertPrinted(new double[] {0.7081, 0.3542, 0.1054, 0.5996, 0.0904}, randFloat(2147483647, 5));
    }

    @Test
    void randnSeedZeroServesTheCachedSineSample() {
        // torch.manual_seed(0); torch.randn(2, 3) -> [[1.5410, -0.2934, -2.1788], [0.5684, -1.0845, -1.3986]]
        double[] expected = {1.5410, -0.2934, -2.1788, 0.5684, -1.0845, -1.3986};
        assertPrinted(expected, randnFloat(0, 6));
        assertPrinted(expected, randnDouble(0, 6));
    }

    @Test
    void randnBelowSixteenElementsDrawsPerElement() {
        // torch.manual_seed(42); torch.randn(3, 4) (e.g. TingsongYu, PyTorch-Tutorial-2nd, ch. 2.4) and
        // nn.Embedding(5, 3) (15 weights, normal_ below the 16-element path) continue the same stream.
        double[] expected = {0.3367, 0.1288, 0.2345, 0.2303, -1.1229, -0.1863, 2.2082, -0.6380, 0.4617, 0.2674,
                0.5349, 0.8094, 1.1103, -1.6898, -0.9890};
        assertPrinted(expected, randnFloat(42, 15));
    }

    @Test
    void randnFromSixteenElementsUsesBoxMullerBlocksWithARecomputedTail() {
        // Karpathy, llm.c doc/layernorm/layernorm.md: torch.manual_seed(42); torch.randn(2, 3, 4).
        // 24 elements: the first 8 come from block 0, the last 16 from a redrawn tail block.
        double[] n24 = {1.9269, 1.4873, 0.9007, -2.1055, 0.6784, -1.2345, -0.0431, -1.6047,
                0.3559, -0.6866, -0.4934, 0.2415, -1.1109, 0.0915, -2.3169, -0.2168,
                -0.3097, -0.3957, 0.8034, -0.6216, -0.5920, -0.0631, -0.8286, 0.3309};
        assertPrinted(n24, randnFloat(42, 24));
        // torch.manual_seed(42); torch.randn(4, 8) (as pinned in public tests): two whole blocks, cosines then sines.
        double[] n32 = {1.9269, 1.4873, 0.9007, -2.1055, 0.6784, -1.2345, -0.0431, -1.6047,
                -0.7521, 1.6487, -0.3925, -1.4036, -0.7279, -0.5594, -0.7688, 0.7624,
                1.6423, -0.1596, -0.4974, 0.4396, -0.7581, 1.0783, 0.8008, 1.6806,
                1.2791, 1.2964, 0.6105, 1.3347, -0.2316, 0.0418, -0.2516, 0.8599};
        assertPrinted(n32, randnFloat(42, 32));
        // torch.manual_seed(42); nn.Embedding(10, 3).weight: 30 elements, the tail block starts at element 14.
        double[] n30 = {1.9269, 1.4873, 0.9007, -2.1055, 0.6784, -1.2345, -0.0431, -1.6047, -0.7521, 1.6487,
                -0.3925, -1.4036, -0.7279, -0.5594, -2.3169, -0.2168, -1.3847, -0.8712, -0.2234, 1.7174,
                0.3189, -0.4245, -0.8286, 0.3309, -1.5576, 0.9956, -0.8798, -0.6011, -1.2742, 2.1228};
        assertPrinted(n30, randnFloat(42, 30));
        // Raschka, Build a Large Language Model (From Scratch), ch. 2: torch.manual_seed(123);
        // torch.nn.Embedding(6, 3).weight (18 elements).
        double[] n18 = {0.3374, -0.1778, -0.1690, 0.9178, 1.5810, 1.3010, 1.2753, -0.2010, -0.1606,
                -0.4015, 0.9666, -1.1481, -1.1589, 0.3255, -0.6315, -2.8400, -0.7849, -1.4096};
        assertPrinted(n18, randnFloat(123, 18));
    }

    @Test
    void randnFloat64BlocksUse53BitUniformsFromPairsOfDraws() {
        // Independent oracle: MT19937 words from numpy (RandomState legacy seeding = init_genrand), the 53-bit
        // uniforms of PyTorch's uniform_real_distribution<double>, and normal_fill's blocks evaluated with glibc:
        // data[j] = sqrt(-2 log(1 - u[j])) cos(2 pi u[j + 8]), data[j + 8] the same with sin; elements 4..19
        // are redrawn from u[20..35] as the tail block.
        double[] expected = {-2.310411800234176, -0.3732508612577643, -1.0608166785462863, 0.9995093547811761,
                -0.019964750907762653, 0.2102998901016947, 0.17718935139366584, -0.830510051008449,
                0.23871805816817063, 0.7335283685272841, -1.3218818291421377, 1.3148113651971234,
                -0.6870036940435463, 1.4880743158106724, -0.4484158047114511, -0.8910030351707375,
                0.6748575435940039, 1.0468653769814655, 0.15429517864658948, -0.7498915228391941};
        double[] actual = randnDouble(0, 20);
        // glibc and StrictMath may differ in the last bit of log/cos/sin.
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], actual[i], 1e-14, "element " + i);
    }

    @Test
    void randintDrawsOne32BitWordPerElementModuloTheRange() {
        // torch.manual_seed(0); torch.randint(0, 10, (5,)) -> [4, 9, 3, 0, 3]
        assertArrayEquals(new long[] {4, 9, 3, 0, 3}, randint(0, 0, 10, 5));
        // torch.manual_seed(42); torch.randint(0, 10, (2, 3)) -> [[2, 7, 6], [4, 6, 5]]
        assertArrayEquals(new long[] {2, 7, 6, 4, 6, 5}, randint(42, 0, 10, 6));
        // torch.manual_seed(0); [torch.randint(17, (1,)) for _ in range(10)], measured on torch 2.x CPU
        assertArrayEquals(new long[] {7, 3, 12, 16, 2, 0, 16, 10, 6, 5}, randint(0, 0, 17, 10));
    }

    @Test
    void randintWithARangeOfTwoToThe32OrMoreDrawsSixtyFourBits() {
        // Seed 0 words 2357136044 (0x8C7F0AAC), 2546248239: random64() mod 2^40 keeps the low byte of the first
        // word above the whole second word: 0xAC * 2^32 + 2546248239.
        assertEquals(0xACL * (1L << 32) + 2546248239L, randint(0, 0, 1L << 40, 1)[0]);
        // The widest range, [Long.MIN_VALUE, Long.MAX_VALUE): unsigned 64-bit arithmetic (numpy-word oracle).
        assertArrayEquals(new long[] {900450186894289455L, 3969543146641149120L},
                randint(0, Long.MIN_VALUE, Long.MAX_VALUE, 2));
    }

    @Test
    void randpermMatchesTorchForSeveralSeeds() {
        // torch.manual_seed(s); torch.randperm(10), as pinned in public suites that reproduce torch's CPU randperm.
        assertArrayEquals(new long[] {4, 1, 7, 5, 3, 9, 0, 8, 6, 2}, new Generator(0).randperm(10));
        assertArrayEquals(new long[] {5, 6, 1, 2, 0, 8, 9, 3, 7, 4}, new Generator(1).randperm(10));
        assertArrayEquals(new long[] {2, 6, 1, 8, 4, 5, 0, 9, 3, 7}, new Generator(42).randperm(10));
        assertArrayEquals(new long[] {5, 6, 1, 2, 0, 8, 9, 3, 7, 4}, new Generator((1L << 32) + 1).randperm(10));
        assertArrayEquals(new long[] {1, 4, 6, 2, 0, 5, 8, 7, 9, 3}, new Generator((1L << 53) - 1).randperm(10));
    }

    @Test
    void randpermOfFourFromTheSeedZeroWords() {
        // Words 2357136044 % 4 = 0, 2546248239 % 3 = 0, 3071714933 % 2 = 1: only the last two swap.
        assertArrayEquals(new long[] {0, 1, 3, 2}, new Generator(0).randperm(4));
    }
}
