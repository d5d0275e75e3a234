package dev.nabla.examples;

import dev.nabla.Device;
import dev.nabla.Generator;
import dev.nabla.NoGrad;
import dev.nabla.Tensor;
import dev.nabla.nn.CrossEntropyLoss;
import dev.nabla.nn.Module;
import dev.nabla.nn.data.DataLoader;
import dev.nabla.nn.data.Mnist;
import dev.nabla.nn.io.Checkpoint;
import dev.nabla.nn.optim.Adam;
import dev.nabla.nn.optim.Optimizer;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The training loop both MNIST examples share: Adam, cross entropy, a test pass per epoch, a checkpoint, a plot. */
final class MnistTraining {
    private MnistTraining() {
    }

    /** Trains, printing a line per epoch, then saves the checkpoint and the loss plot and prints their paths. */
    static void train(String name, Module model, Options options, PrintStream out) throws Exception {
        int epochs = options.integer("epochs", 5);
        int batchSize = options.integer("batch", 64);
        double lr = options.real("lr", 1e-3);
        Mnist.Split train = MnistData.train(options);
        Device device = options.device();
        // The one line that moves training to another device (e.g. --device opencl): PyTorch's model.to(device).
        model.to(device);
        Mnist.Split cpuTest = MnistData.test(options);
        Mnist.Split test = new Mnist.Split(cpuTest.images().to(device), cpuTest.labels().to(device));
        out.println(model);
        out.printf(Locale.ROOT, "training on %d digits, testing on %d, batch %d, Adam lr %s, %d epochs%n",
                train.size(), test.size(), batchSize, lr, epochs);
        out.println("device: " + device);

        DataLoader<List<Tensor>> loader = DataLoader.builder(train.dataset()).batchSize(batchSize).shuffle(true)
                .generator(new Generator(options.seed())).prefetch(true).build();
        Optimizer optimizer = new Adam(model.parameters(), lr);
        CrossEntropyLoss lossFn = new CrossEntropyLoss();
        List<Double> losses = new ArrayList<>();
        for (int epoch = 1; epoch <= epochs; epoch++) {
            model.train();
            long start = System.nanoTime();
            double sum = 0;
            int seen = 0;
            for (List<Tensor> batch : loader) {
                Tensor loss = lossFn.forward(model.forward(batch.get(0).to(device)), batch.get(1).to(device));
                optimizer.zeroGrad();
                loss.backward();
                optimizer.step();
                double l = loss.item();
                losses.add(l);
                int n = batch.get(1).size(0);
                sum += l * n;
                seen += n;
            }
            double accuracy = accuracy(model, test);
            out.println(Progress.line(epoch, epochs, seen, train.size(), (System.nanoTime() - start) / 1e9, sum / seen,
                    accuracy));
        }
        Path dir = Files.createDirectories(options.path("out", Path.of("nabla-runs")));
        Path checkpoint = dir.resolve(name + ".safetensors");
        Checkpoint.save(checkpoint, model, optimizer);
        out.println("checkpoint: " + checkpoint.toAbsolutePath());
        double[] steps = new double[losses.size()];
        double[] values = new double[losses.size()];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = i + 1;
            values[i] = losses.get(i);
        }
        Path plot = new LineChart(name + ": training loss", "batch", "cross-entropy loss")
                .add("loss per batch", steps, values).add("moving average", steps, movingAverage(values, 20))
                .write(dir.resolve(name + "-loss.svg"));
        out.println("loss curve: " + plot.toAbsolutePath());
    }

    /** The fraction of test digits the model classifies correctly, in eval mode and without recording. */
    static double accuracy(Module model, Mnist.Split test) {
        model.eval();
        int correct = 0;
        try (NoGrad g = NoGrad.enter()) {
            for (int at = 0; at < test.size(); at += 500) {
                int n = Math.min(500, test.size() - at);
                Tensor predicted = model.forward(test.images().narrow(0, at, n)).argmax(1, false);
                correct += (int) predicted.eq(test.labels().narrow(0, at, n)).sum().itemLong();
            }
        }
        return (double) correct / test.size();
    }

    private static double[] movingAverage(double[] v, int window) {
        double[] out = new double[v.length];
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            sum += v[i];
            if (i >= window) sum -= v[i - window];
            out[i] = sum / Math.min(i + 1, window);
        }
        return out;
    }
}
