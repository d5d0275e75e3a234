package dev.nabla.cpu;

import dev.nabla.DType;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Reductions that take the row-at-a-time path (kept innermost dim of unit stride) give the same bits as the
 * one-output-at-a-time path, which the same values laid out with a non-unit inner stride take.
 */
class RowReduceTest {

    /** Values with NaN, infinities, signed zeros and ties sprinkled in. */
    private static double[] values(long seed, int n, boolean specials) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (r.nextDouble() * 2 - 1);
            if (!specials) continue;
            int pick = r.nextInt(40);
            if (pick == 0) v[i] = Double.NaN;
            else if (pick == 1) v[i] = -0.0;
            else if (pick == 2) v[i] = 0.0;
            else if (pick == 3) v[i] = Double.NEGATIVE_INFINITY;
            else if (pick < 8) v[i] = 0.5;
        }
        return v;
    }

    /** x as [rows, count, inner] twice: contiguous (row path) and stored as [rows, inner, count] (generic path). */
    private static void assertPathsAgree(int rows, int count, int inner, DType dtype, boolean specials) {
        double[] v = values(rows * 31L + count * 7L + inner, rows * count * inner, specials);
        double[] transposed = new double[v.length];
        for (int a = 0; a < rows; a++) for (int r = 0; r < count; r++) for (int b = 0; b < inner; b++) {
            transposed[(a * inner + b) * count + r] = v[(a * count + r) * inner + b];
        }
        Tensor fast = Nabla.tensor(v, rows, count, inner).to(dtype);
        Tensor generic = Nabla.tensor(transposed, rows, inner, count).to(dtype).transpose(1, 2);
        List<Function<Tensor, Tensor>> ops = List.of(t -> t.sum(1), t -> t.amax(new int[] {1}, false),
                t -> t.amin(new int[] {1}, false), t -> t.argmax(1, false), t -> t.argmin(1, false),
                t -> t.max(1).values());
        for (int i = 0; i < ops.size(); i++) {
            String at = "op " + i + " on [" + rows + ", " + count + ", " + inner + "] " + dtype;
            assertArrayEquals(ops.get(i).apply(generic).toDoubleArray(), ops.get(i).apply(fast).toDoubleArray(), at);
        }
    }

    @Test
    void rowPathMatchesTheGenericPathBitForBit() {
        for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            for (int count : new int[] {1, 2, 3, 4, 7, 8, 9, 17, 1029}) {
                assertPathsAgree(3, count, 8, t, true);
                assertPathsAgree(2, count, 13, t, false);
            }
            assertPathsAgree(1, 5, 600, t, true);
            assertPathsAgree(64, 4, 144, t, true);
        }
    }

    @Test
    void longReductionsCombinePiecesAsTheStagedPathDoes() {
        // count > 4096: the generic path stages pieces of 4096 when the reduced elements are not contiguous.
        int count = 4096 * 2 + 77;
        int inner = 9;
        for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            double[] v = values(5, count * inner * 2, false);
            Tensor strided = Nabla.tensor(v, count, inner, 2).to(t).select(2, 0);
            Tensor dense = strided.contiguous();
            assertArrayEquals(strided.sum(0).toDoubleArray(), dense.sum(0).toDoubleArray());
            assertArrayEquals(strided.amax(new int[] {0}, false).toDoubleArray(),
                    dense.amax(new int[] {0}, false).toDoubleArray());
        }
    }

    @Test
    void resultsIgnoreTheThreadCount() {
        int saved = Nabla.getNumThreads();
        try {
            Tensor x = Nabla.tensor(values(9, 64 * 64 * 4 * 144, true), 64, 64, 4, 144);
            Nabla.setNumThreads(1);
            double[] sum1 = x.sum(2).toDoubleArray();
            double[] arg1 = x.argmax(2, false).toDoubleArray();
            Nabla.setNumThreads(2);
            assertArrayEquals(sum1, x.sum(2).toDoubleArray());
            assertArrayEquals(arg1, x.argmax(2, false).toDoubleArray());
        } finally {
            Nabla.setNumThreads(saved);
        }
    }

    @Test
    void columnSumsMatchALoop() {
        int rows = 300;
        int cols = 21;
        double[] v = values(11, rows * cols, false);
        double[] expected = new double[cols];
        for (int j = 0; j < cols; j++) for (int i = 0; i < rows; i++) expected[j] += v[i * cols + j];
        double[] actual = Nabla.tensor(v, rows, cols).to(DType.FLOAT64).sum(0).toDoubleArray();
        for (int j = 0; j < cols; j++) assertEquals(expected[j], actual[j], 1e-12);
    }
}
