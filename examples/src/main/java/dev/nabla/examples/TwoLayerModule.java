package dev.nabla.examples;

import dev.nabla.NoGrad;
import dev.nabla.Tensor;
import dev.nabla.nn.Module;

import java.io.PrintStream;

import static dev.nabla.Nabla.manualSeed;
import static dev.nabla.Nabla.randn;

/** The two-layer network as a custom Module whose forward takes (input, w1, w2): the introduction's fourth page. */
final class TwoLayerModule implements Example {
    /** The tutorial's model: it owns no parameters; the weights come in as forward arguments. */
    static final class Model extends Module {
        @Override
        public Tensor forward(Tensor... in) {
            Tensor input = in[0];
            Tensor w1 = in[1];
            Tensor w2 = in[2];
            return input.mm(w1).clampMin(0).mm(w2);
        }
    }

    @Override
    public String name() {
        return "two-layer-module";
    }

    @Override
    public String summary() {
        return "the same network as a custom Module whose forward takes (input, w1, w2)";
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
        Model model = new Model();
        for (int epoch = 0; epoch < epochs; epoch++) {
            Tensor yPred = model.forward(x, w1, w2);
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
