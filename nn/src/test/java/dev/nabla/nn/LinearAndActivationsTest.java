package dev.nabla.nn;

import dev.nabla.DType;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.autograd.GradCheck;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.nabla.nn.NnAsserts.assertClose;
import static dev.nabla.nn.NnAsserts.assertMessage;
import static dev.nabla.nn.NnAsserts.std;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Linear against x·Wᵀ + b and PyTorch's seeded initialization; the activation, Flatten and Identity modules. */
class LinearAndActivationsTest {

    @Test
    void seededLinearMatchesPyTorch() {
        // torch.manual_seed(0); nn.Linear(4, 3): weight then bias, each U(-0.5, 0.5) from the same stream.
        Nabla.manualSeed(0);
        Linear l = new Linear(4, 3);
        assertClose(new double[] {-0.0037, 0.2682, -0.4115, -0.3680, -0.1926, 0.1341, -0.0099, 0.3964,
                -0.0444, 0.1323, -0.1511, -0.0983}, new int[] {3, 4}, l.weight(), 1e-4);
        assertClose(new double[] {-0.4777, -0.3311, -0.2061}, new int[] {3}, l.bias(), 1e-4);
    }

    @Test
    void forwardIsInputTimesWeightTransposedPlusBias() {
        Linear l = new Linear(3, 2);
        l.to(DType.FLOAT64);
        l.weight().detach().copy_(Nabla.tensor(new double[][] {{1, 2, 3}, {-1, 0, 0.5}}));
        l.bias().detach().copy_(Nabla.tensor(new double[] {0.5, -2}));
        Tensor x = Nabla.tensor(new double[][] {{1, 1, 1}, {2, 0, -4}});
        // Row 0: [1+2+3+0.5, -1+0+0.5-2]; row 1: [2-12+0.5, -2-2-2].
        assertClose(new double[] {6.5, -2.5, -9.5, -6}, new int[] {2, 2}, l.forward(x), 1e-12);
        Tensor batched = Nabla.randn(4, 5, 3).to(DType.FLOAT64);
        Tensor y = l.forward(batched);
        assertEquals(List.of(4, 5, 2), List.of(y.size(0), y.size(1), y.size(2)));
        assertClose(l.forward(batched.select(0, 2)), y.select(0, 2), 1e-12);
        assertMessage(() -> l.forward(Nabla.zeros(2, 4)), "linear", "[2, 4]", "[2, 3]");
    }

    @Test
    void linearWithoutBiasRegistersOnlyTheWeight() {
        Linear l = new Linear(5, 2, false);
        assertNull(l.bias());
        assertEquals(List.of("weight"), List.copyOf(l.namedParameters().keySet()));
        Tensor x = Nabla.randn(3, 5);
        assertClose(x.matmul(l.weight().t()), l.forward(x), 1e-6);
        assertEquals(5, l.inFeatures());
        assertEquals(2, l.outFeatures());
    }

    @Test
    void defaultInitIsUniformWithinOneOverRootFanIn() {
        Linear l = new Linear(400, 300);
        double bound = 1 / Math.sqrt(400);
        double[] w = l.weight().toDoubleArray();
        for (double v : w) assertTrue(Math.abs(v) <= bound);
        assertEquals(bound / Math.sqrt(3), std(w), 0.02 * bound);
        for (double v : l.bias().toDoubleArray()) assertTrue(Math.abs(v) <= bound);
        Linear empty = new Linear(0, 2);
        assertClose(new double[] {0, 0}, new int[] {2}, empty.bias(), 0);
    }

    @Test
    void linearGradcheck() {
        Tensor x = Nabla.randn(3, 4).to(DType.FLOAT64).requiresGrad(true);
        Tensor w = Nabla.randn(2, 4).to(DType.FLOAT64).requiresGrad(true);
        Tensor b = Nabla.randn(2).to(DType.FLOAT64).requiresGrad(true);
        GradCheck.check(in -> Functional.linear(in[0], in[1], in[2]), x, w, b);
        Linear l = new Linear(4, 2);
        l.to(DType.FLOAT64);
        GradCheck.check(in -> l.forward(in[0]), x);
    }

