package dev.nabla.autograd;

import dev.nabla.DType;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.nabla.autograd.GradCase.leafOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Gradients where finite differences cannot decide (kinks, ties, zeros), checked against PyTorch's choices with
 * values computed by hand.
 */
class GradCheckBoundaryTest {
    private static final double TOL = 1e-12;

    private static Tensor x(double... values) {
        return leafOf(values, values.length);
    }

    /** The gradient of {@code out} (summed when not a scalar) with respect to each input, as arrays. */
    private static double[][] grads(Tensor out, Tensor... inputs) {
        List<Tensor> g = Autograd.grad(out.dim() == 0 ? out : out.sum(), inputs);
        double[][] r = new double[inputs.length][];
        for (int i = 0; i < inputs.length; i++) r[i] = g.get(i).toDoubleArray();
        return r;
    }

    private static double[] grad(Tensor out, Tensor input) {
        return grads(out, input)[0];
    }

    private static Tensor weights(double... w) {
        return Nabla.tensor(w);
    }

    @Test
    void reluAndAbsHaveSlopeZeroAtZero() {
        Tensor a = x(-1, 0, 2);
        assertArrayEquals(new double[] {0, 0, 1}, grad(a.relu(), a), TOL);
        Tensor b = x(-2, 0, 3);
        assertArrayEquals(new double[] {-1, 0, 1}, grad(b.abs(), b), TOL);
    }

    @Test
    void leakyReluAndEluTakeTheNegativeSideAtZero() {
        Tensor a = x(-1, 0, 2);
        assertArrayEquals(new double[] {0.2, 0.2, 1}, grad(a.leakyRelu(0.2), a), TOL);
        Tensor b = x(0, 1);
        // elu'(0) = alpha * exp(0) = alpha.
        assertArrayEquals(new double[] {0.7, 1}, grad(b.elu(0.7), b), TOL);
    }

    @Test
    void stepFunctionsHaveZeroGradient() {
        for (var op : List.<java.util.function.UnaryOperator<Tensor>>of(Tensor::sign, Tensor::floor, Tensor::ceil,
                Tensor::round)) {
            Tensor a = x(-1.5, 0, 0.5, 2.7);
            assertArrayEquals(new double[] {0, 0, 0, 0}, grad(op.apply(a), a), TOL);
        }
    }

    @Test
    void clampPassesTheGradientAtBothBoundsAndNotOutside() {
        Tensor a = x(-2, -1, 0, 1, 2);
        assertArrayEquals(new double[] {0, 1, 1, 1, 0}, grad(a.clamp(-1, 1), a), TOL);
        Tensor b = x(-1, 0, 1);
        assertArrayEquals(new double[] {0, 1, 1}, grad(b.clampMin(0), b), TOL);
        assertArrayEquals(new double[] {1, 1, 0}, grad(b.clampMax(0), b), TOL);
        // min > max: every element is max, and no gradient reaches x.
        assertArrayEquals(new double[] {0, 0, 0}, grad(b.clamp(1, 0), b), TOL);
    }

    @Test
    void clampWithTensorBoundsSendsTheGradientToTheBoundThatWins() {
        Tensor v = x(-1, 1, 0.5, -2, 3);
        Tensor lo = x(-1, -1, -1, -1, -1);
        Tensor hi = x(1, 1, 1, 1, 1);
        double[][] g = grads(v.clamp(lo, hi), v, lo, hi);
        assertArrayEquals(new double[] {1, 1, 1, 0, 0}, g[0], TOL);
        assertArrayEquals(new double[] {0, 0, 0, 1, 0}, g[1], TOL);
        assertArrayEquals(new double[] {0, 0, 0, 0, 1}, g[2], TOL);
    }

