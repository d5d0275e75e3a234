package dev.nabla.nn.optim;

import dev.nabla.Generator;
import dev.nabla.NoGrad;
import dev.nabla.Parameter;
import dev.nabla.Tensor;
import dev.nabla.nn.CrossEntropyLoss;
import dev.nabla.nn.Module;
import dev.nabla.nn.optim.lr.CosineAnnealingLR;
import dev.nabla.nn.optim.lr.LinearLR;
import dev.nabla.nn.optim.lr.SequentialLR;
import dev.nabla.nn.utils.ClipGrad;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.nabla.Nabla.randn;
import static dev.nabla.Nabla.tensor;
import static dev.nabla.Nabla.zeros;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PyTorch's training loop end to end: softmax regression on three well separated clusters, with cross entropy,
 * AdamW, gradient clipping and a warm-up then cosine schedule, reaches every label.
 */
class TrainingLoopTest {
    private static final double[][] CENTERS = {{4, 0}, {-4, 4}, {-4, -4}};

    private static final class SoftmaxRegression extends Module {
        final Parameter weight = registerParameter("weight", zeros(2, 3));
        final Parameter bias = registerParameter("bias", zeros(3));

        @Override
        public Tensor forward(Tensor... inputs) {
            return single(inputs).matmul(weight).add(bias);
        }
    }

    @Test
    void softmaxRegressionLearnsSeparableClusters() {
        int perClass = 20;
        Tensor noise = randn(new Generator(3), 3 * perClass, 2);
        float[] x = new float[3 * perClass * 2];
        long[] y = new long[3 * perClass];
        float[] n = noise.toFloatArray();
        for (int i = 0; i < 3 * perClass; i++) {
            int c = i / perClass;
            y[i] = c;
            x[2 * i] = (float) CENTERS[c][0] + n[2 * i];
            x[2 * i + 1] = (float) CENTERS[c][1] + n[2 * i + 1];
        }
        Tensor inputs = tensor(x, 3 * perClass, 2);
        Tensor targets = tensor(y);

        SoftmaxRegression model = new SoftmaxRegression();
        CrossEntropyLoss criterion = new CrossEntropyLoss();
        AdamW optimizer = AdamW.builder().lr(0.1).build(model.parameters());
        SequentialLR schedule = new SequentialLR(optimizer,
                List.of(new LinearLR(optimizer, 0.1, 1.0, 5), new CosineAnnealingLR(optimizer, 55)), 5);
        double first = 0;
        double last = 0;
        for (int epoch = 0; epoch < 60; epoch++) {
            optimizer.zeroGrad();
            Tensor loss = criterion.forward(model.forward(inputs), targets);
            loss.backward();
            ClipGrad.clipGradNorm(model.parameters(), 5.0);
            optimizer.step();
            schedule.step();
            if (epoch == 0) first = loss.item();
            last = loss.item();
        }
        assertEquals(Math.log(3), first, 1e-6, "zero weights predict the uniform distribution");
        assertTrue(last < 0.1 * first, "loss " + first + " -> " + last);
        try (NoGrad g = NoGrad.enter()) {
            Tensor predicted = model.forward(inputs).argmax(1, false);
            assertEquals(3 * perClass, predicted.eq(targets).sum().itemLong());
        }
    }
}
