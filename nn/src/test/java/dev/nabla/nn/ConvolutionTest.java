package dev.nabla.nn;

import dev.nabla.DType;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.nn.ConvReference.Conv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** conv1d, conv2d, convTranspose2d, unfold and fold against plain loops, and the errors they raise. */
class ConvolutionTest {

    static List<Conv> convs() {
        return List.of(
                new Conv(1, 1, 5, 5, 1, 3, 3, 1, 1, 0, 0, 1, 1, 1),
                new Conv(2, 3, 7, 6, 4, 3, 2, 1, 1, 1, 0, 1, 1, 1),
                new Conv(2, 4, 9, 8, 6, 3, 3, 2, 3, 1, 2, 1, 1, 2),
                new Conv(1, 6, 8, 9, 3, 2, 3, 1, 2, 2, 1, 2, 3, 3),
                new Conv(3, 4, 6, 6, 4, 1, 1, 1, 1, 0, 0, 1, 1, 4),
                new Conv(2, 2, 4, 5, 5, 4, 5, 3, 1, 1, 2, 1, 1, 1));
    }

    private static Tensor tensor(double[] v, DType t, int... shape) {
        return Nabla.tensor(v, shape).to(t);
    }

    private static void assertClose(double[] expected, Tensor actual, int[] shape, double tol) {
        assertArrayEquals(shape, actual.shape(), "shape");
        double[] a = actual.toDoubleArray();
        assertEquals(expected.length, a.length);
        for (int i = 0; i < a.length; i++) {
            assertEquals(expected[i], a[i], tol * Math.max(1, Math.abs(expected[i])), "element " + i);
        }
    }

    @ParameterizedTest
    @MethodSource("convs")
    void conv2dMatchesTheSevenLoopDefinition(Conv s) {
        double[] x = ConvReference.values(1, s.n() * s.c() * s.h() * s.w());
        double[] w = ConvReference.values(2, s.cout() * s.c() / s.groups() * s.kh() * s.kw());
        double[] b = ConvReference.values(3, s.cout());
        int[] outShape = {s.n(), s.cout(), s.oh(), s.ow()};
        for (DType t : new DType[] {DType.FLOAT64, DType.FLOAT32}) {
            double tol = t == DType.FLOAT64 ? 1e-12 : 1e-5;
            Tensor xt = tensor(x, t, s.n(), s.c(), s.h(), s.w());
            Tensor wt = tensor(w, t, s.cout(), s.c() / s.groups(), s.kh(), s.kw());
            int[] stride = {s.sh(), s.sw()};
            int[] pad = {s.ph(), s.pw()};
            int[] dil = {s.dh(), s.dw()};
            assertClose(ConvReference.conv2d(s, x, w, b),
                    Functional.conv2d(xt, wt, tensor(b, t, s.cout()), stride, pad, dil, s.groups()), outShape, tol);
            assertClose(ConvReference.conv2d(s, x, w, null),
                    Functional.conv2d(xt, wt, null, stride, pad, dil, s.groups()), outShape, tol);
        }
    }

    @Test
    void conv2dTakesUnbatchedAndStridedInputs() {
        Conv s = new Conv(1, 3, 6, 5, 2, 3, 3, 1, 1, 1, 1, 1, 1, 1);
        double[] x = ConvReference.values(4, 3 * 6 * 5);
        double[] w = ConvReference.values(5, 2 * 3 * 9);
        double[] expected = ConvReference.conv2d(s, x, w, null);
        Tensor wt = tensor(w, DType.FLOAT64, 2, 3, 3, 3);
        assertClose(expected, Functional.conv2d(tensor(x, DType.FLOAT64, 3, 6, 5), wt, null, 1, 1, 1, 1),
                new int[] {2, 6, 5}, 1e-12);
        Tensor transposed = tensor(x, DType.FLOAT64, 1, 3, 6, 5).transpose(2, 3).contiguous().transpose(2, 3);
        assertClose(expected, Functional.conv2d(transposed, wt, null, 1, 1, 1, 1), new int[] {1, 2, 6, 5}, 1e-12);
    }