    @Test
    void fullMaxAndMinSplitTiesEvenly() {
        Tensor a = x(1, 3, 3);
        assertArrayEquals(new double[] {0, 0.5, 0.5}, grad(a.max(), a), TOL);
        Tensor b = x(2, 1, 1, 5);
        assertArrayEquals(new double[] {0, 0.5, 0.5, 0}, grad(b.min(), b), TOL);
        Tensor c = x(4, 4, 4, 4);
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25}, grad(c.max(), c), TOL);
    }

    @Test
    void aNaNMaximumSendsTheGradientToTheNaNs() {
        Tensor a = x(1, Double.NaN, 3, Double.NaN);
        assertArrayEquals(new double[] {0, 0.5, 0, 0.5}, grad(a.max(), a), TOL);
        Tensor b = leafOf(new double[] {2, Double.NaN, 1, 4}, 2, 2);
        assertArrayEquals(new double[] {0, 1, 1, 0}, grad(b.amin(new int[] {1}, false), b), TOL);
    }

    @Test
    void amaxAndAminSplitTiesWithinEachSlice() {
        Tensor a = leafOf(new double[] {1, 3, 3, 2, 0, 2}, 2, 3);
        assertArrayEquals(new double[] {0, 0.5, 0.5, 0.5, 0, 0.5}, grad(a.amax(new int[] {1}, false), a), TOL);
        Tensor b = leafOf(new double[] {1, 3, 1, 2, 0, 2}, 2, 3);
        assertArrayEquals(new double[] {0.5, 0, 0.5, 0, 1, 0}, grad(b.amin(new int[] {1}, true), b), TOL);
        Tensor c = x(-3, 3, 1);
        assertArrayEquals(new double[] {-0.5, 0.5, 0}, grad(c.norm(Double.POSITIVE_INFINITY), c), TOL);
    }

    @Test
    void maxAndMinAlongADimSendTheGradientToTheFirstExtremeOnly() {
        Tensor a = leafOf(new double[] {1, 3, 3, 4, 0, 4}, 2, 3);
        assertArrayEquals(new double[] {0, 1, 0, 1, 0, 0}, grad(a.max(1).values(), a), TOL);
        Tensor b = leafOf(new double[] {2, 0, 0, 1, 1, 5}, 2, 3);
        assertArrayEquals(new double[] {0, 1, 0, 1, 0, 0}, grad(b.min(1, true).values(), b), TOL);
    }

    @Test
    void sortAndTopkValuesSendTheGradientToTheSelectedIndex() {
        Tensor a = x(0.5, 3, -1, 2);
        // Descending: [3, 2, 0.5, -1] from indices [1, 3, 0, 2]; weights 1, 10, 100, 1000 follow the values back.
        Tensor sorted = a.sort(0, true).values();
        assertArrayEquals(new double[] {100, 1, 1000, 10}, grad(sorted.mul(weights(1, 10, 100, 1000)), a), TOL);
        Tensor b = x(0.5, 3, -1, 2);
        Tensor top = b.topk(2).values();
        assertArrayEquals(new double[] {0, 1, 0, 10}, grad(top.mul(weights(1, 10)), b), TOL);
        Tensor c = x(0.5, 3, -1, 2);
        Tensor bottom = c.topk(2, 0, false).values();
        assertArrayEquals(new double[] {10, 0, 1, 0}, grad(bottom.mul(weights(1, 10)), c), TOL);
    }

    @Test
    void maximumAndMinimumGiveHalfToEachSideOnTies() {
        Tensor a = x(1, 2, 3);
        Tensor b = x(1, 0, 3);
        double[][] g = grads(a.maximum(b), a, b);
        assertArrayEquals(new double[] {0.5, 1, 0.5}, g[0], TOL);
        assertArrayEquals(new double[] {0.5, 0, 0.5}, g[1], TOL);
        g = grads(a.minimum(b), a, b);
        assertArrayEquals(new double[] {0.5, 0, 0.5}, g[0], TOL);
        assertArrayEquals(new double[] {0.5, 1, 0.5}, g[1], TOL);
    }

    @Test
    void powAtBaseZero() {
        Tensor a = x(0, 2);
        // d/dx x^0 = 0 everywhere, including x = 0 where 0 * 0^-1 would be NaN.
        assertArrayEquals(new double[] {0, 0}, grad(a.pow(0.0), a), TOL);
        Tensor base = x(0, 0, 0, 2);
        Tensor exponent = x(0, 1, 2, 3);
        double[][] g = grads(base.pow(exponent), base, exponent);
        // d/dbase = e * b^(e-1): 0 (e = 0), 1 * 0^0 = 1, 2 * 0 = 0, 3 * 4 = 12.
        assertArrayEquals(new double[] {0, 1, 0, 12}, g[0], TOL);
        // d/dexponent = b^e * ln b: 0 at base 0 with e >= 0, 8 ln 2 at base 2.
        assertArrayEquals(new double[] {0, 0, 0, 8 * Math.log(2)}, g[1], 1e-12);
    }

    @Test
    void prodWithOneAndTwoZeros() {
        Tensor a = x(2, 0, 3);
        assertArrayEquals(new double[] {0, 6, 0}, grad(a.prod(), a), TOL);
        Tensor b = x(0, 2, 0);
        assertArrayEquals(new double[] {0, 0, 0}, grad(b.prod(), b), TOL);
        Tensor c = leafOf(new double[] {2, 0, 3, 0, 0, 4, 1, 2, 5}, 3, 3);
        // Row 0 has one zero (its gradient is the product of the others), row 1 two, row 2 none (product / x).
        assertArrayEquals(new double[] {0, 6, 0, 0, 0, 0, 10, 5, 2}, grad(c.prod(1, false), c), TOL);
    }

    @Test
    void stdAndNormAtZeroHaveGradientZero() {
        Tensor a = x(1, 1, 1);
        assertArrayEquals(new double[] {0, 0, 0}, grad(a.std(), a), TOL);
        Tensor b = x(0, 0);
        assertArrayEquals(new double[] {0, 0}, grad(b.norm(), b), TOL);
        Tensor c = x(0, 0);
        assertArrayEquals(new double[] {0, 0}, grad(c.norm(3), c), TOL);
        Tensor d = x(0, 4);
        // norm(0.5) = (|0|^0.5 + |4|^0.5)^2 = 4; d/dx4 = S^(1/p - 1) |x|^(p-1) = 2 * 4^-0.5 = 1; 0 at x = 0.
        assertArrayEquals(new double[] {0, 1}, grad(d.norm(0.5), d), TOL);
    }

    @Test
    void normZeroCountsNonZerosAndHasGradientZero() {
        Tensor a = x(0, -2, Double.NaN, 0.5);
        Tensor n = a.norm(0);
        assertEquals(3, n.item(), TOL);
        assertArrayEquals(new double[] {0, 0, 0, 0}, grad(n, a), TOL);
    }

    @Test
    void castToFloat32ReturnsAFloat64Gradient() {
        Tensor a = x(1, 2);
        Tensor g = Autograd.grad(a.to(DType.FLOAT32).mul(3.0).sum(), a).get(0);
        assertEquals(DType.FLOAT64, g.dtype());
        assertArrayEquals(new double[] {3, 3}, g.toDoubleArray(), TOL);
    }
}
