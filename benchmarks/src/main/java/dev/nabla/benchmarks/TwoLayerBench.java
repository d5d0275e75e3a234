package dev.nabla.benchmarks;

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
 * The examples' two-layer network as a workload. {@code epoch}: the tutorial's whole run, 20 steps at
 * x 100×1000 → 100 → 10 from the same initial weights each time (score: ms per 20-step run; "steps": ms per step).
 * {@code scaledStep}: one step of the scaled variant, x 1024×4096 → 1024 → 10, from the same weights each time.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class TwoLayerBench {
    /** Steps in the tutorial's run. */
    public static final int EPOCH_STEPS = 20;

    /** The tutorial-sized network in one of its three forms. */
    @State(Scope.Thread)
    public static class Tutorial {
        /** manual, autograd or nn (the three examples). */
        @Param({"manual", "autograd", "nn"})
        public String form;

        /** Intra-op threads ({@code Nabla.setNumThreads}). */
        @Param({"1", "2"})
        public int threads;

        TwoLayerNet net;

        /** Sets the thread count and builds the network. */
        @Setup
        public void setup() {
            BenchSetup.apply(threads, 0);
            net = TwoLayerNet.tutorial(TwoLayerNet.form(form));
        }
    }

    /** The scaled network, manual or autograd. */
    @State(Scope.Thread)
    public static class Scaled {
        /** manual or autograd. */
        @Param({"manual", "autograd"})
        public String form;

        /** Intra-op threads ({@code Nabla.setNumThreads}). */
        @Param({"1", "2"})
        public int threads;

        TwoLayerNet net;

        /** Sets the thread count and builds the network. */
        @Setup
        public void setup() {
            BenchSetup.apply(threads, 0);
            net = TwoLayerNet.scaled(TwoLayerNet.form(form));
        }
    }

    /** Restores the initial weights, then 20 training steps, each reading its loss with item(). */
    @Benchmark
    public double epoch(Tutorial s, StepCounter counter) {
        s.net.restore();
        counter.steps += EPOCH_STEPS;
        return s.net.train(EPOCH_STEPS);
    }

    /** Restores the initial weights, then one training step of the scaled variant. */
    @Benchmark
    public double scaledStep(Scaled s, StepCounter counter) {
        s.net.restore();
        counter.steps += 1;
        return s.net.train(1);
    }
}
