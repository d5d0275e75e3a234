package dev.nabla.cpu;

import dev.nabla.DType;
import dev.nabla.Nabla;
import dev.nabla.cpu.simd.GemmProvider;
import dev.nabla.spi.Strided;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The batched product of both kernel sets (Vector API and plain Java) against a triple loop in double (in long for
 * int64) that reads the operands through their strides independently of the code under test.
 */
class GemmTest {
    /** How an operand's storage is laid out behind its [B, rows, cols] view. */
    enum Layout { CONTIGUOUS, TRANSPOSED, STEPPED, REVERSED, BROADCAST }

    private static final int[] ODD_SIZES = {1, 7, 8, 13, 17, 33, 65, 129};
    /**
     * {M, K, N}: mixed shapes, K = 1, vectors, panel and depth edges (B packed whole or panel by panel), one larger
     * product.
     */
    private static final int[][] SHAPES = {
        {1, 129, 7}, {129, 1, 65}, {7, 300, 1}, {1, 65, 129}, {13, 8, 17}, {65, 257, 33}, {5, 3, 2100},
        {3, 600, 1000}, {3, 2, 2}, {2, 3, 2}, {100, 100, 10}, {257, 300, 190}};

    static List<GemmProvider> providers() {
        assertTrue(GemmProvider.vectorAvailable(), "the tests run with --add-modules jdk.incubator.vector (parent pom)");
        return List.of(GemmProvider.vector(), GemmProvider.scalar());
    }

    static List<Object[]> providersAndFloatTypes() {
        List<Object[]> cases = new ArrayList<>();
        for (GemmProvider p : providers()) {
            cases.add(new Object[] {p, DType.FLOAT32});
            cases.add(new Object[] {p, DType.FLOAT64});
        }
        return cases;
    }

    @ParameterizedTest
    @MethodSource("providersAndFloatTypes")
    void agreesWithTripleLoopOnOddSizes(GemmProvider kernels, DType dtype) {
        SplittableRandom rnd = new SplittableRandom(1);
        for (int s : ODD_SIZES) check(kernels, dtype, 1, s, s, s, Layout.CONTIGUOUS, Layout.CONTIGUOUS, rnd);
        for (int[] s : SHAPES) check(kernels, dtype, 1, s[0], s[1], s[2], Layout.CONTIGUOUS, Layout.CONTIGUOUS, rnd);
    }

    @Test
    void int64IsExactOnOddSizes() {
        SplittableRandom rnd = new SplittableRandom(2);
        GemmProvider kernels = GemmProvider.get();
        for (int s : ODD_SIZES) check(kernels, DType.INT64, 1, s, s, s, Layout.CONTIGUOUS, Layout.CONTIGUOUS, rnd);
        for (int[] s : SHAPES) check(kernels, DType.INT64, 1, s[0], s[1], s[2], Layout.CONTIGUOUS, Layout.TRANSPOSED, rnd);
    }

    @ParameterizedTest
    @MethodSource("providersAndFloatTypes")
    void readsTransposedSteppedAndReversedOperandsInPlace(GemmProvider kernels, DType dtype) {
        SplittableRandom rnd = new SplittableRandom(3);
        Layout[] layouts = {Layout.CONTIGUOUS, Layout.TRANSPOSED, Layout.STEPPED, Layout.REVERSED};
        for (Layout la : layouts) {
            for (Layout lb : layouts) {
                check(kernels, dtype, 1, 37, 41, 45, la, lb, rnd);
                check(kernels, dtype, 2, 130, 270, 70, la, lb, rnd);
            }
        }
        check(kernels, DType.INT64, 1, 37, 41, 45, Layout.STEPPED, Layout.REVERSED, rnd);
    }

    @ParameterizedTest
    @MethodSource("providersAndFloatTypes")
    void handlesBatchesAndBroadcastBatches(GemmProvider kernels, DType dtype) {
        SplittableRandom rnd = new SplittableRandom(4);
        check(kernels, dtype, 3, 20, 30, 40, Layout.BROADCAST, Layout.CONTIGUOUS, rnd);
        check(kernels, dtype, 3, 20, 30, 40, Layout.TRANSPOSED, Layout.BROADCAST, rnd);
        check(kernels, dtype, 100, 9, 20, 11, Layout.CONTIGUOUS, Layout.STEPPED, rnd);
        check(kernels, dtype, 2, 70, 80, 90, Layout.CONTIGUOUS, Layout.CONTIGUOUS, rnd);
        check(kernels, DType.INT64, 50, 9, 20, 11, Layout.BROADCAST, Layout.STEPPED, rnd);
    }

