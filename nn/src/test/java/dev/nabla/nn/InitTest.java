package dev.nabla.nn;

import dev.nabla.Generator;
import dev.nabla.Nabla;
import dev.nabla.Parameter;
import dev.nabla.Tensor;
import org.junit.jupiter.api.Test;

import static dev.nabla.nn.NnAsserts.assertClose;
import static dev.nabla.nn.NnAsserts.assertMessage;
import static dev.nabla.nn.NnAsserts.mean;
import static dev.nabla.nn.NnAsserts.std;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** nn.init: the gain table, fan computation, and the bounds and spreads the Glorot and He formulas give. */
class InitTest {

    @Test
    void gainsFollowPyTorchsTable() {
        for (String unit : new String[] {"linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d",
                "conv_transpose2d", "conv_transpose3d", "sigmoid"}) {
            assertEquals(1.0, Init.calculateGain(unit), unit);
        }
        assertEquals(5.0 / 3, Init.calculateGain("tanh"), 1e-15);
        assertEquals(1.4142135623730951, Init.calculateGain("relu"), 1e-15);
        assertEquals(0.75, Init.calculateGain("selu"), 1e-15);
        // leaky_relu: sqrt(2 / (1 + slope^2)), slope 0.01 by default.
        assertEquals(Math.sqrt(2 / 1.0001), Init.calculateGain("leaky_relu"), 1e-15);
        assertEquals(Math.sqrt(2 / 1.04), Init.calculateGain("leaky_relu", 0.2), 1e-15);
        assertEquals(Math.sqrt(2.0), Init.calculateGain("leaky_relu", 0.0), 1e-15);
        assertEquals(Math.sqrt(1 / 3.0), Init.calculateGain("leaky_relu", Math.sqrt(5)), 1e-15);
        assertMessage(() -> Init.calculateGain("swish"), "unsupported nonlinearity 'swish'");
        assertMessage(() -> Init.calculateGain("leaky_relu", Double.NaN), "not a valid number");
    }

    @Test
    void fansCountTheReceptiveField() {
        assertArrayEquals(new int[] {4, 3}, Init.calculateFanInAndFanOut(Nabla.empty(3, 4)));
        assertArrayEquals(new int[] {8 * 9, 16 * 9}, Init.calculateFanInAndFanOut(Nabla.empty(16, 8, 3, 3)));
        assertArrayEquals(new int[] {4 * 5, 6 * 5}, Init.calculateFanInAndFanOut(Nabla.empty(6, 4, 5)));
        assertArrayEquals(new int[] {2 * 24, 3 * 24}, Init.calculateFanInAndFanOut(Nabla.empty(3, 2, 2, 3, 4)));
        assertMessage(() -> Init.calculateFanInAndFanOut(Nabla.empty(5)), "fewer than 2 dimensions", "[5]");
    }

    @Test
    void kaimingUniformStaysWithinItsBoundAndHasItsSpread() {
        Tensor w = Init.kaimingUniform_(Nabla.empty(256, 128), 0, "fan_in", "relu", new Generator(3));
        double bound = Math.sqrt(3) * Math.sqrt(2) / Math.sqrt(128);
        assertUniform(w.toDoubleArray(), bound);
        Tensor out = Init.kaimingUniform_(Nabla.empty(256, 128), 0, "fan_out", "relu", new Generator(3));
        assertUniform(out.toDoubleArray(), Math.sqrt(6.0 / 256));
        Tensor byDefault = Init.kaimingUniform_(Nabla.empty(128, 64, 3));
        assertUniform(byDefault.toDoubleArray(), Math.sqrt(6.0 / 192));
    }

