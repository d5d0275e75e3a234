package dev.nabla.conformance;

import dev.nabla.DType;
import dev.nabla.Generator;
import dev.nabla.Tensor;
import dev.nabla.TensorOptions;
import org.junit.jupiter.api.Test;

import static dev.nabla.Nabla.manualSeed;
import static dev.nabla.Nabla.rand;
import static dev.nabla.Nabla.randLike;
import static dev.nabla.Nabla.randint;
import static dev.nabla.Nabla.randintLike;
import static dev.nabla.Nabla.randn;
import static dev.nabla.Nabla.randnLike;
import static dev.nabla.Nabla.randperm;
import static dev.nabla.Nabla.zeros;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The random factories on the device under test give PyTorch's CPU numbers for a seed (values printed by PyTorch
 * with 4 decimals are compared within half a unit of the last digit).
 */
public abstract class RandomContract extends DeviceTestBase {
    private static final double PRINTED = 5.01e-5;
    private static final double[] RAND_SEED0 = {0.4963, 0.7682, 0.0885, 0.1320, 0.3074, 0.6341};
    private static final double[] RANDN_SEED0 = {1.5410, -0.2934, -2.1788, 0.5684, -1.0845, -1.3986};

    @Test
    void randMatchesTorchManualSeedZero() {
        manualSeed(0);
        Tensor x = rand(2, 3);
        assertEquals(device(), x.device());
        assertEquals(DType.FLOAT32, x.dtype());
        assertValues(x, shape(2, 3), RAND_SEED0, PRINTED);
        // the stream continues: torch.rand(8) after seed 0 has 0.4901, 0.8964 at positions 6 and 7
        assertValues(rand(2), shape(2), new double[] {0.4901, 0.8964}, PRINTED);
    }

    @Test
    void randnMatchesTorchManualSeedZero() {
        manualSeed(0);
        assertValues(randn(2, 3), shape(2, 3), RANDN_SEED0, PRINTED);
        manualSeed(0);
        assertValues(randn(Generator.defaultGenerator(), TensorOptions.of(DType.FLOAT64), 2, 3), shape(2, 3),
                RANDN_SEED0, PRINTED);
    }

    @Test
    void randnOfSixteenOrMoreMatchesTorch() {
        // Karpathy, llm.c doc/layernorm/layernorm.md: torch.manual_seed(42); torch.randn(2, 3, 4)
        manualSeed(42);
        assertValues(randn(2, 3, 4), shape(2, 3, 4), new double[] {
                1.9269, 1.4873, 0.9007, -2.1055, 0.6784, -1.2345, -0.0431, -1.6047,
                0.3559, -0.6866, -0.4934, 0.2415, -1.1109, 0.0915, -2.3169, -0.2168,
                -0.3097, -0.3957, 0.8034, -0.6216, -0.5920, -0.0631, -0.8286, 0.3309}, PRINTED);
    }

    @Test
    void randintAndRandpermMatchTorch() {
        manualSeed(0);
        Tensor i = randint(0, 10, 5);
        assertEquals(DType.INT64, i.dtype());
        assertArrayEquals(new long[] {4, 9, 3, 0, 3}, i.toLongArray());
        manualSeed(0);
        Tensor p = randperm(10);
        assertEquals(DType.INT64, p.dtype());
        assertEquals(device(), p.device());
        assertArrayEquals(new long[] {4, 1, 7, 5, 3, 9, 0, 8, 6, 2}, p.toLongArray());
    }

    @Test
    void randintInOtherDtypes() {
        manualSeed(42);
        Tensor f = randint(Generator.defaultGenerator(), TensorOptions.of(DType.FLOAT32), 0, 10, 2, 3);
        assertEquals(DType.FLOAT32, f.dtype());
        assertExact(f, shape(2, 3), 2, 7, 6, 4, 6, 5); // torch.randint(0, 10, (2, 3)) after seed 42
        manualSeed(42);
        Tensor n = randint(Generator.defaultGenerator(), TensorOptions.of(DType.INT32), -1000, 1000, 50);
        for (int v : n.toIntArray()) assertTrue(v >= -1000 && v < 1000, "sample " + v);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> randint(Generator.defaultGenerator(), TensorOptions.of(DType.INT32), 0, 1L << 40, 3));
        assertTrue(e.getMessage().contains("INT32") || e.getMessage().contains("int32"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> randint(Generator.defaultGenerator(), TensorOptions.of(DType.BOOL), 0, 3, 3));
    }

    @Test
    void likeFormsFollowTheTensorAndMatchTheirFactories() {
        Tensor f32 = zeros(2, 3);
        Tensor f64 = zeros(2, 3).to(DType.FLOAT64);
        manualSeed(0);
        Tensor r = randLike(f64);
        assertEquals(DType.FLOAT64, r.dtype());
        // torch.manual_seed(0); torch.rand(2, 3, dtype=torch.float64): 53-bit uniforms from pairs of words
        assertValues(r, shape(2, 3), new double[] {0.9700530018065531, 0.707819864399788, 0.45938294312745087,
                0.9207476841219603, 0.6450241201227648, 0.7911478921803037}, 1e-16);
        manualSeed(0);
        assertValues(randLike(f32), shape(2, 3), RAND_SEED0, PRINTED);
        manualSeed(0);
        Tensor n = randnLike(f32);
        assertEquals(DType.FLOAT32, n.dtype());
        assertValues(n, shape(2, 3), RANDN_SEED0, PRINTED);
        manualSeed(0);
        Tensor i = randintLike(f32, 0, 10);
        assertEquals(DType.FLOAT32, i.dtype());
        assertEquals(device(), i.device());
        manualSeed(0);
        assertArrayEquals(randint(0, 10, 2, 3).toDoubleArray(), i.toDoubleArray());
        assertThrows(IllegalArgumentException.class, () -> randLike(zeros(2).to(DType.INT64)));
    }

    @Test
    void sameSeedSameTensorsAndSeparateGeneratorsDoNotInterfere() {
        Generator a = new Generator(5);
        Generator b = new Generator(5);
        Tensor fromA = randn(a, 40);
        manualSeed(5);
        randn(100); // the default generator is independent of a and b
        assertArrayEquals(fromA.toFloatArray(), randn(b, 40).toFloatArray());
        manualSeed(5);
        assertArrayEquals(fromA.toFloatArray(), randn(40).toFloatArray());
        assertNotEquals(fromA.toFloatArray()[0], randn(a, 1).toFloatArray()[0]);
    }

    @Test
    void emptyShapesDrawNothing() {
        manualSeed(0);
        assertEquals(0, rand(0, 3).numel());
        assertEquals(0, randn(0).numel());
        assertEquals(0, randperm(0).numel());
        assertValues(rand(2, 3), shape(2, 3), RAND_SEED0, PRINTED);
    }
}
