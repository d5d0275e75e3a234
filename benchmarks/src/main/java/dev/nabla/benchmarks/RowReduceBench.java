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

/** Row-wise reductions of a 1024×1024 float32 matrix: sum, max (values only) and softmax, in GB/s. */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class RowReduceBench {
    private static final int SIDE = 1024;
    private static final long MATRIX_BYTES = 4L * SIDE * SIDE;
    private static final int[] ROWS = {1};

    /** Intra-op threads ({@code Nabla.setNumThreads}). */
    @Param({"1", "2"})
    public int threads;

    private Tensor x;

    /** Sets the thread count and fills the matrix with normal samples. */
    @Setup
    public void setup() {
        BenchSetup.apply(threads, 4);
        x = Nabla.randn(SIDE, SIDE);
    }

    /** x.sum(1): the matrix read once. */
    @Benchmark
    public Tensor sum(ByteCounter counter) {
        counter.bytes += MATRIX_BYTES;
        return BenchSetup.sync(x.sum(1));
    }

    /** x.amax(1), as {@code torch.amax(x, 1)} and NumPy's {@code x.max(axis=1)}: the matrix read once. */
    @Benchmark
    public Tensor max(ByteCounter counter) {
        counter.bytes += MATRIX_BYTES;
        return BenchSetup.sync(x.amax(ROWS, false));
    }

    /** x.softmax(1): the matrix read and the result written (the passes inside count once). */
    @Benchmark
    public Tensor softmax(ByteCounter counter) {
        counter.bytes += 2 * MATRIX_BYTES;
        return BenchSetup.sync(x.softmax(1));
    }
}
