package dev.nabla.conformance;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static dev.nabla.Nabla.tensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Reductions, scans and softmax give bit-identical results whatever {@code Nabla.setNumThreads} says, so that
 * training runs reproduce across machines.
 */
public abstract class ThreadCountContract extends DeviceTestBase {
    private static final int BIG = 1 << 20;
    private static final double[] BIG_DATA = Ref.values(81, BIG + 37);
    private static final double[] GRID = Ref.values(82, 700 * 900);

    private int savedThreads;

    @BeforeEach
    void saveThreads() {
        savedThreads = Nabla.getNumThreads();
    }

    @AfterEach
    void restoreThreads() {
        Nabla.setNumThreads(savedThreads);
    }

    /** The results of {@code ops} on {@code x} under one thread and under {@code threads}, compared bit for bit. */
    private static void assertSameBits(int threads, Tensor x, List<Function<Tensor, Tensor>> ops) {
        List<double[]> one = run(1, x, ops);
        List<double[]> many = run(threads, x, ops);
        for (int i = 0; i < ops.size(); i++) {
            assertArrayEquals(one.get(i), many.get(i), "op " + i + " differs between 1 and " + threads + " threads");
        }
    }

    private static List<double[]> run(int threads, Tensor x, List<Function<Tensor, Tensor>> ops) {
        Nabla.setNumThreads(threads);
        assertEquals(threads, Nabla.getNumThreads());
        List<double[]> out = new ArrayList<>();
        for (Function<Tensor, Tensor> op : ops) out.add(op.apply(x).toDoubleArray());
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void fullReductionsOfAMillionElements(int threads) {
        List<Function<Tensor, Tensor>> ops = List.of(Tensor::sum, Tensor::mean, Tensor::max, Tensor::argmax,
                Tensor::argmin, t -> t.var(), t -> t.norm(), t -> t.logsumexp(0));
        assertSameBits(threads, tensor(Ref.floats(BIG_DATA)), ops);
        assertSameBits(threads, tensor(BIG_DATA), ops);
        assertSameBits(threads, tensor(Ref.floats(BIG_DATA)).slice(0, 1, BIG + 37, 3), ops);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void rowAndColumnReductions(int threads) {
        List<Function<Tensor, Tensor>> ops = List.of(t -> t.sum(1), t -> t.sum(0), t -> t.mean(0),
                t -> t.argmax(1, false), t -> t.argmax(0, false), t -> t.amax(new int[] {0}, false),
                t -> t.var(new int[] {1}, true, false), t -> t.sum(new int[] {0, 1}, false));
        assertSameBits(threads, tensor(Ref.floats(GRID), 700, 900), ops);
        assertSameBits(threads, tensor(Ref.floats(GRID), 700, 900).t(), ops);
        assertSameBits(threads, tensor(GRID, 900, 700), ops);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void scansAndSoftmax(int threads) {
        List<Function<Tensor, Tensor>> ops = List.of(t -> t.cumsum(1), t -> t.cumsum(0), t -> t.softmax(1),
                t -> t.softmax(0), t -> t.logSoftmax(1), t -> t.logsumexp(1));
        assertSameBits(threads, tensor(Ref.floats(GRID), 700, 900), ops);
        assertSameBits(threads, tensor(GRID, 700, 900).t(), ops);
        assertSameBits(threads, tensor(Ref.floats(BIG_DATA)).slice(0, 0, BIG), List.of(t -> t.cumsum(0)));
    }
}
