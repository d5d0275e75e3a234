package dev.nabla.examples;

import dev.nabla.Generator;
import dev.nabla.Tensor;
import dev.nabla.nn.CrossEntropyLoss;
import dev.nabla.nn.Module;
import dev.nabla.nn.data.DataLoader;
import dev.nabla.nn.data.Mnist;
import dev.nabla.nn.optim.Adam;
import dev.nabla.nn.optim.lr.LrFinder;
import dev.nabla.nn.optim.lr.LrFinderResult;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static dev.nabla.Nabla.manualSeed;

/** "What is the best learning rate?": the range test on the MNIST perceptron, with the curve as an SVG. */
final class LrFinderExample implements Example {
    @Override
    public String name() {
        return "lr-finder";
    }

    @Override
    public String summary() {
        return "learning-rate range test on the MNIST perceptron; prints the suggested rate, plots the curve";
    }

    @Override
    public void run(Options options, PrintStream out) throws Exception {
        manualSeed(options.seed());
        Module model = MnistMlp.model();
        Mnist.Split train = MnistData.train(options);
        DataLoader<List<Tensor>> loader = DataLoader.builder(train.dataset()).batchSize(options.integer("batch", 64))
                .shuffle(true).generator(new Generator(options.seed())).build();
        List<Tensor[]> batches = new ArrayList<>();
        for (List<Tensor> b : loader) batches.add(new Tensor[] {b.get(0), b.get(1)});
        LrFinderResult r = new LrFinder(model, new Adam(model.parameters(), 1e-3))
                .startLr(options.real("start", 1e-6)).endLr(options.real("end", 1))
                .rangeTest(batches, new CrossEntropyLoss());
        out.printf(Locale.ROOT, "tried %d learning rates from %.1e to %.1e%s%n", r.lrs().length, r.lrs()[0],
                r.lrs()[r.lrs().length - 1], r.diverged() ? " (stopped early: the loss exploded)" : "");
        out.printf(Locale.ROOT, "suggested learning rate: %.2e (steepest descent of the smoothed loss)%n",
                r.suggestedLr());
        Path plot = new LineChart("learning-rate range test", "learning rate", "loss").logX()
                .add("loss", r.lrs(), r.losses()).add("smoothed", r.lrs(), r.smoothedLosses()).mark(r.suggestedLr())
                .write(options.path("out", Path.of("nabla-runs")).resolve("lr-finder.svg"));
        out.println("curve: " + plot.toAbsolutePath());
    }
}
