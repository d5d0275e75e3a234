package dev.nabla.conformance;

import dev.nabla.DType;
import dev.nabla.Tensor;
import dev.nabla.spi.Window2d;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static dev.nabla.Nabla.tensor;
import static dev.nabla.Nabla.zeros;
import static dev.nabla.conformance.ValueAsserts.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * im2col and col2im, the sliding-window primitives under convolution and pooling: against plain loops over odd
 * sizes, strides, paddings and dilations, on strided inputs, as each other's adjoint, and their errors.
 */
public abstract class ConvContract extends DeviceTestBase {

    /** One case: {n, c, h, w, kh, kw, dh, dw, ph, pw, sh, sw, extra blocks beyond PyTorch's count in each dim}. */
    static List<int[]> cases() {
        return List.of(
                new int[] {1, 1, 4, 4, 2, 2, 1, 1, 0, 0, 1, 1, 0},
                new int[] {2, 3, 5, 7, 3, 3, 1, 1, 1, 1, 1, 1, 0},
                new int[] {1, 2, 7, 5, 3, 2, 2, 1, 2, 1, 2, 3, 0},
                new int[] {3, 1, 6, 9, 1, 4, 1, 2, 0, 3, 3, 2, 0},
                new int[] {1, 2, 5, 5, 2, 2, 1, 1, 1, 1, 2, 2, 1},
                new int[] {2, 2, 3, 3, 3, 3, 1, 1, 0, 0, 1, 1, 2},
                new int[] {4, 8, 20, 19, 3, 3, 1, 1, 1, 0, 1, 1, 0});
    }

    /** The window of a case: PyTorch's block count in each dim, plus the case's extra blocks. */
    static Window2d window(int[] c) {
        int bh = (c[2] + 2 * c[8] - c[6] * (c[4] - 1) - 1) / c[10] + 1 + c[12];
        int bw = (c[3] + 2 * c[9] - c[7] * (c[5] - 1) - 1) / c[11] + 1 + c[12];
        return new Window2d(c[4], c[5], c[6], c[7], c[8], c[9], c[10], c[11], bh, bw);
    }

    /** im2col by its definition, one output element at a time, in double. */
    static double[] im2col(double[] x, int n, int c, int h, int w, Window2d g, double pad) {
        int kk = g.kernelH() * g.kernelW();
        int blocks = g.blocksH() * g.blocksW();
        double[] out = new double[n * c * kk * blocks];
        for (int ni = 0; ni < n; ni++) {
            for (int row = 0; row < c * kk; row++) {
                int ci = row / kk;
                int i = row % kk / g.kernelW();
                int j = row % g.kernelW();
                for (int l = 0; l < blocks; l++) {
                    int iy = l / g.blocksW() * g.strideH() - g.padH() + i * g.dilationH();
                    int ix = l % g.blocksW() * g.strideW() - g.padW() + j * g.dilationW();
                    boolean inside = iy >= 0 && iy < h && ix >= 0 && ix < w;
                    out[(ni * c * kk + row) * blocks + l] = inside ? x[((ni * c + ci) * h + iy) * w + ix] : pad;
                }
            }
        }
        return out;
    }

