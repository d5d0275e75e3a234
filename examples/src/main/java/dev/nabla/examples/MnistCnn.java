package dev.nabla.examples;

import dev.nabla.nn.Conv2d;
import dev.nabla.nn.Flatten;
import dev.nabla.nn.Linear;
import dev.nabla.nn.MaxPool2d;
import dev.nabla.nn.Module;
import dev.nabla.nn.ReLU;
import dev.nabla.nn.Sequential;
import dev.nabla.Tensor;

import java.io.PrintStream;

import static dev.nabla.Nabla.manualSeed;

/** A small convolutional network on the MNIST sample: two 3x3 convolutions with pooling, then two linear layers. */
final class MnistCnn implements Example {
    @Override
    public String name() {
        return "mnist-cnn";
    }

    @Override
    public String summary() {
        return "train a two-convolution CNN on the MNIST sample (>= 97% test accuracy in 5 epochs)";
    }

    /** conv(1→32) relu pool, conv(32→64) relu pool, 1600 → 128 → 10; takes [N, 28, 28] or [N, 1, 28, 28]. */
    static Module model() {
        Sequential body = new Sequential(
                new Conv2d(1, 32, 3), new ReLU(), new MaxPool2d(2),
                new Conv2d(32, 64, 3), new ReLU(), new MaxPool2d(2),
                new Flatten(), new Linear(64 * 5 * 5, 128), new ReLU(), new Linear(128, 10));
        return new Sequential(new AddChannel(), body);
    }

    /** Gives [N, 28, 28] images the channel dim a convolution expects. */
    static final class AddChannel extends Module {
        @Override
        public Tensor forward(Tensor... inputs) {
            Tensor x = single(inputs);
            return x.dim() == 3 ? x.unsqueeze(1) : x;
        }
    }

    @Override
    public void run(Options options, PrintStream out) throws Exception {
        manualSeed(options.seed());
        MnistTraining.train(name(), model(), options, out);
    }
}
