package dev.nabla.examples;

import dev.nabla.Tensor;
import dev.nabla.nn.Linear;
import dev.nabla.nn.MSELoss;
import dev.nabla.nn.ReLU;
import dev.nabla.nn.Reduction;
import dev.nabla.nn.Sequential;
import dev.nabla.nn.optim.SGD;

import java.io.PrintStream;

import static dev.nabla.Nabla.manualSeed;
import static dev.nabla.Nabla.randn;

/** The idiomatic form: Sequential(Linear, ReLU, Linear), MSELoss with sum reduction, and SGD. */
final class TwoLayerNn implements Example {
    static final double LEARNING_RATE = 1e-4;

    @Override
    public String name() {
        return "two-layer-nn";
    }

    @Override
    public String summary() {
        return "the idiomatic form: Sequential(Linear, ReLU, Linear), MSELoss(sum) and SGD";
    }

    @Override
    public void run(Options options, PrintStream out) {
        manualSeed(options.seed());
        int epochs = options.integer("epochs", 20);
        Tensor x = randn(TwoLayerManual.BATCH, TwoLayerManual.INPUT);
        Tensor y = randn(TwoLayerManual.BATCH, TwoLayerManual.OUTPUT);
        Sequential model = new Sequential(
                new Linear(TwoLayerManual.INPUT, TwoLayerManual.HIDDEN),
                new ReLU(),
                new Linear(TwoLayerManual.HIDDEN, TwoLayerManual.OUTPUT));
        out.println(model);
        MSELoss lossFn = new MSELoss(Reduction.SUM);
        SGD optimizer = new SGD(model.parameters(), options.real("lr", LEARNING_RATE));
        for (int epoch = 0; epoch < epochs; epoch++) {
            Tensor loss = lossFn.forward(model.forward(x), y);
            out.println(TwoLayerManual.epochLine(epoch, loss.item()));
            optimizer.zeroGrad();
            loss.backward();
            optimizer.step();
        }
    }
}
