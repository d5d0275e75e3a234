package dev.nabla.nn;

import dev.nabla.DType;
import dev.nabla.Nabla;
import dev.nabla.NoGrad;
import dev.nabla.Tensor;
import dev.nabla.autograd.GradCheck;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.nabla.nn.NnAsserts.assertClose;
import static dev.nabla.nn.NnAsserts.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** LayerNorm and GroupNorm: normalized groups have mean 0 and variance 1, the affine map, errors and gradients. */
class LayerAndGroupNormTest {
    private static final double EPS = 1e-5;

    @Test
    void layerNormOfARowByHand() {
        // [1, 2, 3, 4]: mean 2.5, biased variance 1.25.
        Tensor y = Functional.layerNorm(Nabla.tensor(new double[] {1, 2, 3, 4}), new int[] {4});
        double s = Math.sqrt(1.25 + EPS);
        assertClose(new double[] {-1.5 / s, -0.5 / s, 0.5 / s, 1.5 / s}, new int[] {4}, y, 1e-12);
    }

    @Test
    void layerNormRowsHaveMeanZeroAndVarianceOne() {
        Tensor x = Nabla.randn(5, 7).to(DType.FLOAT64).mul(4.0).add(3.0);
        LayerNorm ln = new LayerNorm(7);
        ln.to(DType.FLOAT64);
        Tensor y = ln.forward(x);
        assertClose(new double[5], new int[] {5}, y.mean(1), 1e-12);
        assertClose(new double[] {1, 1, 1, 1, 1}, new int[] {5}, y.var(new int[] {1}, false, false), 1e-5);
        Tensor z = new LayerNorm(2, 3).forward(Nabla.randn(4, 2, 3));
        assertClose(new double[4], new int[] {4}, z.mean(new int[] {1, 2}, false), 1e-6);
        assertClose(new double[] {1, 1, 1, 1}, new int[] {4}, z.var(new int[] {1, 2}, false, false), 1e-4);
    }

    @Test
    void layerNormAppliesItsElementwiseAffine() {
        LayerNorm ln = new LayerNorm(new int[] {3}, 0.0, true);
        ln.to(DType.FLOAT64);
        try (NoGrad g = NoGrad.enter()) {
            ln.weight().copy_(Nabla.tensor(new double[] {1, 2, 3}));
            ln.bias().copy_(Nabla.tensor(new double[] {0, 0, 1}));
        }
        // [0, 3, 6]: mean 3, biased variance 6, so normalized [-3, 0, 3] / sqrt(6); then * [1, 2, 3] + [0, 0, 1].
        Tensor y = ln.forward(Nabla.tensor(new double[] {0, 3, 6}));
        double s = Math.sqrt(6);
        assertClose(new double[] {-3 / s, 0, 3 * 3 / s + 1}, new int[] {3}, y, 1e-12);
        assertEquals(List.of("weight", "bias"), List.copyOf(ln.namedParameters().keySet()));
        assertEquals(List.of("weight"), List.copyOf(new LayerNorm(new int[] {3}, EPS, true, false)
                .namedParameters().keySet()));
        assertEquals(List.of(), new LayerNorm(new int[] {3}, EPS, false).parameters());
        assertMessage(() -> ln.forward(Nabla.zeros(2, 4)), "normalized_shape=[3]", "[*, 3]", "[2, 4]");
    }

    @Test
    void groupNormNormalizesEachGroupOfEachSample() {
        // [2, 4, 3] in 2 groups: each sample's channels {0, 1} and {2, 3} (6 values each) are normalized together.
        Tensor x = Nabla.randn(2, 4, 3).to(DType.FLOAT64).mul(5.0).add(-1.0);
        GroupNorm gn = new GroupNorm(2, 4);
        gn.to(DType.FLOAT64);
        Tensor groups = gn.forward(x).reshape(2, 2, 6);
        assertClose(new double[4], new int[] {2, 2}, groups.mean(2), 1e-12);
        assertClose(new double[] {1, 1, 1, 1}, new int[] {2, 2}, groups.var(new int[] {2}, false, false), 1e-5);
        // Channel 0 of sample 1 by hand.
        double[] v = x.select(0, 1).narrow(0, 0, 2).reshape(-1).toDoubleArray();
        double m = NnAsserts.mean(v);
        double sd = NnAsserts.std(v);
        assertEquals((v[1] - m) / Math.sqrt(sd * sd + EPS), gn.forward(x).getDouble(1, 0, 1), 1e-12);
    }

    @Test
    void groupNormWithOneGroupIsLayerNormOverChannelsAndSpace() {
        Tensor x = Nabla.randn(3, 4, 2, 2);
        Tensor w = Nabla.randn(4);
        Tensor b = Nabla.randn(4);
        Tensor viaGroups = Functional.groupNorm(x, 1, w, b, EPS);
        Tensor normalized = Functional.layerNorm(x, new int[] {4, 2, 2});
        assertClose(normalized.mul(w.reshape(1, 4, 1, 1)).add(b.reshape(1, 4, 1, 1)), viaGroups, 1e-5);
    }

    @Test
    void groupNormChecksItsGroups() {
        assertMessage(() -> new GroupNorm(3, 4), "num_channels must be divisible by num_groups");
        assertMessage(() -> Functional.groupNorm(Nabla.zeros(2, 6, 2), 4), "divisible by num_groups", "[2, 6, 2]");
        assertMessage(() -> new GroupNorm(2, 4).forward(Nabla.zeros(2, 6)), "weight and bias must have shape [6]");
        assertEquals(List.of(), new GroupNorm(2, 4, EPS, false).parameters());
    }

    @Test
    void gradchecks() {
        Tensor x = Nabla.randn(2, 3, 4).to(DType.FLOAT64).requiresGrad(true);
        Tensor w = Nabla.randn(3, 4).to(DType.FLOAT64).requiresGrad(true);
        Tensor b = Nabla.randn(3, 4).to(DType.FLOAT64).requiresGrad(true);
        GradCheck.check(in -> Functional.layerNorm(in[0], new int[] {3, 4}, in[1], in[2], EPS), x, w, b);
        GradCheck.check(in -> Functional.layerNorm(in[0], new int[] {4}), x);
        Tensor img = Nabla.randn(2, 4, 3).to(DType.FLOAT64).requiresGrad(true);
        Tensor gw = Nabla.randn(4).to(DType.FLOAT64).requiresGrad(true);
        Tensor gb = Nabla.randn(4).to(DType.FLOAT64).requiresGrad(true);
        GradCheck.check(in -> Functional.groupNorm(in[0], 2, in[1], in[2], EPS), img, gw, gb);
    }
}
