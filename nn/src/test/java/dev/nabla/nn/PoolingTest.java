package dev.nabla.nn;

import dev.nabla.DType;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.nn.ConvReference.Pool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** maxPool2d, avgPool2d and adaptiveAvgPool2d against plain loops, PyTorch's output sizes, gradients and errors. */
class PoolingTest {
    // n, c, h, w, kh, kw, sh, sw, ph, pw, dh, dw, ceil mode, expected oh, ow (PyTorch's output sizes)
    private static final int[][] MAX_CASES = {
        {2, 3, 8, 8, 2, 2, 2, 2, 0, 0, 1, 1, 0, 4, 4},
        {1, 2, 7, 9, 3, 2, 2, 3, 1, 1, 1, 1, 0, 4, 4},
        {1, 1, 5, 5, 2, 2, 2, 2, 0, 0, 1, 1, 1, 3, 3},
        {2, 1, 6, 7, 3, 3, 2, 2, 1, 0, 1, 1, 1, 4, 3},
        {1, 2, 9, 8, 3, 2, 1, 2, 1, 1, 2, 3, 0, 7, 4},
        {1, 1, 6, 6, 3, 3, 2, 2, 1, 1, 1, 1, 1, 4, 4},
    };
    // n, c, h, w, kh, kw, sh, sw, ph, pw, ceil mode, expected oh, ow
    private static final int[][] AVG_CASES = {
        {2, 3, 8, 8, 2, 2, 2, 2, 0, 0, 0, 4, 4},
        {1, 2, 7, 9, 3, 3, 2, 3, 1, 1, 0, 4, 3},
        {1, 1, 5, 5, 2, 2, 2, 2, 0, 0, 1, 3, 3},
        {2, 1, 6, 7, 3, 3, 2, 2, 1, 1, 1, 4, 4},
        {1, 2, 5, 6, 4, 3, 3, 2, 2, 1, 1, 3, 4},
    };

    private static void assertClose(double[] expected, Tensor actual, int[] shape, double tol) {
        assertArrayEquals(shape, actual.shape(), "shape");
        double[] a = actual.toDoubleArray();
        for (int i = 0; i < a.length; i++) {
            assertEquals(expected[i], a[i], tol * Math.max(1, Math.abs(expected[i])), "element " + i);
        }
    }

