package dev.nabla.conformance;

import dev.nabla.DType;
import dev.nabla.Generator;
import dev.nabla.Tensor;
import dev.nabla.TensorOptions;
import org.junit.jupiter.api.Test;

import static dev.nabla.Nabla.randint;
import static dev.nabla.Nabla.randn;
import static dev.nabla.Nabla.tensor;
import static dev.nabla.Nabla.zeros;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * mm, bmm and matmul on the device under test, against a triple loop in double over the operands' values (read
 * back in logical order), so views, strides and batch broadcasting are checked along with the kernel.
 */
public abstract class MatmulContract extends DeviceTestBase {

    @Test
    void multipliesTheTutorialMatrices() {
        Tensor a = tensor(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor b = tensor(new float[] {7, 8, 9, 10, 11, 12}, 3, 2);
        assertExact(a.mm(b), shape(2, 2), 58, 64, 139, 154);
        assertExact(a.matmul(b), shape(2, 2), 58, 64, 139, 154);
    }

    @Test
    void mmAgreesWithATripleLoopOnOddAndNetworkShapes() {
        Generator g = new Generator(11);
        int[][] shapes = {{1, 1, 1}, {7, 13, 17}, {33, 65, 8}, {129, 7, 65}, {100, 1000, 100}, {100, 100, 10}};
        for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            for (int[] s : shapes) {
                Tensor a = randn(g, TensorOptions.of(t), s[0], s[1]);
                Tensor b = randn(g, TensorOptions.of(t), s[1], s[2]);
                assertProduct(a.mm(b), a, b);
            }
        }
    }

    @Test
    void readsTransposedAndSlicedOperandsAsViews() {
        Generator g = new Generator(12);
        Tensor x = randn(g, 100, 1000);
        Tensor grad = randn(g, 100, 100);
        assertProduct(x.t().mm(grad), x.t(), grad);
        Tensor w = randn(g, 100, 1000);
        assertProduct(grad.mm(w), grad, w);
        assertProduct(x.mm(w.t()), x, w.t());
        Tensor big = randn(g, 90, 120);
        Tensor a = big.slice(0, 1, 80, 2).slice(1, 3, 120, 3);
        Tensor b = big.slice(0, 2, 90, 2).slice(1, 1, 118, 3).t();
        assertArrayEquals(shape(40, 39), a.shape());
        assertArrayEquals(shape(39, 44), b.shape());
        assertProduct(a.mm(b), a, b);
    }

    @Test
    void bmmAndMatmulBroadcastBatches() {
        Generator g = new Generator(13);
        Tensor a = randn(g, 4, 5, 6);
        Tensor b = randn(g, 4, 6, 7);
        Tensor c = a.bmm(b);
        assertArrayEquals(shape(4, 5, 7), c.shape());
        for (int i = 0; i < 4; i++) assertProduct(c.select(0, i), a.select(0, i), b.select(0, i));

        Tensor p = randn(g, 2, 1, 5, 6);
        Tensor q = randn(g, 3, 6, 7);
        Tensor r = p.matmul(q);
        assertArrayEquals(shape(2, 3, 5, 7), r.shape());
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                assertProduct(r.select(0, i).select(0, j), p.select(0, i).select(0, 0), q.select(0, j));
            }
        }

        Tensor m = randn(g, 5, 6);
        Tensor s = m.matmul(b);
        assertArrayEquals(shape(4, 5, 7), s.shape());
        for (int i = 0; i < 4; i++) assertProduct(s.select(0, i), m, b.select(0, i));
    }

    @Test
    void matmulOfVectorsIsDotMvAndVm() {
        Tensor m = tensor(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor v3 = tensor(new float[] {1, -1, 2}, 3);
        Tensor v2 = tensor(new float[] {3, -2}, 2);
        assertExact(m.matmul(v3), shape(2), 5, 11);
        assertExact(v2.matmul(m), shape(3), -5, -4, -3);
        assertExact(v3.matmul(v3), shape(), 6);
        assertExact(m.mv(v3), shape(2), 5, 11);
        assertExact(v3.dot(v3), shape(), 6);
    }

    @Test
    void integerProductsAreExact() {
        Generator g = new Generator(14);
        for (DType t : new DType[] {DType.INT64, DType.INT32}) {
            Tensor a = randint(g, TensorOptions.of(t), -1000, 1000, 17, 33);
            Tensor b = randint(g, TensorOptions.of(t), -1000, 1000, 33, 9);
            Tensor c = a.mm(b);
            assertEquals(t, c.dtype());
            long[] x = a.toLongArray();
            long[] y = b.toLongArray();
            long[] z = c.toLongArray();
            for (int i = 0; i < 17; i++) {
                for (int j = 0; j < 9; j++) {
                    long e = 0;
                    for (int p = 0; p < 33; p++) e += x[i * 33 + p] * y[p * 9 + j];
                    assertEquals(e, z[i * 9 + j], t + " element " + i + "," + j);
                }
            }
        }
    }

    @Test
    void emptyInnerDimensionGivesZerosAndEmptyOuterDimensionsGiveEmptyResults() {
        assertExact(zeros(3, 0).mm(zeros(0, 4)), shape(3, 4), new double[12]);
        assertArrayEquals(shape(0, 4), zeros(0, 3).mm(zeros(3, 4)).shape());
        assertArrayEquals(shape(3, 0), zeros(3, 2).mm(zeros(2, 0)).shape());
        assertArrayEquals(shape(0, 2, 5), zeros(0, 2, 3).bmm(zeros(0, 3, 5)).shape());
    }

    @Test
    void mismatchedInnerDimensionsAreRejectedNamingBothShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> zeros(2, 3).mm(zeros(2, 3)));
        assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("inner dimensions 3 and 2 differ"),
                e.getMessage());
    }

    /** {@code c == a·b} (2-d) within the dot-product bound (k + 4)·2u·Σ|a·b| of the operands' dtype. */
    protected static void assertProduct(Tensor c, Tensor a, Tensor b) {
        int m = a.size(0);
        int k = a.size(1);
        int n = b.size(1);
        assertArrayEquals(shape(m, n), c.shape(), "shape of " + c);
        double u = a.dtype() == DType.FLOAT64 ? 0x1p-53 : 0x1p-24;
        double[] x = a.toDoubleArray();
        double[] y = b.toDoubleArray();
        double[] z = c.toDoubleArray();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double e = 0;
                double magnitude = 0;
                for (int p = 0; p < k; p++) {
                    double v = x[i * k + p] * y[p * n + j];
                    e += v;
                    magnitude += Math.abs(v);
                }
                double tol = (k + 4) * 2 * u * magnitude;
                if (!(Math.abs(z[i * n + j] - e) <= tol)) {
                    fail("[" + m + "x" + k + "]·[" + k + "x" + n + "] " + a.dtype() + ": element " + i + "," + j
                            + " is " + z[i * n + j] + ", expected " + e + " within " + tol);
                }
            }
        }
    }
}