    @Test
    void conv1dIsConv2dOverAHeightOfOne() {
        // [2, 4, 11] input, 6 outputs, kernel 3, stride 2, padding 2, dilation 2, 2 groups.
        Conv s = new Conv(2, 4, 1, 11, 6, 1, 3, 1, 2, 0, 2, 1, 2, 2);
        double[] x = ConvReference.values(6, 2 * 4 * 11);
        double[] w = ConvReference.values(7, 6 * 2 * 3);
        double[] b = ConvReference.values(8, 6);
        Tensor y = Functional.conv1d(tensor(x, DType.FLOAT64, 2, 4, 11), tensor(w, DType.FLOAT64, 6, 2, 3),
                tensor(b, DType.FLOAT64, 6), 2, 2, 2, 2);
        assertClose(ConvReference.conv2d(s, x, w, b), y, new int[] {2, 6, s.ow()}, 1e-12);
        Conv plain = new Conv(1, 4, 1, 11, 6, 1, 3, 1, 1, 0, 0, 1, 1, 1);
        double[] w1 = ConvReference.values(9, 6 * 4 * 3);
        double[] x1 = ConvReference.values(10, 4 * 11);
        assertClose(ConvReference.conv2d(plain, x1, w1, null),
                Functional.conv1d(tensor(x1, DType.FLOAT64, 4, 11), tensor(w1, DType.FLOAT64, 6, 4, 3), null),
                new int[] {6, 9}, 1e-12);
    }

    @Test
    void convTranspose2dMatchesTheScatterDefinition() {
        int[][] cases = {
            // n, c, h, w, cout, kh, kw, sh, sw, ph, pw, dh, dw, groups, output padding h, w
            {1, 1, 3, 3, 1, 3, 3, 1, 1, 0, 0, 1, 1, 1, 0, 0},
            {2, 4, 4, 3, 6, 3, 2, 2, 3, 1, 0, 1, 1, 2, 1, 2},
            {1, 3, 3, 4, 2, 2, 3, 2, 1, 0, 1, 2, 2, 1, 1, 0},
        };
        for (int[] k : cases) {
            Conv s = new Conv(k[0], k[1], k[2], k[3], k[4], k[5], k[6], k[7], k[8], k[9], k[10], k[11], k[12], k[13]);
            int oh = (s.h() - 1) * s.sh() - 2 * s.ph() + s.dh() * (s.kh() - 1) + k[14] + 1;
            int ow = (s.w() - 1) * s.sw() - 2 * s.pw() + s.dw() * (s.kw() - 1) + k[15] + 1;
            double[] x = ConvReference.values(11, s.n() * s.c() * s.h() * s.w());
            double[] w = ConvReference.values(12, s.c() * s.cout() / s.groups() * s.kh() * s.kw());
            double[] b = ConvReference.values(13, s.cout());
            Tensor y = Functional.convTranspose2d(tensor(x, DType.FLOAT64, s.n(), s.c(), s.h(), s.w()),
                    tensor(w, DType.FLOAT64, s.c(), s.cout() / s.groups(), s.kh(), s.kw()), tensor(b, DType.FLOAT64, s.cout()),
                    new int[] {s.sh(), s.sw()}, new int[] {s.ph(), s.pw()}, new int[] {k[14], k[15]}, s.groups(),
                    new int[] {s.dh(), s.dw()});
            assertClose(ConvReference.convTranspose2d(s, x, w, b, oh, ow), y, new int[] {s.n(), s.cout(), oh, ow}, 1e-12);
        }
    }

    @Test
    void unfoldAndFoldFollowPyTorchsShapes() {
        Tensor x = Nabla.arange(0, 2 * 3 * 4 * 5).to(DType.FLOAT64).reshape(2, 3, 4, 5);
        Tensor cols = Functional.unfold(x, new int[] {2, 3}, new int[] {1, 1}, new int[] {1, 0}, new int[] {2, 1});
        assertArrayEquals(new int[] {2, 18, 3 * 3}, cols.shape());
        // Block (by=1, bx=2), tap (i=1, j=2) of channel 1 reads x[n, 1, 1*2 - 1 + 1, 2 + 2] = x[n, 1, 2, 4].
        assertEquals(x.getDouble(1, 1, 2, 4), cols.getDouble(1, 6 + 1 * 3 + 2, 1 * 3 + 2));
        // Taps in the top padding read 0.
        assertEquals(0.0, cols.getDouble(0, 0, 0));
        assertArrayEquals(new int[] {18, 9}, Functional.unfold(x.select(0, 0), new int[] {2, 3}, new int[] {1, 1},
                new int[] {1, 0}, new int[] {2, 1}).shape());
        // Folding non-overlapping 2x2 blocks back restores the image exactly.
        Tensor y = Nabla.arange(0, 16).to(DType.FLOAT64).reshape(1, 1, 4, 4);
        int[] two = {2, 2};
        Tensor blocks = Functional.unfold(y, two, new int[] {1, 1}, new int[] {0, 0}, two);
        assertArrayEquals(y.toDoubleArray(), Functional.fold(blocks, new int[] {4, 4}, two, new int[] {1, 1},
                new int[] {0, 0}, two).toDoubleArray());
        // Overlapping 2x2 blocks with stride 1 count each pixel once per window covering it.
        Tensor ones = Nabla.ones(1, 4, 9).to(DType.FLOAT64);
        assertArrayEquals(new double[] {1, 2, 2, 1, 2, 4, 4, 2, 2, 4, 4, 2, 1, 2, 2, 1}, Functional.fold(ones,
                new int[] {4, 4}, two, new int[] {1, 1}, new int[] {0, 0}, new int[] {1, 1}).toDoubleArray());
        assertArrayEquals(new int[] {1, 4, 4}, Functional.fold(ones.select(0, 0), new int[] {4, 4}, two,
                new int[] {1, 1}, new int[] {0, 0}, new int[] {1, 1}).shape());
    }