    @Test
    void kaimingNormalHasStdGainOverRootFan() {
        Tensor w = Init.kaimingNormal_(Nabla.empty(128, 16, 4, 4), 0, "fan_out", "relu", new Generator(4));
        assertNormal(w.toDoubleArray(), Math.sqrt(2.0 / (128 * 16)));
        Tensor t = Init.kaimingNormal_(Nabla.empty(200, 160), 0, "FAN_IN", "tanh", new Generator(4));
        assertNormal(t.toDoubleArray(), 5.0 / 3 / Math.sqrt(160));
        assertMessage(() -> Init.kaimingNormal_(Nabla.empty(2, 2), 0, "fan_avg", "relu"), "mode 'fan_avg' not supported");
        Tensor empty = Nabla.empty(0, 3);
        assertSame(empty, Init.kaimingUniform_(empty));
    }

    @Test
    void xavierUsesBothFans() {
        Tensor u = Init.xavierUniform_(Nabla.empty(300, 100), 1.0, new Generator(5));
        assertUniform(u.toDoubleArray(), Math.sqrt(6.0 / 400));
        Tensor g = Init.xavierUniform_(Nabla.empty(300, 100), 2.0, new Generator(5));
        assertClose(u.mul(2.0), g, 1e-6);
        Tensor n = Init.xavierNormal_(Nabla.empty(50, 40, 3, 3), Init.calculateGain("relu"), new Generator(6));
        assertNormal(n.toDoubleArray(), Math.sqrt(2) * Math.sqrt(2.0 / (90 * 9)));
    }

    @Test
    void plainFillsWorkOnParametersWithoutRecording() {
        Parameter p = new Parameter(Nabla.empty(100, 100));
        assertSame(p, Init.uniform_(p, -2, 3, new Generator(7)));
        assertTrue(p.isLeaf());
        assertTrue(p.requiresGrad());
        double[] v = p.toDoubleArray();
        for (double x : v) assertTrue(x >= -2 && x < 3, "outside [-2, 3): " + x);
        assertEquals(0.5, mean(v), 0.05);
        Init.normal_(p, 1.5, 0.5, new Generator(7));
        assertEquals(1.5, mean(p.toDoubleArray()), 0.02);
        assertEquals(0.5, std(p.toDoubleArray()), 0.01);
        Init.constant_(p, 0.25);
        assertEquals(0.25 * 10000, p.sum().item(), 1e-9);
        Init.ones_(p);
        assertEquals(10000, p.sum().item(), 1e-9);
        Init.zeros_(p);
        assertEquals(0, p.abs().sum().item());
        assertTrue(p.isLeaf());
    }

    @Test
    void aSeedFixesTheResultAndTheDefaultGeneratorIsUsedWhenNoneIsGiven() {
        Tensor a = Init.kaimingUniform_(Nabla.empty(8, 5), 1, "fan_in", "leaky_relu", new Generator(11));
        Tensor b = Init.kaimingUniform_(Nabla.empty(8, 5), 1, "fan_in", "leaky_relu", new Generator(11));
        assertClose(a, b, 0);
        Nabla.manualSeed(11);
        Tensor c = Init.kaimingUniform_(Nabla.empty(8, 5), 1, "fan_in", "leaky_relu");
        assertClose(a, c, 0);
        Tensor d = Init.xavierNormal_(Nabla.empty(8, 5), 1.0, new Generator(12));
        assertTrue(d.sub(Init.xavierNormal_(Nabla.empty(8, 5), 1.0, new Generator(13))).abs().max().item() > 0);
    }

    /** Every value in [-bound, bound], the extremes near the bound, the std near bound / sqrt(3). */
    private static void assertUniform(double[] v, double bound) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        assertTrue(lo >= -bound && hi <= bound, "values [" + lo + ", " + hi + "] exceed the bound " + bound);
        assertTrue(lo < -0.99 * bound && hi > 0.99 * bound, "values [" + lo + ", " + hi + "] do not reach " + bound);
        assertEquals(bound / Math.sqrt(3), std(v), 0.02 * bound / Math.sqrt(3));
        assertEquals(0, mean(v), 0.03 * bound);
    }

    /** Mean near 0 and std within 2% of {@code expected}. */
    private static void assertNormal(double[] v, double expected) {
        assertEquals(expected, std(v), 0.02 * expected);
        assertEquals(0, mean(v), 5 * expected / Math.sqrt(v.length));
    }
}
