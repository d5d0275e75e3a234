package dev.nabla.examples;

import dev.nabla.nn.Flatten;
import dev.nabla.nn.Linear;
import dev.nabla.nn.Module;
import dev.nabla.nn.ReLU;
import dev.nabla.nn.Sequential;

import java.io.PrintStream;

import static dev.nabla.Nabla.manualSeed;

/** A multilayer perceptron on the MNIST sample: 784 → 128 → 10. */
final class MnistMlp implements Example {
    @Override
    public String name() {
        return "mnist-mlp";
    }

    @Override
    public String summary() {
        return "train a 784-128-10 perceptron on the 10,000-digit MNIST sample; checkpoint and loss plot";
    }

    /** The model, built after seeding so its initial weights follow the seed. */
    static Module model() {
        return new Sequential(new Flatten(), new Linear(28 * 28, 128), new ReLU(), new Linear(128, 10));
    }

    @Override
    public void run(Options options, PrintStream out) throws Exception {
        manualSeed(options.seed());
        MnistTraining.train(name(), model(), options, out);
    }
}
