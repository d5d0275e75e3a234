package dev.nabla.benchmarks;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
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
 * Float32 matrix products through {@code Tensor.mm}: square n×n·n×n (sgemm), and the skinny products of the
 * two-layer network's forward and backward, transposed operands passed as views. Each op allocates its result,
 * as {@code torch.mm(a, b)} and NumPy's {@code a @ b} do.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class GemmBench {
    /** Square operands of side n. */
    @State(Scope.Thread)
    public static class Square {
        /** Side of both operands. */
        @Param({"64", "128", "256", "512", "1024", "2048"})
        public int n;

        /** Intra-op threads ({@code Nabla.setNumThreads}). */
        @Param({"1", "2"})
        public int threads;

        Tensor a;
        Tensor b;
        long flops;

        /** Sets the thread count and fills both operands with normal samples. */
        @Setup
        public void setup() {
            BenchSetup.apply(threads, 1);
            a = Nabla.randn(n, n);
            b = Nabla.randn(n, n);
            flops = 2L * n * n * n;
        }
    }

    /** The products of one two-layer step: x 100×1000, w1 1000×100, h1 100×100, w2 100×10, grads alike. */
    @State(Scope.Thread)
    public static class Skinny {
        /** Which product: forward x·w1 and h1·w2; backward xᵀ·gradH, h1ᵀ·gradY and gradY·w2ᵀ. */
        @Param({"x_w1", "h1_w2", "xT_gradH", "h1T_gradY", "gradY_w2T"})
        public String product;

        /** Intra-op threads ({@code Nabla.setNumThreads}). */
        @Param({"1", "2"})
        public int threads;

        Tensor a;
        Tensor b;
        long flops;

        /** Builds the operands of the chosen product; transposes stay views, as in the example code. */
        @Setup
        public void setup() {
            BenchSetup.apply(threads, 2);
            switch (product) {
                case "x_w1" -> {
                    a = Nabla.randn(100, 1000);
                    b = Nabla.randn(1000, 100);
                }
                case "h1_w2" -> {
                    a = Nabla.randn(100, 100);
                    b = Nabla.randn(100, 10);
                }
                case "xT_gradH" -> {
                    a = Nabla.randn(100, 1000).t();
                    b = Nabla.randn(100, 100);
                }
                case "h1T_gradY" -> {
                    a = Nabla.randn(100, 100).t();
                    b = Nabla.randn(100, 10);
                }
                case "gradY_w2T" -> {
                    a = Nabla.randn(100, 10);
                    b = Nabla.randn(100, 10).t();
                }
                default -> throw new IllegalArgumentException("unknown product " + product);
            }
            flops = 2L * a.size(0) * a.size(1) * b.size(1);
        }
    }

    /** n×n·n×n; the "flops" counter gives FLOP/s. */
    @Benchmark
    public Tensor sgemm(Square s, FlopCounter counter) {
        counter.flops += s.flops;
        return BenchSetup.sync(s.a.mm(s.b));
    }

    /** One of the two-layer network's products; the "flops" counter gives FLOP/s. */
    @Benchmark
    public Tensor skinny(Skinny s, FlopCounter counter) {
        counter.flops += s.flops;
        return BenchSetup.sync(s.a.mm(s.b));
    }
}
