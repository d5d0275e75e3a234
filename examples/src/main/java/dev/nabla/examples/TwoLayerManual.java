package dev.nabla.examples;

import dev.nabla.Tensor;

import java.io.PrintStream;
import java.util.Locale;

import static dev.nabla.Nabla.manualSeed;
import static dev.nabla.Nabla.randn;

/** A two-layer ReLU network trained with hand-written gradients: the introduction's second page. */
final class TwoLayerManual implements Example {
    static final int BATCH = 100;
    static final int INPUT = 1000;
    static final int HIDDEN = 100;
    static final int OUTPUT = 10;
    static final double LEARNING_RATE = 1e-6;

    @Override
    public String name() {
        return "two-layer-manual";
    }

    @Override
    public String summary() {
        return "two-layer ReLU network, forward and backward written by hand, 20 epochs of SGD";
    }

    @Override
    public void run(Options options, PrintStream out) {
        manualSeed(options.seed());
        int epochs = options.integer("epochs", 20);
        Tensor x = randn(BATCH, INPUT);
        Tensor y = randn(BATCH, OUTPUT);
        Tensor w1 = randn(INPUT, HIDDEN);
        Tensor w2 = randn(HIDDEN, OUTPUT);
        for (int epoch = 0; epoch < epochs; epoch++) {
            Tensor h1 = x.mm(w1).clampMin(0);
            Tensor yPred = h1.mm(w2);
            Tensor loss = yPred.sub(y).pow(2.0).sum();
            out.println(epochLine(epoch, loss.item()));

            Tensor gradYPred = yPred.sub(y).mul(2.0);
            Tensor gradW2 = h1.t().mm(gradYPred);
            Tensor gradH = gradYPred.clone().mm(w2.t());
            // ReLU's derivative: no gradient where the unit was off (grad_h[h < 0] = 0 in PyTorch's tutorial).
            gradH.maskedFill_(h1.le(0.0), 0.0);
            Tensor gradW1 = x.t().mm(gradH);

            w1.sub_(gradW1.mul(LEARNING_RATE));
            w2.sub_(gradW2.mul(LEARNING_RATE));
        }
    }

    /** The line the Python version prints: {@code "Epoch:{} , Loss:{:.4f}".format(epoch, loss)}. */
    static String epochLine(int epoch, double loss) {
        return String.format(Locale.ROOT, "Epoch:%d , Loss:%.4f", epoch, loss);
    }
}
