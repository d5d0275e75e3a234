package dev.nabla.autograd;

import dev.nabla.NoGrad;
import dev.nabla.Tensor;
import org.junit.jupiter.api.Test;

import static dev.nabla.Nabla.manualSeed;
import static dev.nabla.Nabla.randn;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The introduction's two-layer ReLU network: one SGD step with the hand-written gradients and one with autograd,
 * from the same seed, must give the same weights. The hand-written ReLU backward zeroes grad_h where the unit was
 * off (PyTorch's tutorial: {@code grad_h[h < 0] = 0}); clamping grad_h itself at 0, as some copies of the tutorial
 * do, is not the derivative of ReLU and does not match autograd.
 */
class TwoLayerNetworkTest {
    private static final double LR = 1e-6;

    private static Tensor[] init() {
        manualSeed(0);
        Tensor x = randn(100, 1000);
        Tensor y = randn(100, 10);
        Tensor w1 = randn(1000, 100);
        Tensor w2 = randn(100, 10);
        return new Tensor[] {x, y, w1, w2};
    }

    @Test
    void oneStepWithHandWrittenGradientsEqualsOneStepWithAutograd() {
        Tensor[] m = init();
        Tensor x = m[0];
        Tensor y = m[1];
        Tensor w1 = m[2];
        Tensor w2 = m[3];
        Tensor h1 = x.mm(w1).clampMin(0);
        Tensor yPred = h1.mm(w2);
        Tensor gradYPred = yPred.sub(y).mul(2.0);
        Tensor gradW2 = h1.t().mm(gradYPred);
        Tensor gradH = gradYPred.clone().mm(w2.t());
        gradH.maskedFill_(h1.le(0.0), 0.0);
        Tensor gradW1 = x.t().mm(gradH);
        w1.sub_(gradW1.mul(LR));
        w2.sub_(gradW2.mul(LR));

        Tensor[] a = init();
        Tensor ax = a[0];
        Tensor ay = a[1];
        Tensor aw1 = a[2].requiresGrad(true);
        Tensor aw2 = a[3].requiresGrad(true);
        Tensor loss = ax.mm(aw1).clampMin(0).mm(aw2).sub(ay).pow(2.0).sum();
        loss.backward();
        try (NoGrad g = NoGrad.enter()) {
            aw1.sub_(aw1.grad().mul(LR));
            aw2.sub_(aw2.grad().mul(LR));
            aw1.grad().zero_();
            aw2.grad().zero_();
        }
        assertClose(w1, aw1);
        assertClose(w2, aw2);
    }

    private static void assertClose(Tensor expected, Tensor actual) {
        double[] e = expected.toDoubleArray();
        double[] a = actual.toDoubleArray();
        double worst = 0;
        for (int i = 0; i < e.length; i++) {
            worst = Math.max(worst, Math.abs(e[i] - a[i]) / Math.max(Math.abs(e[i]), 1e-3));
        }
        assertTrue(worst <= 1e-5, "weights differ by up to " + worst + " relative");
    }
}
