package dev.nabla.nn;

import dev.nabla.DType;
import dev.nabla.Generator;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.autograd.GradCheck;
import org.junit.jupiter.api.Test;

import static dev.nabla.nn.NnAsserts.assertClose;
import static dev.nabla.nn.NnAsserts.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dropout: the kept elements' scaling, eval identity, seeding, the edge probabilities and gradients. */
class DropoutTest {

    @Test
    void trainingZeroesAboutPAndScalesTheRestByOneOverOneMinusP() {
        Tensor x = Nabla.ones(100, 100).mul(3.0);
        Tensor y = new Dropout(0.3, new Generator(1)).forward(x);
        int dropped = 0;
        for (double v : y.toDoubleArray()) {
            if (v == 0) dropped++;
            else assertEquals(3 / 0.7, v, 1e-6);
        }
        // 10000 Bernoulli(0.3) draws: std of the fraction is 0.0046.
        assertEquals(0.3, dropped / 10000.0, 0.025);
    }

    @Test
    void evalIsTheIdentity() {
        Dropout d = new Dropout(0.9);
        d.eval();
        Tensor x = Nabla.randn(4, 4);
        assertSame(x, d.forward(x));
        assertSame(x, Functional.dropout(x, 0.5, false));
    }

    @Test
    void theSameSeedDropsTheSameElements() {
        Tensor x = Nabla.randn(8, 16);
        Tensor a = new Dropout(0.5, new Generator(42)).forward(x);
        Tensor b = new Dropout(0.5, new Generator(42)).forward(x);
        assertClose(a, b, 0);
        Tensor c = new Dropout(0.5, new Generator(43)).forward(x);
        assertTrue(a.ne(c).any().itemBoolean());
        Tensor mask = Nabla.emptyLike(x).bernoulli_(0.5, new Generator(42));
        assertClose(x.mul(mask).mul(2.0), a, 1e-6);
        Nabla.manualSeed(5);
        Tensor viaDefault = new Dropout(0.5).forward(x);
        assertClose(Functional.dropout(x, 0.5, true, new Generator(5)), viaDefault, 0);
    }

    @Test
    void edgeProbabilities() {
        Tensor x = Nabla.randn(3, 3);
        assertSame(x, Functional.dropout(x, 0.0, true));
        assertClose(new double[9], new int[] {3, 3}, Functional.dropout(x, 1.0, true), 0);
        assertMessage(() -> new Dropout(1.5), "between 0 and 1", "1.5");
        assertMessage(() -> Functional.dropout(x, -0.1, true), "between 0 and 1");
    }

    @Test
    void gradientIsTheScaledMask() {
        Tensor x = Nabla.randn(5, 4).to(DType.FLOAT64).requiresGrad(true);
        Generator g = new Generator(9);
        GradCheck.check(in -> Functional.dropout(in[0], 0.4, true, g.manualSeed(9)), x);
        Functional.dropout(x, 0.4, true, g.manualSeed(9)).sum().backward();
        Tensor mask = Nabla.emptyLike(x).bernoulli_(0.6, new Generator(9));
        assertClose(mask.div(0.6), x.grad(), 1e-12);
    }
}
