package dev.nabla.benchmarks;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.nn.Functional;
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
 * conv2d (3×3, stride 1, no padding, with bias) at the MNIST CNN's two layer shapes, batch 64: conv1 takes
 * [64, 1, 28, 28] to 32 channels, conv2 takes [64, 32, 13, 13] (after pooling) to 64. {@code forwardBackward}
 * adds the backward pass from a fixed output gradient; conv2's input needs a gradient too, conv1's does not.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class ConvBench {
    private static final int BATCH = 64;
    private static final int KERNEL = 3;

    /** Which layer: conv1 (1→32 on 28×28) or conv2 (32→64 on 13×13). */
    @Param({"conv1", "conv2"})
    public String layer;

    /** Intra-op threads ({@code Nabla.setNumThreads}). */
    @Param({"1", "2"})
    public int threads;

    private Tensor x;
    private Tensor weight;
    private Tensor bias;
    private Tensor gradOut;
    private long forwardFlops;
    private long backwardFlops;

    /** Builds input, weight, bias and an output gradient of the chosen layer's shapes. */
    @Setup
    public void setup() {
        BenchSetup.apply(threads, 5);
        boolean first = layer.equals("conv1");
        if (!first && !layer.equals("conv2")) throw new IllegalArgumentException("unknown layer " + layer);
        int in = first ? 1 : 32;
        int out = first ? 32 : 64;
        int side = first ? 28 : 13;
        int outSide = side - KERNEL + 1;
        x = Nabla.randn(BATCH, in, side, side).requiresGrad(!first);
        weight = Nabla.randn(out, in, KERNEL, KERNEL).mul(0.1).requiresGrad(true);
        bias = Nabla.randn(out).requiresGrad(true);
        gradOut = Nabla.randn(BATCH, out, outSide, outSide);
        forwardFlops = 2L * BATCH * out * outSide * outSide * in * KERNEL * KERNEL;
        // The weight gradient costs one forward's multiply-adds, the input gradient (conv2 only) another.
        backwardFlops = forwardFlops * (first ? 1 : 2);
    }

    /** The layer's forward pass; "flops" counts its multiply-adds twice. */
    @Benchmark
    public Tensor forward(FlopCounter counter) {
        counter.flops += forwardFlops;
        return BenchSetup.sync(Functional.conv2d(x, weight, bias));
    }

    /** Forward, then backward from a fixed output gradient, then the gradients dropped (set to null). */
    @Benchmark
    public Tensor forwardBackward(FlopCounter counter) {
        counter.flops += forwardFlops + backwardFlops;
        Functional.conv2d(x, weight, bias).backward(gradOut);
        Tensor grad = weight.grad();
        weight.setGrad(null);
        bias.setGrad(null);
        if (x.requiresGrad()) x.setGrad(null);
        return BenchSetup.sync(grad);
    }
}