    @Test
    void maxPoolMatchesLoopsWithPaddingDilationAndCeilMode() {
        for (int[] k : MAX_CASES) {
            Pool s = new Pool(k[0], k[1], k[2], k[3], k[4], k[5], k[6], k[7], k[8], k[9], k[10], k[11], k[13], k[14]);
            double[] x = ConvReference.values(21, s.n() * s.c() * s.h() * s.w());
            for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
                Tensor y = Functional.maxPool2d(Nabla.tensor(x, s.n(), s.c(), s.h(), s.w()).to(t),
                        new int[] {s.kh(), s.kw()}, new int[] {s.sh(), s.sw()}, new int[] {s.ph(), s.pw()},
                        new int[] {s.dh(), s.dw()}, k[12] == 1);
                assertEquals(t, y.dtype());
                assertClose(ConvReference.maxPool2d(s, x), y, new int[] {s.n(), s.c(), s.oh(), s.ow()}, 0);
            }
        }
    }

    @Test
    void maxPoolSendsEachWindowsGradientToItsFirstMaximum() {
        Tensor x = Nabla.tensor(new double[] {1, 3, 3, 0, 2, 3, 0, 1, 5, 5, 5, 5, 5, 5, 5, 5}, 1, 1, 4, 4)
                .requiresGrad(true);
        Tensor y = Functional.maxPool2d(x, 2);
        assertArrayEquals(new double[] {3, 3, 5, 5}, y.toDoubleArray());
        y.backward(Nabla.tensor(new double[] {1, 2, 3, 4}, 1, 1, 2, 2));
        assertArrayEquals(new double[] {0, 1, 2, 0, 0, 0, 0, 0, 3, 0, 4, 0, 0, 0, 0, 0}, x.grad().toDoubleArray());
        Tensor unbatched = Functional.maxPool2d(Nabla.tensor(new double[] {1, 2, 3, 4}, 1, 2, 2), 2);
        assertArrayEquals(new int[] {1, 1, 1}, unbatched.shape());
        assertEquals(4.0, unbatched.item());
    }

    @Test
    void avgPoolMatchesLoopsWithAndWithoutCountIncludePad() {
        for (int[] k : AVG_CASES) {
            Pool s = new Pool(k[0], k[1], k[2], k[3], k[4], k[5], k[6], k[7], k[8], k[9], 1, 1, k[11], k[12]);
            double[] x = ConvReference.values(22, s.n() * s.c() * s.h() * s.w());
            for (boolean include : new boolean[] {true, false}) {
                Tensor y = Functional.avgPool2d(Nabla.tensor(x, s.n(), s.c(), s.h(), s.w()).to(DType.FLOAT64),
                        new int[] {s.kh(), s.kw()}, new int[] {s.sh(), s.sw()}, new int[] {s.ph(), s.pw()}, k[10] == 1,
                        include);
                assertClose(ConvReference.avgPool2d(s, x, include), y, new int[] {s.n(), s.c(), s.oh(), s.ow()}, 1e-12);
            }
        }
    }

    @Test
    void avgPoolOfAKnownGrid() {
        // 1..16 in 4x4, kernel 3, stride 2, padding 1: corners see 4 pixels, divided by 9 with padding counted.
        Tensor x = Nabla.arange(1, 17).to(DType.FLOAT64).reshape(1, 1, 4, 4);
        int[] three = {3, 3};
        int[] two = {2, 2};
        int[] one = {1, 1};
        assertArrayEquals(new double[] {14.0 / 9, 30.0 / 9, 57.0 / 9, 99.0 / 9},
                Functional.avgPool2d(x, three, two, one, false, true).toDoubleArray(), 1e-12);
        assertArrayEquals(new double[] {14.0 / 4, 30.0 / 6, 57.0 / 6, 99.0 / 9},
                Functional.avgPool2d(x, three, two, one, false, false).toDoubleArray(), 1e-12);
        assertArrayEquals(new double[] {3.5, 5.5, 11.5, 13.5}, Functional.avgPool2d(x, 2).toDoubleArray(), 1e-12);
    }

    @Test
    void adaptiveAvgPoolForDivisibleAndNonDivisibleSizes() {
        int[][] cases = {{8, 6, 4, 3}, {7, 5, 3, 2}, {5, 5, 1, 1}, {4, 6, 4, 6}, {3, 4, 5, 7}, {10, 9, 4, 4}};
        for (int[] k : cases) {
            double[] x = ConvReference.values(23, 2 * 3 * k[0] * k[1]);
            Tensor in = Nabla.tensor(x, 2, 3, k[0], k[1]);
            double[] expected = ConvReference.adaptiveAvgPool2d(6, k[0], k[1], k[2], k[3], x);
            assertClose(expected, Functional.adaptiveAvgPool2d(in.to(DType.FLOAT64), k[2], k[3]),
                    new int[] {2, 3, k[2], k[3]}, 1e-12);
            assertClose(expected, Functional.adaptiveAvgPool2d(in, k[2], k[3]), new int[] {2, 3, k[2], k[3]}, 1e-5);
        }
        Tensor square = Functional.adaptiveAvgPool2d(Nabla.ones(3, 7, 7), 2);
        assertArrayEquals(new int[] {3, 2, 2}, square.shape());
        assertArrayEquals(new double[12], square.sub(1.0).toDoubleArray(), 1e-6);
    }

    private static void assertMessage(Executable body, String... parts) {
        RuntimeException e = assertThrows(RuntimeException.class, body);
        for (String p : parts) assertTrue(e.getMessage().contains(p), "'" + p + "' missing from: " + e.getMessage());
    }

    @Test
    void errorsNameTheOpAndTheShapes() {
        Tensor x = Nabla.zeros(1, 2, 4, 4);
        int[] one = {1, 1};
        assertMessage(() -> Functional.maxPool2d(x, new int[] {3, 3}, null, new int[] {2, 2}, one, false), "maxPool2d",
                "half of kernel size", "(2, 2)", "(3, 3)");
        assertMessage(() -> Functional.maxPool2d(x, 5), "maxPool2d", "[1, 2, 4, 4]", "too small");
        assertMessage(() -> Functional.maxPool2d(Nabla.zeros(4, 4), 2), "maxPool2d", "3-D", "[4, 4]");
        assertMessage(() -> Functional.maxPool2d(Nabla.zeros(1, 2, 0, 4), 2), "maxPool2d", "non-zero", "[1, 2, 0, 4]");
        assertMessage(() -> Functional.maxPool2d(x, 0), "maxPool2d", "kernel_size");
        assertMessage(() -> Functional.maxPool2d(Nabla.zeros(DType.INT64, 1, 1, 4, 4), 2), "maxPool2d", "floating");
        assertMessage(() -> Functional.avgPool2d(x, new int[] {2, 2}, new int[] {0, 1}, new int[] {0, 0}, false, true),
                "avgPool2d", "stride");
        assertMessage(() -> Functional.avgPool2d(x, new int[] {2}, null, new int[] {0, 0}, false, true), "avgPool2d",
                "kernel_size", "2 values");
        assertMessage(() -> Functional.adaptiveAvgPool2d(Nabla.zeros(1, 0, 4, 4), 2), "adaptiveAvgPool2d", "non-zero");
        assertMessage(() -> Functional.adaptiveAvgPool2d(x, 1, 2, 3), "adaptiveAvgPool2d", "output_size");
    }
}