    /** col2im by scattering every column entry to the pixel its tap reads, in double. */
    static double[] col2im(double[] cols, int n, int c, int h, int w, Window2d g) {
        int kk = g.kernelH() * g.kernelW();
        int blocks = g.blocksH() * g.blocksW();
        double[] out = new double[n * c * h * w];
        for (int ni = 0; ni < n; ni++) {
            for (int ci = 0; ci < c; ci++) {
                for (int i = 0; i < g.kernelH(); i++) {
                    for (int j = 0; j < g.kernelW(); j++) {
                        for (int by = 0; by < g.blocksH(); by++) {
                            for (int bx = 0; bx < g.blocksW(); bx++) {
                                int iy = by * g.strideH() - g.padH() + i * g.dilationH();
                                int ix = bx * g.strideW() - g.padW() + j * g.dilationW();
                                if (iy < 0 || iy >= h || ix < 0 || ix >= w) continue;
                                int row = ci * kk + i * g.kernelW() + j;
                                out[((ni * c + ci) * h + iy) * w + ix] += cols[(ni * c * kk + row) * blocks
                                        + by * g.blocksW() + bx];
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The value of each pixel of an [n, c, h, w] image, as a function of its index. */
    interface Pixel {
        double at(int n, int c, int y, int x);
    }

    static double[] image(int n, int c, int h, int w, Pixel pixel) {
        double[] out = new double[n * c * h * w];
        int i = 0;
        for (int a = 0; a < n; a++) for (int b = 0; b < c; b++) for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) {
            out[i++] = pixel.at(a, b, y, x);
        }
        return out;
    }

    /** Shape and values within {@code tol}; compares whole arrays, since these tensors are too big to print per element. */
    private static void assertClose(Tensor t, int[] shape, double[] expected, double tol) {
        assertArrayEquals(shape, t.shape(), "shape");
        assertArrayEquals(expected, t.toDoubleArray(), tol);
    }

    private static void assertExactly(Tensor t, int[] shape, double... expected) {
        assertArrayEquals(shape, t.shape(), "shape");
        assertArrayEquals(expected, t.toDoubleArray());
    }

    private static Tensor make(double[] v, DType dtype, int... shape) {
        return tensor(v, shape).to(dtype);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void im2colMatchesTheDefinitionInBothFloatDtypes(int[] c) {
        Window2d g = window(c);
        double[] x = Ref.values(301, c[0] * c[1] * c[2] * c[3]);
        int[] colShape = shape(c[0], c[1] * c[4] * c[5], g.blocks());
        for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Tensor cols = make(x, t, c[0], c[1], c[2], c[3]).im2col(g, -2.5);
            assertEquals(t, cols.dtype());
            assertExactly(cols, colShape, im2col(x, c[0], c[1], c[2], c[3], g, -2.5));
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void col2imMatchesTheDefinitionInBothFloatDtypes(int[] c) {
        Window2d g = window(c);
        int rows = c[1] * c[4] * c[5];
        double[] cols = Ref.values(302, c[0] * rows * g.blocks());
        double[] expected = col2im(cols, c[0], c[1], c[2], c[3], g);
        assertClose(make(cols, DType.FLOAT64, c[0], rows, g.blocks()).col2im(c[2], c[3], g),
                shape(c[0], c[1], c[2], c[3]), expected, 1e-12);
        assertClose(make(cols, DType.FLOAT32, c[0], rows, g.blocks()).col2im(c[2], c[3], g),
                shape(c[0], c[1], c[2], c[3]), expected, 1e-5);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void col2imIsTheAdjointOfIm2col(int[] c) {
        Window2d g = window(c);
        int rows = c[1] * c[4] * c[5];
        Tensor x = make(Ref.values(303, c[0] * c[1] * c[2] * c[3]), DType.FLOAT64, c[0], c[1], c[2], c[3]);
        Tensor y = make(Ref.values(304, c[0] * rows * g.blocks()), DType.FLOAT64, c[0], rows, g.blocks());
        double lhs = y.col2im(c[2], c[3], g).mul(x).sum().item();
        double rhs = y.mul(x.im2col(g, 0.0)).sum().item();
        assertEquals(rhs, lhs, 1e-12 * Math.max(1, Math.abs(rhs)));
    }

    @Test
    void stridedAndOffsetInputsReadLikeTheirContiguousCopies() {
        int[] c = {2, 3, 6, 5, 3, 2, 1, 2, 1, 1, 2, 1, 0};
        Window2d g = window(c);
        double[] x = Ref.values(305, 2 * 3 * 6 * 5);
        // A permuted view with the same logical elements as x: stored as [H, N, W, C] and permuted back.
        double[] hnwc = new double[x.length];
        for (int n = 0; n < 2; n++) for (int ch = 0; ch < 3; ch++) for (int y = 0; y < 6; y++) for (int w = 0; w < 5; w++) {
            hnwc[((y * 2 + n) * 5 + w) * 3 + ch] = x[((n * 3 + ch) * 6 + y) * 5 + w];
        }
        Tensor permuted = tensor(hnwc, 6, 2, 5, 3).permute(1, 3, 0, 2);
        double[] expected = im2col(x, 2, 3, 6, 5, g, 0);
        assertExactly(permuted.im2col(g, 0.0), shape(2, 18, g.blocks()), expected);
        double[] wideValues = Ref.values(306, 2 * 3 * 6 * 8);
        Tensor wide = tensor(wideValues, 2, 3, 6, 8);
        double[] narrowed = image(2, 3, 6, 5, (n, ch, y, w) -> wideValues[((n * 3 + ch) * 6 + y) * 8 + w + 2]);
        assertExactly(wide.narrow(3, 2, 5).im2col(g, 0.0), shape(2, 18, g.blocks()), im2col(narrowed, 2, 3, 6, 5, g, 0));
        // Reversed rows and every other column from the right: negative strides and a stride of 2.
        double[] flipped = image(2, 3, 6, 4, (n, ch, y, w) -> wideValues[((n * 3 + ch) * 6 + 5 - y) * 8 + 7 - 2 * w]);
        assertExactly(wide.flip(2, 3).slice(3, 0, 8, 2).im2col(g, 0.0), shape(2, 18, g.blocks()),
                im2col(flipped, 2, 3, 6, 4, g, 0));
        double[] cols = Ref.values(307, 2 * 18 * g.blocks());
        Tensor transposed = tensor(cols, 2, 18, g.blocks()).transpose(1, 2).contiguous().transpose(1, 2);
        assertClose(transposed.col2im(6, 5, g), shape(2, 3, 6, 5), col2im(cols, 2, 3, 6, 5, g), 1e-6);
    }

    @Test
    void infinitePadValuesAndEmptyBatches() {
        Window2d g = new Window2d(2, 2, 1, 1, 1, 1, 2, 2, 2, 2);
        Tensor x = tensor(new double[] {1, 2, 3, 4}, 1, 1, 2, 2);
        double inf = Double.NEGATIVE_INFINITY;
        assertExactly(x.im2col(g, inf), shape(1, 4, 4),
                inf, inf, inf, 4, inf, inf, 3, inf, inf, 2, inf, inf, 1, inf, inf, inf);
        assertExactly(zeros(0, 3, 4, 4).im2col(g, 0.0), shape(0, 12, 4));
        assertExactly(zeros(0, 12, 4).col2im(4, 4, g), shape(0, 3, 4, 4));
        assertExactly(zeros(2, 0, 4, 4).im2col(g, 0.0), shape(2, 0, 4));
    }

    @Test
    void everyTapOutsideTheImageGivesPadValuesAndDropsGradients() {
        Window2d far = new Window2d(1, 1, 1, 1, 5, 5, 1, 1, 2, 2);
        Tensor x = tensor(new double[] {1, 2, 3, 4}, 1, 1, 2, 2);
        assertExactly(x.im2col(far, 7.0), shape(1, 1, 4), 7, 7, 7, 7);
        assertExactly(tensor(new double[] {1, 2, 3, 4}, 1, 1, 4).col2im(2, 2, far), shape(1, 1, 2, 2), 0, 0, 0, 0);
    }

    @Test
    void errorsNameTheOpAndTheShapes() {
        Window2d g = new Window2d(2, 2, 1, 1, 0, 0, 1, 1, 2, 2);
        assertMessage(() -> zeros(3, 3, 3).im2col(g, 0.0), "im2col", "4-D", "[3, 3, 3]");
        assertMessage(() -> zeros(DType.INT64, 1, 1, 3, 3).im2col(g, 0.0), "im2col", "floating");
        assertMessage(() -> zeros(1, 1, 3, 3).im2col(new Window2d(0, 2, 1, 1, 0, 0, 1, 1, 2, 2), 0.0), "im2col",
                "kernel");
        assertMessage(() -> zeros(1, 1, 3, 3).im2col(new Window2d(2, 2, 1, 1, -1, 0, 1, 1, 2, 2), 0.0), "im2col",
                "padding");
        assertMessage(() -> zeros(1, 1, 3, 3).im2col(new Window2d(2, 2, 1, 1, 0, 0, 0, 1, 2, 2), 0.0), "im2col",
                "stride");
        assertMessage(() -> zeros(1, 4, 4, 1).col2im(3, 3, g), "col2im", "3-D", "[1, 4, 4, 1]");
        assertMessage(() -> zeros(1, 5, 4).col2im(3, 3, g), "col2im", "[1, 5, 4]", "kernel size 2 * 2 = 4");
        assertMessage(() -> zeros(1, 4, 5).col2im(3, 3, g), "col2im", "[1, 4, 5]", "blocks 2 * 2 = 4");
        assertMessage(() -> zeros(DType.INT64, 1, 4, 4).col2im(3, 3, g), "col2im", "floating");
        assertMessage(() -> zeros(1, 4, 4).col2im(-1, 3, g), "col2im", "-1");
    }
}