    @ParameterizedTest
    @MethodSource("providersAndFloatTypes")
    void zeroDepthGivesZerosAndEmptyShapesDoNothing(GemmProvider kernels, DType dtype) {
        for (DType t : new DType[] {dtype, DType.INT64}) {
            SplittableRandom rnd = new SplittableRandom(5);
            Strided a = operand(t, 2, 4, 0, Layout.CONTIGUOUS, rnd);
            Strided b = operand(t, 2, 0, 5, Layout.CONTIGUOUS, rnd);
            Strided out = operand(t, 2, 4, 5, Layout.CONTIGUOUS, rnd);
            Gemm.matmul(out, a, b, kernels);
            for (int i = 0; i < 40; i++) assertEquals(0.0, get(out, 0, 0, i), "element " + i);
            check(kernels, t, 2, 0, 3, 4, Layout.CONTIGUOUS, Layout.CONTIGUOUS, rnd);
            check(kernels, t, 2, 3, 4, 0, Layout.CONTIGUOUS, Layout.CONTIGUOUS, rnd);
            check(kernels, t, 0, 3, 4, 5, Layout.CONTIGUOUS, Layout.CONTIGUOUS, rnd);
        }
    }

    @ParameterizedTest
    @MethodSource("providersAndFloatTypes")
    void writesThroughTheOutputStridesOnly(GemmProvider kernels, DType dtype) {
        for (DType t : new DType[] {dtype, DType.INT64}) {
            for (Layout lo : new Layout[] {Layout.TRANSPOSED, Layout.STEPPED}) {
                for (int[] s : new int[][] {{5, 6, 7}, {130, 70, 150}}) {
                    SplittableRandom rnd = new SplittableRandom(6);
                    Strided a = operand(t, 2, s[0], s[1], Layout.CONTIGUOUS, rnd);
                    Strided b = operand(t, 2, s[1], s[2], Layout.TRANSPOSED, rnd);
                    Strided out = operand(t, 2, s[0], s[2], lo, rnd);
                    Object before = copyOf(CpuStorage.array(out));
                    Gemm.matmul(out, a, b, kernels);
                    assertMatches(a, b, out, kernels + " " + t + " out " + lo);
                    assertOnlyViewChanged(out, before);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("providers")
    void resultsAreBitIdenticalForAnyThreadCount(GemmProvider kernels) {
        int saved = Nabla.getNumThreads();
        try {
            for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
                // Each splits across two tasks: square, few rows (columns split), dot products, many small batches.
                int[][] cases = {{1, 300, 300, 300}, {1, 4, 400, 3000}, {1, 5000, 250, 4}, {200, 32, 32, 32}};
                for (int[] c : cases) {
                    SplittableRandom rnd = new SplittableRandom(7);
                    Strided a = operand(t, c[0], c[1], c[2], Layout.CONTIGUOUS, rnd);
                    Strided b = operand(t, c[0], c[2], c[3], Layout.TRANSPOSED, rnd);
                    Nabla.setNumThreads(1);
                    Strided one = operand(t, c[0], c[1], c[3], Layout.CONTIGUOUS, rnd);
                    Gemm.matmul(one, a, b, kernels);
                    Nabla.setNumThreads(2);
                    Strided two = operand(t, c[0], c[1], c[3], Layout.CONTIGUOUS, rnd);
                    Gemm.matmul(two, a, b, kernels);
                    String what = kernels + " " + t + " " + Arrays.toString(c);
                    if (t == DType.FLOAT32) {
                        assertArrayEquals((float[]) CpuStorage.array(one), (float[]) CpuStorage.array(two), what);
                    } else {
                        assertArrayEquals((double[]) CpuStorage.array(one), (double[]) CpuStorage.array(two), what);
                    }
                    assertMatches(a, b, one, what);
                }
            }
        } finally {
            Nabla.setNumThreads(saved);
        }
    }

    @Test
    void theTestJvmUsesTheVectorApiKernels() {
        assertTrue(GemmProvider.get().name().startsWith("Vector API"), GemmProvider.get().name());
    }

    @Test
    void rejectsDtypesItDoesNotMultiply() {
        Strided a = operand(DType.INT32, 1, 2, 2, Layout.CONTIGUOUS, new SplittableRandom(8));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Gemm.matmul(a, a, a));
        assertTrue(e.getMessage().contains("int32"), e.getMessage());
    }

    // ---------------------------------------------------------------- helpers

    private static void check(GemmProvider kernels, DType t, int batches, int m, int k, int n, Layout la, Layout lb,
                              SplittableRandom rnd) {
        Strided a = operand(t, batches, m, k, la, rnd);
        Strided b = operand(t, batches, k, n, lb, rnd);
        Strided out = operand(t, batches, m, n, Layout.CONTIGUOUS, rnd);
        Gemm.matmul(out, a, b, kernels);
        assertMatches(a, b, out, kernels + " " + t + " [" + batches + "," + m + "," + k + "]x[" + k + "," + n + "] "
                + la + " x " + lb);
    }

    /** Exact for int64; for floats within the classic dot-product bound (k + 4)·2u·Σ|a·b|. */
    private static void assertMatches(Strided a, Strided b, Strided out, String what) {
        int batches = a.shape()[0];
        int m = a.shape()[1];
        int k = a.shape()[2];
        int n = b.shape()[2];
        double u = a.dtype() == DType.FLOAT32 ? 0x1p-24 : 0x1p-53;
        for (int bt = 0; bt < batches; bt++) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double actual = get(out, bt, i, j);
                    if (a.dtype() == DType.INT64) {
                        long expected = 0;
                        for (int p = 0; p < k; p++) expected += getLong(a, bt, i, p) * getLong(b, bt, p, j);
                        if (expected != getLong(out, bt, i, j)) {
                            fail(what + ": element [" + bt + "," + i + "," + j + "] is " + getLong(out, bt, i, j)
                                    + ", expected " + expected);
                        }
                        continue;
                    }
                    double expected = 0;
                    double magnitude = 0;
                    for (int p = 0; p < k; p++) {
                        double x = get(a, bt, i, p) * get(b, bt, p, j);
                        expected += x;
                        magnitude += Math.abs(x);
                    }
                    double tol = (k + 4) * 2 * u * magnitude;
                    if (!(Math.abs(actual - expected) <= tol)) {
                        fail(what + ": element [" + bt + "," + i + "," + j + "] is " + actual + ", expected " + expected
                                + " within " + tol);
                    }
                }
            }
        }
    }

    /** A random operand of shape [batches, rows, cols] with the given layout (stored in a larger array when stepped). */
    static Strided operand(DType t, int batches, int rows, int cols, Layout layout, SplittableRandom rnd) {
        int[] shape = {batches, rows, cols};
        int size;
        int[] strides;
        int offset = 0;
        switch (layout) {
            case CONTIGUOUS -> {
                size = batches * rows * cols;
                strides = new int[] {rows * cols, cols, 1};
            }
            case TRANSPOSED -> {
                size = batches * rows * cols;
                strides = new int[] {rows * cols, 1, rows};
            }
            case STEPPED -> {
                // [:, 1::2, 2::3] of a [batches, 2*rows + 1, 3*cols + 2] parent.
                int parentCols = 3 * cols + 2;
                int perBatch = (2 * rows + 1) * parentCols;
                size = batches * perBatch;
                strides = new int[] {perBatch, 2 * parentCols, 3};
                offset = parentCols + 2;
            }
            case REVERSED -> {
                size = batches * rows * cols;
                strides = new int[] {rows * cols, -cols, 1};
                offset = Math.max(0, (rows - 1) * cols);
            }
            case BROADCAST -> {
                size = rows * cols;
                strides = new int[] {0, cols, 1};
            }
            default -> throw new AssertionError(layout);
        }
        Object array = t.newArray(size);
        for (int i = 0; i < size; i++) {
            switch (t) {
                case FLOAT32 -> ((float[]) array)[i] = (float) rnd.nextDouble(-1, 1);
                case FLOAT64 -> ((double[]) array)[i] = rnd.nextDouble(-1, 1);
                case INT64 -> ((long[]) array)[i] = rnd.nextLong(-1_000_000, 1_000_000);
                case INT32 -> ((int[]) array)[i] = rnd.nextInt(-100, 100);
                default -> throw new AssertionError(t);
            }
        }
        return new Strided(new CpuStorage(t, array), shape, strides, offset);
    }

    private static int index(Strided s, int b, int i, int j) {
        return s.offset() + b * s.strides()[0] + i * s.strides()[1] + j * s.strides()[2];
    }

    private static double get(Strided s, int b, int i, int j) {
        Object array = CpuStorage.array(s);
        int at = index(s, b, i, j);
        if (array instanceof float[] f) return f[at];
        if (array instanceof double[] d) return d[at];
        return ((long[]) array)[at];
    }

    private static long getLong(Strided s, int b, int i, int j) {
        return ((long[]) CpuStorage.array(s))[index(s, b, i, j)];
    }

    private static Object copyOf(Object array) {
        if (array instanceof float[] f) return f.clone();
        if (array instanceof double[] d) return d.clone();
        return ((long[]) array).clone();
    }

    /** Every element of the storage outside the view is as it was. */
    private static void assertOnlyViewChanged(Strided out, Object before) {
        Object after = CpuStorage.array(out);
        boolean[] inView = new boolean[java.lang.reflect.Array.getLength(after)];
        for (int b = 0; b < out.shape()[0]; b++) {
            for (int i = 0; i < out.shape()[1]; i++) {
                for (int j = 0; j < out.shape()[2]; j++) inView[index(out, b, i, j)] = true;
            }
        }
        for (int x = 0; x < inView.length; x++) {
            if (!inView[x]) {
                assertEquals(java.lang.reflect.Array.get(before, x), java.lang.reflect.Array.get(after, x),
                        "storage element " + x + " outside the output view");
            }
        }
    }
}
