package dev.nabla.benchmarks;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/** The fixed cost of one op on tiny tensors (dispatch, checks, allocation, autograd bookkeeping), in ns per op. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class OverheadBench {
    private Tensor a;
    private Tensor b;
    private Tensor c;
    private Tensor leafA;
    private Tensor leafB;

    /** One thread; 2×3 operands, a 3×2 right-hand side for mm, and two 2×3 leaves that require gradients. */
    @Setup
    public void setup() {
        BenchSetup.apply(1, 6);
        a = Nabla.randn(2, 3);
        b = Nabla.randn(2, 3);
        c = Nabla.randn(3, 2);
        leafA = Nabla.randn(2, 3).requiresGrad(true);
        leafB = Nabla.randn(2, 3).requiresGrad(true);
    }

    /** a + b on 2×3. */
    @Benchmark
    public Tensor add() {
        return BenchSetup.sync(a.add(b));
    }

    /** 2×3 · 3×2. */
    @Benchmark
    public Tensor mm() {
        return BenchSetup.sync(a.mm(c));
    }

    /** {@code (a*b).sum().backward()} on 2×3 leaves, then their gradients dropped (set to null). */
    @Benchmark
    public Tensor forwardBackward() {
        leafA.mul(leafB).sum().backward();
        Tensor grad = leafA.grad();
        leafA.setGrad(null);
        leafB.setGrad(null);
        return BenchSetup.sync(grad);
    }
}
