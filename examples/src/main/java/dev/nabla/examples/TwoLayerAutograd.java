package dev.nabla.examples;

import dev.nabla.NoGrad;
import dev.nabla.Tensor;

import java.io.PrintStream;

import static dev.nabla.Nabla.manualSeed;
import static dev.nabla.Nabla.randn;

/** The two-layer network again, with autograd computing the gradients: the introduction's third page. */
final class TwoLayerAutograd implements Example {
    @Override
    public String name() {
        return "two-layer-autograd";
    }

    @Override
    public String summary() {
        return "the same network with requiresGrad and loss.backward(); updates under NoGrad";
    }

    @Override
    public void run(Options options, PrintStream out) {
        manualSeed(options.seed());
        int epochs = options.integer("epochs", 20);
        double lr = TwoLayerManual.LEARNING_RATE;
        Tensor x = randn(TwoLayerManual.BATCH, TwoLayerManual.INPUT);
        Tensor y = randn(TwoLayerManual.BATCH, TwoLayerManual.OUTPUT);
        Tensor w1 = randn(TwoLayerManual.INPUT, TwoLayerManual.HIDDEN).requiresGrad(true);
        Tensor w2 = randn(TwoLayerManual.HIDDEN, TwoLayerManual.OUTPUT).requiresGrad(true);
        for (int epoch = 0; epoch < epochs; epoch++) {
            Tensor yPred = x.mm(w1).clampMin(0).mm(w2);
            Tensor loss = yPred.sub(y).pow(2.0).sum();
            out.println(TwoLayerManual.epochLine(epoch, loss.item()));
            loss.backward();
            try (NoGrad g = NoGrad.enter()) {
                w1.sub_(w1.grad().mul(lr));
                w2.sub_(w2.grad().mul(lr));
                w1.grad().zero_();
                w2.grad().zero_();
            }
        }
    }
}
