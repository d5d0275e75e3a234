package dev.nabla.benchmarks;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.nn.Conv2d;
import dev.nabla.nn.CrossEntropyLoss;
import dev.nabla.nn.Flatten;
import dev.nabla.nn.Linear;
import dev.nabla.nn.MaxPool2d;
import dev.nabla.nn.ReLU;
import dev.nabla.nn.Sequential;
import dev.nabla.nn.optim.Adam;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * One training step of the mnist-cnn example's model at batch 64: forward, cross entropy, zeroGrad, backward and
 * an Adam step (lr 1e-3), on a fixed batch of uniform [64, 28, 28] images and random labels.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class MnistCnnBench {
    private static final int BATCH = 64;

    /** Intra-op threads ({@code Nabla.setNumThreads}). */
    @Param({"1", "2"})
    public int threads;

    private Sequential model;
    private CrossEntropyLoss lossFn;
    private Adam optimizer;
    private Tensor images;
    private Tensor labels;

    /** The layers of {@code MnistCnn.model()}, built here because that method is private to the examples. */
    public static Sequential model() {
        return new Sequential(
                new Conv2d(1, 32, 3), new ReLU(), new MaxPool2d(2),
                new Conv2d(32, 64, 3), new ReLU(), new MaxPool2d(2),
                new Flatten(), new Linear(64 * 5 * 5, 128), new ReLU(), new Linear(128, 10));
    }

    /** Sets the thread count, builds the model, Adam and a fixed batch. */
    @Setup
    public void setup() {
        BenchSetup.apply(threads, 9);
        model = model();
        lossFn = new CrossEntropyLoss();
        optimizer = new Adam(model.parameters(), 1e-3);
        images = Nabla.rand(BATCH, 28, 28);
        labels = Nabla.randint(0, 10, BATCH);
    }

    /** One step; returns the loss read with item(), as the example's training loop records it. */
    @Benchmark
    public double trainStep() {
        Tensor loss = lossFn.forward(model.forward(images.unsqueeze(1)), labels);
        optimizer.zeroGrad();
        loss.backward();
        optimizer.step();
        return loss.item();
    }
}