    @Test
    void activationsComputeTheirFormulas() {
        Tensor x = Nabla.tensor(new double[] {-2, -0.5, 0, 1, 3});
        assertClose(new double[] {0, 0, 0, 1, 3}, new int[] {5}, new ReLU().forward(x), 0);
        assertClose(new double[] {-0.02, -0.005, 0, 1, 3}, new int[] {5}, new LeakyReLU().forward(x), 1e-15);
        assertClose(new double[] {-0.4, -0.1, 0, 1, 3}, new int[] {5}, new LeakyReLU(0.2).forward(x), 1e-15);
        double[] sig = new double[5];
        double[] silu = new double[5];
        double[] tanh = new double[5];
        double[] geluTanh = new double[5];
        double[] xs = {-2, -0.5, 0, 1, 3};
        for (int i = 0; i < 5; i++) {
            sig[i] = 1 / (1 + Math.exp(-xs[i]));
            silu[i] = xs[i] * sig[i];
            tanh[i] = Math.tanh(xs[i]);
            double u = Math.sqrt(2 / Math.PI) * (xs[i] + 0.044715 * xs[i] * xs[i] * xs[i]);
            geluTanh[i] = 0.5 * xs[i] * (1 + Math.tanh(u));
        }
        assertClose(sig, new int[] {5}, new Sigmoid().forward(x), 1e-12);
        assertClose(silu, new int[] {5}, new SiLU().forward(x), 1e-12);
        assertClose(tanh, new int[] {5}, new Tanh().forward(x), 1e-12);
        assertClose(geluTanh, new int[] {5}, new GELU("tanh").forward(x), 1e-12);
        // Exact GELU: x * Phi(x); Phi(1) = 0.8413447460685429, Phi(-2) = 0.022750131948179195, Phi(3) = 0.9986501019683699.
        Tensor g = new GELU().forward(x);
        assertEquals(0.8413447460685429, g.getDouble(3), 1e-12);
        assertEquals(-2 * 0.022750131948179195, g.getDouble(0), 1e-12);
        assertEquals(3 * 0.9986501019683699, g.getDouble(4), 1e-12);
        assertMessage(() -> new GELU("erf"), "approximate", "'none' or 'tanh'");
    }

    @Test
    void softmaxModulesNormalizeAlongTheirDim() {
        Tensor x = Nabla.tensor(new double[][] {{1, 2, 3}, {0, 0, 0}});
        double z = Math.exp(1) + Math.exp(2) + Math.exp(3);
        double[] expected = {Math.exp(1) / z, Math.exp(2) / z, Math.exp(3) / z, 1 / 3.0, 1 / 3.0, 1 / 3.0};
        assertClose(expected, new int[] {2, 3}, new Softmax(1).forward(x), 1e-12);
        double[] logs = new double[6];
        for (int i = 0; i < 6; i++) logs[i] = Math.log(expected[i]);
        assertClose(logs, new int[] {2, 3}, new LogSoftmax(-1).forward(x), 1e-12);
        assertClose(new double[] {1, 1, 1}, new int[] {3}, new Softmax(0).forward(x).sum(0), 1e-12);
    }

    @Test
    void flattenAndIdentity() {
        Tensor x = Nabla.randn(2, 3, 4, 5);
        assertEquals(List.of(2, 60), List.of(new Flatten().forward(x).size(0), new Flatten().forward(x).size(1)));
        Tensor mid = new Flatten(1, 2).forward(x);
        assertEquals(3, mid.dim());
        assertEquals(12, mid.size(1));
        assertClose(x.reshape(2, 12, 5), mid, 0);
        assertSame(x, new Identity().forward(x));
    }
}
