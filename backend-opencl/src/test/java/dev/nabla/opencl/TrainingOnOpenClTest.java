package dev.nabla.opencl;

import dev.nabla.Device;
import dev.nabla.NoGrad;
import dev.nabla.Parameter;
import dev.nabla.Tensor;
import dev.nabla.nn.Conv2d;
import dev.nabla.nn.CrossEntropyLoss;
import dev.nabla.nn.Flatten;
import dev.nabla.nn.Linear;
import dev.nabla.nn.MaxPool2d;
import dev.nabla.nn.Module;
import dev.nabla.nn.ReLU;
import dev.nabla.nn.Sequential;
import dev.nabla.nn.optim.SGD;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.nabla.Nabla.manualSeed;
import static dev.nabla.Nabla.randint;
import static dev.nabla.Nabla.randn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The introduction's two-layer network and a few steps of a small CNN on OpenCL, against the same on the CPU. */
@OnOpenCl
class TrainingOnOpenClTest {
    private static final double LR = 1e-6;

    /** x, y, w1, w2 of the two-layer network from seed 0, on the CPU. */
    private static Tensor[] twoLayerInit() {
        manualSeed(0);
        return new Tensor[] {randn(100, 1000), randn(100, 10), randn(1000, 100), randn(100, 10)};
    }

    /** One SGD step with the hand-written gradients; returns the updated w1 and w2. */
    private static Tensor[] manualStep(Tensor x, Tensor y, Tensor w1, Tensor w2) {
        Tensor h1 = x.mm(w1).clampMin(0);
        Tensor gradYPred = h1.mm(w2).sub(y).mul(2.0);
        Tensor gradW2 = h1.t().mm(gradYPred);
        Tensor gradH = gradYPred.clone().mm(w2.t());
        gradH.maskedFill_(h1.le(0.0), 0.0);
        Tensor gradW1 = x.t().mm(gradH);
        return new Tensor[] {w1.sub(gradW1.mul(LR)), w2.sub(gradW2.mul(LR))};
    }

    /** One SGD step with autograd; returns the updated w1 and w2. */
    private static Tensor[] autogradStep(Tensor x, Tensor y, Tensor w1, Tensor w2) {
        Tensor aw1 = w1.clone().requiresGrad(true);
        Tensor aw2 = w2.clone().requiresGrad(true);
        Tensor loss = x.mm(aw1).clampMin(0).mm(aw2).sub(y).pow(2.0).sum();
        loss.backward();
        try (NoGrad g = NoGrad.enter()) {
            aw1.sub_(aw1.grad().mul(LR));
            aw2.sub_(aw2.grad().mul(LR));
        }
        return new Tensor[] {aw1.detach(), aw2.detach()};
    }

    @Test
    void twoLayerNetworkStepsAgreeManualAutogradAndCpu() {
        Device d = OpenClCondition.device();
        Tensor[] cpu = twoLayerInit();
        Tensor[] ocl = new Tensor[4];
        for (int i = 0; i < 4; i++) ocl[i] = cpu[i].to(d);
        Tensor[] manual = manualStep(ocl[0], ocl[1], ocl[2], ocl[3]);
        Tensor[] auto = autogradStep(ocl[0], ocl[1], ocl[2], ocl[3]);
        Tensor[] reference = manualStep(cpu[0], cpu[1], cpu[2], cpu[3]);
        for (int i = 0; i < 2; i++) {
            assertEquals(d, manual[i].device());
            assertEquals(d, auto[i].device());
            assertRelative(manual[i], auto[i], 1e-5, "manual vs autograd on OpenCL, w" + (i + 1));
            assertRelative(reference[i], manual[i], 1e-4, "CPU vs OpenCL, w" + (i + 1));
        }
    }

    private static Module cnn() {
        return new Sequential(new Conv2d(1, 4, 3), new ReLU(), new MaxPool2d(2), new Conv2d(4, 8, 3, 1, 1), new ReLU(),
                new Flatten(), new Linear(8 * 5 * 5, 16), new ReLU(), new Linear(16, 10));
    }

    /** Losses of {@code steps} SGD steps of {@code model} on {@code images}/{@code labels}, all on one device. */
    private static List<Double> train(Module model, Tensor images, Tensor labels, int steps) {
        CrossEntropyLoss criterion = new CrossEntropyLoss();
        SGD optimizer = SGD.builder().lr(0.05).momentum(0.9).build(model.parameters());
        List<Double> losses = new ArrayList<>();
        for (int step = 0; step < steps; step++) {
            optimizer.zeroGrad();
            Tensor loss = criterion.forward(model.forward(images), labels);
            loss.backward();
            optimizer.step();
            losses.add(loss.item());
        }
        return losses;
    }

    @Test
    void smallCnnTrainsLikeOnTheCpu() {
        Device d = OpenClCondition.device();
        manualSeed(3);
        Tensor images = randn(32, 1, 12, 12);
        Tensor labels = randint(0, 10, 32);
        manualSeed(4);
        Module onCpu = cnn();
        manualSeed(4);
        Module onOpenCl = cnn().to(d);
        List<Double> expected = train(onCpu, images, labels, 8);
        List<Double> actual = train(onOpenCl, images.to(d), labels.to(d), 8);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), 1e-4 * Math.max(1, expected.get(i)), "loss at step " + i);
        }
        assertTrue(actual.get(7) < actual.get(0), "the loss falls: " + actual);
        List<Parameter> a = onCpu.parameters();
        List<Parameter> b = onOpenCl.parameters();
        for (int i = 0; i < a.size(); i++) {
            assertEquals(d, b.get(i).device());
            assertRelative(a.get(i), b.get(i), 1e-3, "parameter " + i);
        }
    }

    /** Every element within {@code tol} of the expected one, relative to it (absolute below 1e-3). */
    private static void assertRelative(Tensor expected, Tensor actual, double tol, String what) {
        double[] e = expected.toDoubleArray();
        double[] a = actual.toDoubleArray();
        assertEquals(e.length, a.length, what);
        double worst = 0;
        for (int i = 0; i < e.length; i++) worst = Math.max(worst, Math.abs(e[i] - a[i]) / Math.max(Math.abs(e[i]), 1e-3));
        assertTrue(worst <= tol, what + " differ by up to " + worst + " relative");
    }
}
