package dev.nabla.benchmarks;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every benchmark body runs once at its smallest parameters and counts the work it claims; no timing here. */
class BenchmarksSmokeTest {
    private final int threadsBefore = Nabla.getNumThreads();

    @AfterEach
    void restoreThreads() {
        Nabla.setNumThreads(threadsBefore);
    }

    @Test
    void gemmProductsHaveTheirShapesAndCountTheirFlops() {
        GemmBench bench = new GemmBench();
        GemmBench.Square square = new GemmBench.Square();
        square.n = 64;
        square.threads = 1;
        square.setup();
        FlopCounter flops = new FlopCounter();
        assertArrayEquals(new int[] {64, 64}, bench.sgemm(square, flops).shape());
        assertEquals(2L * 64 * 64 * 64, flops.flops);
        int[][] shapes = {{100, 100}, {100, 10}, {1000, 100}, {100, 10}, {100, 100}};
        String[] products = {"x_w1", "h1_w2", "xT_gradH", "h1T_gradY", "gradY_w2T"};
        for (int i = 0; i < products.length; i++) {
            GemmBench.Skinny skinny = new GemmBench.Skinny();
            skinny.product = products[i];
            skinny.threads = 1;
            skinny.setup();
            assertArrayEquals(shapes[i], bench.skinny(skinny, new FlopCounter()).shape(), products[i]);
        }
    }

    @Test
    void elementwiseAndRowReductionsRun() {
        ElementwiseBench e = new ElementwiseBench();
        e.threads = 1;
        e.size = 1 << 20;
        e.setup();
        ByteCounter bytes = new ByteCounter();
        assertEquals(1 << 20, e.add(bytes).numel());
        assertEquals(12L << 20, bytes.bytes);
        assertEquals(1 << 20, e.mul(bytes).numel());
        assertEquals(1 << 20, e.exp(bytes).numel());
        assertArrayEquals(new int[] {1024, 1024}, e.broadcastAdd(bytes).shape());
        assertArrayEquals(new int[] {1024, 1024}, e.transposedAdd(bytes).shape());
        RowReduceBench r = new RowReduceBench();
        r.threads = 2;
        r.setup();
        assertArrayEquals(new int[] {1024}, r.sum(bytes).shape());
        assertArrayEquals(new int[] {1024}, r.max(bytes).shape());
        Tensor rowSums = r.softmax(bytes).sum(1);
        assertEquals(1.0, rowSums.min().item(), 1e-4);
        assertEquals(1.0, rowSums.max().item(), 1e-4);
    }

    @Test
    void convolutionsRunForwardAndBackward() {
        for (String layer : new String[] {"conv1", "conv2"}) {
            ConvBench c = new ConvBench();
            c.layer = layer;
            c.threads = 2;
            c.setup();
            int[] expected = layer.equals("conv1") ? new int[] {64, 32, 26, 26} : new int[] {64, 64, 11, 11};
            assertArrayEquals(expected, c.forward(new FlopCounter()).shape());
            Tensor gradWeight = c.forwardBackward(new FlopCounter());
            assertEquals(layer.equals("conv1") ? 32 : 64, gradWeight.size(0));
        }
    }

    @Test
    void tinyOpsRunAndDropTheirGradients() {
        OverheadBench o = new OverheadBench();
        o.setup();
        assertArrayEquals(new int[] {2, 3}, o.add().shape());
        assertArrayEquals(new int[] {2, 2}, o.mm().shape());
        assertArrayEquals(new int[] {2, 3}, o.forwardBackward().shape());
        assertArrayEquals(new int[] {2, 3}, o.forwardBackward().shape());
    }

    @Test
    void twoLayerFormsTrainAlikeAndRestartFromTheSameWeights() {
        Nabla.setNumThreads(1);
        TwoLayerNet manual = TwoLayerNet.tutorial(TwoLayerNet.Form.MANUAL);
        TwoLayerNet autograd = TwoLayerNet.tutorial(TwoLayerNet.Form.AUTOGRAD);
        double m = manual.train(5);
        double a = autograd.train(5);
        assertEquals(m, a, Math.abs(m) * 1e-3, "manual and autograd gradients agree");
        manual.restore();
        assertEquals(m, manual.train(5), Math.abs(m) * 1e-6, "restore() restarts from the same weights");

        TwoLayerBench bench = new TwoLayerBench();
        TwoLayerBench.Tutorial nn = new TwoLayerBench.Tutorial();
        nn.form = "nn";
        nn.threads = 2;
        nn.setup();
        StepCounter steps = new StepCounter();
        double first = bench.epoch(nn, steps);
        assertEquals(first, bench.epoch(nn, steps), Math.abs(first) * 1e-6);
        assertEquals(2L * TwoLayerBench.EPOCH_STEPS, steps.steps);
    }

    @Test
    void scaledStepAndCnnStepRun() {
        TwoLayerBench.Scaled scaled = new TwoLayerBench.Scaled();
        scaled.form = "autograd";
        scaled.threads = 2;
        scaled.setup();
        assertTrue(Double.isFinite(new TwoLayerBench().scaledStep(scaled, new StepCounter())));
        MnistCnnBench cnn = new MnistCnnBench();
        cnn.threads = 2;
        cnn.setup();
        double loss = cnn.trainStep();
        assertTrue(loss > 1.0 && loss < 4.0, "cross entropy of 10 classes near ln 10, got " + loss);
    }
}