    private static void assertMessage(Executable body, String... parts) {
        RuntimeException e = assertThrows(RuntimeException.class, body);
        for (String p : parts) assertTrue(e.getMessage().contains(p), "'" + p + "' missing from: " + e.getMessage());
    }

    @Test
    void errorsNameTheOpAndTheShapes() {
        Tensor x = Nabla.zeros(2, 3, 5, 5);
        Tensor w = Nabla.zeros(4, 3, 3, 3);
        assertMessage(() -> Functional.conv2d(Nabla.zeros(2, 1, 5, 5), w, null), "conv2d", "groups=1",
                "[4, 3, 3, 3]", "[2, 1, 5, 5]", "3 channels", "got 1");
        assertMessage(() -> Functional.conv2d(x, Nabla.zeros(4, 3, 7, 7), null), "conv2d", "padded input size",
                "5 x 5", "7 x 7");
        assertMessage(() -> Functional.conv2d(x, Nabla.zeros(4, 3, 3, 3), null, 1, 0, 3, 1), "conv2d",
                "dilated: (7 x 7)", "can't be greater");
        assertMessage(() -> Functional.conv2d(Nabla.zeros(2, 4, 5, 5), Nabla.zeros(3, 2, 3, 3), null, 1, 0, 1, 2),
                "conv2d", "out_channels", "groups (2)");
        assertMessage(() -> Functional.conv2d(x, w, Nabla.zeros(3)), "conv2d", "bias", "[4]", "[3]");
        assertMessage(() -> Functional.conv2d(x, Nabla.zeros(4, 3, 3), null), "conv2d", "4-D", "[4, 3, 3]");
        assertMessage(() -> Functional.conv2d(Nabla.zeros(5, 5), w, null), "conv2d", "[5, 5]");
        assertMessage(() -> Functional.conv2d(x.to(DType.FLOAT64), w, null), "conv2d", "torch.float64", "torch.float32", "same dtype");
        assertMessage(() -> Functional.conv2d(x, w, null, 0, 0, 1, 1), "conv2d", "stride");
        assertMessage(() -> Functional.conv2d(x, w, null, 1, -1, 1, 1), "conv2d", "padding");
        assertMessage(() -> Functional.conv2d(x, w, null, 1, 0, 1, 0), "conv2d", "groups");
        assertMessage(() -> Functional.conv1d(Nabla.zeros(2, 3, 2), Nabla.zeros(4, 3, 3), null), "conv1d", "(2)", "(3)");
        assertMessage(() -> Functional.convTranspose2d(x, Nabla.zeros(2, 4, 3, 3), null), "convTranspose2d",
                "transposed", "[2, 4, 3, 3]", "2 channels", "got 3");
        assertMessage(() -> Functional.convTranspose2d(x, Nabla.zeros(3, 4, 3, 3), null, new int[] {2, 2},
                new int[] {0, 0}, new int[] {2, 0}, 1, new int[] {1, 1}), "convTranspose2d", "output padding");
        assertMessage(() -> Functional.convTranspose2d(Nabla.zeros(1, 3, 1, 1), Nabla.zeros(3, 4, 3, 3), null,
                new int[] {1, 1}, new int[] {2, 2}, new int[] {0, 0}, 1, new int[] {1, 1}), "convTranspose2d", "too small");
        assertMessage(() -> Functional.unfold(x, new int[] {6, 6}, new int[] {1, 1}, new int[] {0, 0}, new int[] {1, 1}),
                "unfold", "sliding blocks", "(0, 0)");
        assertMessage(() -> Functional.fold(Nabla.zeros(1, 4, 10), new int[] {4, 5}, new int[] {2, 2},
                new int[] {1, 1}, new int[] {0, 0}, new int[] {1, 1}), "fold", "3 * 4 = 12", "input.size(2)=10");
        assertMessage(() -> Functional.fold(Nabla.zeros(1, 5, 12), new int[] {4, 5}, new int[] {2, 2},
                new int[] {1, 1}, new int[] {0, 0}, new int[] {1, 1}), "fold", "divisible", "input.size(1)=5");
    }
}
