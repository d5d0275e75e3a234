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
 * Float32 elementwise ops that allocate their result: add, mul and exp of contiguous vectors, a row broadcast
 * over a square matrix, and an add with a transposed view. The "bytes" counter (each input read and the output
 * written once) gives GB/s.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class ElementwiseBench {
    private static final long FLOAT = 4;

    /** Intra-op threads ({@code Nabla.setNumThreads}). */
    @Param({"1", "2"})
    public int threads;

    /** Elements per operand: 1M (cache-resident on most machines) or 16M (memory-bound); both squares. */
    @Param({"1048576", "16777216"})
    public int size;

    private Tensor a;
    private Tensor b;
    private Tensor matrixA;
    private Tensor matrixB;
    private Tensor row;

    /** Sets the thread count and fills flat vectors, square matrices and one row with normal samples. */
    @Setup
    public void setup() {
        BenchSetup.apply(threads, 3);
        int side = (int) Math.round(Math.sqrt(size));
        if (side * side != size) throw new IllegalArgumentException("size must be a square, got " + size);
        a = Nabla.randn(size);
        b = Nabla.randn(size);
        matrixA = a.view(side, side);
        matrixB = b.view(side, side);
        row = Nabla.randn(1, side);
    }

    /** c = a + b on contiguous vectors: 12 bytes per element. */
    @Benchmark
    public Tensor add(ByteCounter counter) {
        counter.bytes += 3 * FLOAT * size;
        return BenchSetup.sync(a.add(b));
    }

    /** c = a * b on contiguous vectors: 12 bytes per element. */
    @Benchmark
    public Tensor mul(ByteCounter counter) {
        counter.bytes += 3 * FLOAT * size;
        return BenchSetup.sync(a.mul(b));
    }

    /** c = exp(a): 8 bytes per element. */
    @Benchmark
    public Tensor exp(ByteCounter counter) {
        counter.bytes += 2 * FLOAT * size;
        return BenchSetup.sync(a.exp());
    }

    /** c = A + row, the row broadcast down a square matrix: 8 bytes per element (the row stays in cache). */
    @Benchmark
    public Tensor broadcastAdd(ByteCounter counter) {
        counter.bytes += 2 * FLOAT * size;
        return BenchSetup.sync(matrixA.add(row));
    }

    /** c = Aᵀ + B with Aᵀ a strided view: 12 bytes per element. */
    @Benchmark
    public Tensor transposedAdd(ByteCounter counter) {
        counter.bytes += 3 * FLOAT * size;
        return BenchSetup.sync(matrixA.t().add(matrixB));
    }
}
