package dev.nabla.conformance;

import dev.nabla.DType;
import dev.nabla.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;

import static dev.nabla.Nabla.tensor;
import static dev.nabla.Nabla.zeros;
import static dev.nabla.conformance.ValueAsserts.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * mm, mv, dot, outer, bmm and matmul against the triple loop in double, for every rank combination PyTorch's
 * matmul defines, on float32 (tolerance scaled by K), float64 and integer operands, contiguous or strided.
 */
public abstract class LinalgContract extends DeviceTestBase {

    /** A relative tolerance for a float32 product with inner size {@code k}. */
    private static double f32(int k) {
        return 1e-6 * Math.max(k, 1);
    }

    private static Tensor make(double[] data, DType dtype, int... shape) {
        return switch (dtype) {
            case FLOAT32 -> tensor(Ref.floats(data), shape);
            case FLOAT64 -> tensor(data, shape);
            default -> tensor(Ref.longs(data), shape).to(dtype);
        };
    }

    private static double[] data(DType dtype, long seed, int n) {
        return dtype.isFloatingPoint() ? Ref.values(seed, n) : Ref.integers(seed, n, -9, 10);
    }

    private static double tol(DType dtype, int k) {
        return dtype == DType.FLOAT32 ? f32(k) : dtype == DType.FLOAT64 ? 1e-13 * Math.max(k, 1) : 0;
    }

    @ParameterizedTest(name = "{3} [{0}, {1}] x [{1}, {2}]")
    @CsvSource({
        "1, 1, 1, FLOAT32", "2, 3, 4, FLOAT32", "7, 13, 5, FLOAT32", "33, 65, 17, FLOAT32", "64, 300, 48, FLOAT32",
        "1, 257, 1, FLOAT32", "5, 1, 9, FLOAT32", "3, 0, 4, FLOAT32", "0, 3, 4, FLOAT32",
        "2, 3, 4, FLOAT64", "33, 65, 17, FLOAT64", "17, 128, 9, FLOAT64",
        "2, 3, 4, INT64", "19, 31, 23, INT64", "6, 5, 4, INT32",
    })
    void mmMatchesTheTripleLoop(int m, int k, int n, DType dtype) {
        double[] a = data(dtype, 61 + m, m * k);
        double[] b = data(dtype, 62 + n, k * n);
        Tensor c = make(a, dtype, m, k).mm(make(b, dtype, k, n));
        assertEquals(dtype, c.dtype());
        assertValues(c, shape(m, n), Ref.matmul(a, b, m, k, n), tol(dtype, k));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"FLOAT32", "FLOAT64", "INT64"})
    void stridedOperandsMatchTheTripleLoop(DType dtype) {
        int m = 9;
        int k = 14;
        int n = 11;
        double[] at = data(dtype, 63, k * m);
        double[] b2 = data(dtype, 64, k * 2 * n);
        Tensor a = make(at, dtype, k, m).t();
        Tensor b = make(b2, dtype, k, 2 * n).slice(1, 1, 2 * n, 2);
        double[] av = Ref.strided(at, shape(m, k), shape(1, m), 0);
        double[] bv = Ref.strided(b2, shape(k, n), shape(2 * n, 2), 1);
        double[] expected = Ref.matmul(av, bv, m, k, n);
        assertValues(a.mm(b), shape(m, n), expected, tol(dtype, k));
        assertValues(a.matmul(b), shape(m, n), expected, tol(dtype, k));
        Tensor bt = make(bv, dtype, k, n).t().contiguous().t();
        assertValues(a.mm(bt), shape(m, n), expected, tol(dtype, k));
        Tensor row = make(new double[] {2}, dtype, 1, 1).expand(m, k);
        double[] twos = new double[m * k];
        Arrays.fill(twos, 2);
        assertValues(row.mm(b), shape(m, n), Ref.matmul(twos, bv, m, k, n), tol(dtype, k));
        double[] x = Arrays.copyOfRange(bv, 0, k);
        assertValues(a.mv(make(bv, dtype, k, n).select(1, 0)), shape(m), mvRef(av, column(bv, k, n, 0), m, k), tol(dtype, k));
        assertValues(a.select(0, 2).dot(make(x, dtype, k)), shape(),
                new double[] {dotRef(Arrays.copyOfRange(av, 2 * k, 3 * k), x)}, tol(dtype, k));
    }

    @Test
    void mvDotAndOuterByHand() {
        Tensor m = tensor(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor v = tensor(new double[] {1, 0, -1});
        assertExact(m.mv(v), shape(2), -2, -2);
        assertExact(v.dot(tensor(new double[] {4, 5, 6})), shape(), -2);
        assertExact(tensor(new long[] {1, 2, 3}).dot(tensor(new long[] {4, 5, 6})), shape(), 32);
        assertEquals(DType.INT64, tensor(new long[] {1}).dot(tensor(new long[] {2})).dtype());
        assertExact(tensor(new double[] {1, 2}).outer(tensor(new double[] {3, 4, 5})), shape(2, 3), 3, 4, 5, 6, 8, 10);
        assertExact(tensor(new double[] {1, 2}).outer(v.slice(0, 0, 3, 2)), shape(2, 2), 1, -1, 2, -2);
        assertExact(zeros(DType.FLOAT64, 2, 0).mm(zeros(DType.FLOAT64, 0, 3)), shape(2, 3), 0, 0, 0, 0, 0, 0);
        assertExact(zeros(DType.FLOAT64, 0).dot(zeros(DType.FLOAT64, 0)), shape(), 0);
    }

    @Test
    void bmmMatchesPerBatchLoops() {
        double[] a = Ref.values(65, 3 * 4 * 5);
        double[] b = Ref.values(66, 3 * 5 * 6);
        Tensor c = tensor(Ref.floats(a), 3, 4, 5).bmm(tensor(Ref.floats(b), 3, 5, 6));
        assertValues(c, shape(3, 4, 6), matmulRef(a, shape(3, 4, 5), b, shape(3, 5, 6)), f32(5));
        Tensor at = tensor(a, 3, 5, 4).transpose(1, 2);
        double[] av = Ref.strided(a, shape(3, 4, 5), shape(20, 1, 4), 0);
        assertValues(at.bmm(tensor(b, 3, 5, 6)), shape(3, 4, 6), matmulRef(av, shape(3, 4, 5), b, shape(3, 5, 6)), 1e-13);
    }

    @ParameterizedTest(name = "{0} x {1}")
    @CsvSource({
        "'4', '4'", "'3, 4', '4'", "'4', '4, 5'", "'3, 4', '4, 5'",
        "'2, 3, 4', '4, 5'", "'3, 4', '2, 4, 5'", "'4', '2, 4, 5'", "'2, 3, 4', '4'",
        "'2, 1, 3, 4', '5, 4, 2'", "'2, 1, 3, 4', '1, 3, 4, 2'", "'1, 3, 4', '2, 1, 4, 2'", "'2, 3, 4', '2, 4, 5'",
    })
    void matmulCoversEveryRankCombination(String aDims, String bDims) {
        int[] as = parse(aDims);
        int[] bs = parse(bDims);
        double[] a = Ref.values(67, Ref.numel(as));
        double[] b = Ref.values(68, Ref.numel(bs));
        int[] outShape = matmulShape(as, bs);
        double[] expected = matmulRef(a, as, b, bs);
        assertValues(tensor(a, as).matmul(tensor(b, bs)), outShape, expected, 1e-13);
        assertValues(tensor(Ref.floats(a), as).matmul(tensor(Ref.floats(b), bs)), outShape, expected, f32(4));
        assertValues(tensor(Ref.longs(scaled(a)), as).matmul(tensor(Ref.longs(scaled(b)), bs)), outShape,
                matmulRef(scaled(a), as, scaled(b), bs), 0);
    }

    @Test
    void matmulOfViewsWithBroadcastBatches() {
        double[] a = Ref.values(69, 2 * 4 * 3);
        double[] b = Ref.values(70, 4 * 2);
        Tensor at = tensor(a, 2, 4, 3).transpose(1, 2);
        double[] av = Ref.strided(a, shape(2, 3, 4), shape(12, 1, 3), 0);
        assertValues(at.matmul(tensor(b, 4, 2)), shape(2, 3, 2), matmulRef(av, shape(2, 3, 4), b, shape(4, 2)), 1e-13);
        Tensor bx = tensor(b, 1, 4, 2).expand(2, 4, 2);
        assertValues(at.matmul(bx), shape(2, 3, 2), matmulRef(av, shape(2, 3, 4), b, shape(4, 2)), 1e-13);
        assertValues(tensor(b, 4, 2).t().matmul(at.transpose(1, 2)), shape(2, 2, 3),
                matmulRef(Ref.strided(b, shape(2, 4), shape(1, 2), 0), shape(2, 4), a, shape(2, 4, 3)), 1e-13);
    }

    @Test
    void shapeErrorsNameBothShapes() {
        Tensor a = zeros(2, 3);
        assertMessage(() -> a.mm(zeros(2, 3)), "mm: cannot multiply [2, 3] by [2, 3]: inner dimensions 3 and 2 differ");
        assertMessage(() -> a.matmul(zeros(2, 3)), "matmul", "[2, 3]", "3 and 2");
        assertMessage(() -> a.mv(zeros(2)), "mv", "[2, 3]", "[2]");
        assertMessage(() -> zeros(3).dot(zeros(4)), "dot", "3", "4");
        assertMessage(() -> zeros(2, 3, 4).bmm(zeros(2, 5, 6)), "bmm", "[2, 3, 4]", "[2, 5, 6]");
        assertMessage(() -> zeros(2, 3, 4).bmm(zeros(3, 4, 6)), "bmm", "[2, 3, 4]", "[3, 4, 6]");
        assertMessage(() -> zeros(2, 3, 4).matmul(zeros(3, 4, 5)), "matmul", "[2]", "[3]");
        assertMessage(() -> zeros(3).matmul(zeros(2, 4, 5)), "matmul", "[3]", "[2, 4, 5]");
        assertMessage(() -> zeros(3).matmul(zeros(2, 4)), "matmul: cannot multiply [3] by [2, 4]");
        assertMessage(() -> zeros(3).matmul(zeros(4)), "matmul", "[3]", "[4]");
    }

    @Test
    void rankAndDtypeErrors() {
        assertMessage(() -> zeros(3).mm(zeros(3, 2)), "mm", "2-D", "[3]");
        assertMessage(() -> zeros(2, 3).mm(zeros(2, 3, 1)), "mm", "2-D", "[2, 3, 1]");
        assertMessage(() -> zeros(2, 3).mv(zeros(3, 1)), "mv", "1-D", "[3, 1]");
        assertMessage(() -> zeros(3, 1).dot(zeros(3)), "dot", "1-D", "[3, 1]");
        assertMessage(() -> zeros(2, 3).bmm(zeros(3, 2)), "bmm", "3-D", "[2, 3]");
        assertMessage(() -> zeros(2, 3).outer(zeros(3)), "outer", "1-D", "[2, 3]");
        assertMessage(() -> zeros(2).matmul(tensor(1.0)), "matmul", "[]");
        assertMessage(() -> zeros(2, 3).mm(zeros(DType.FLOAT64, 3, 2)), "mm", "float32", "float64");
        assertMessage(() -> zeros(2, 3).matmul(zeros(DType.INT64, 3)), "matmul", "float32", "int64");
        assertMessage(() -> zeros(3).matmul(zeros(DType.FLOAT64, 3)), "matmul", "float32", "float64");
        assertMessage(() -> zeros(DType.BOOL, 2, 2).mm(zeros(DType.BOOL, 2, 2)), "mm", "bool");
    }

    private static int[] parse(String dims) {
        return Arrays.stream(dims.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
    }

    private static double[] scaled(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = Math.round(v[i] * 10);
        return out;
    }

    private static double[] column(double[] m, int rows, int cols, int j) {
        double[] out = new double[rows];
        for (int i = 0; i < rows; i++) out[i] = m[i * cols + j];
        return out;
    }

    private static double[] mvRef(double[] m, double[] v, int rows, int cols) {
        return Ref.matmul(m, v, rows, cols, 1);
    }

    private static double dotRef(double[] a, double[] b) {
        return Ref.matmul(a, b, 1, a.length, 1)[0];
    }

    /** PyTorch's matmul shape: vectors promoted to matrices and their dim dropped again, batch dims broadcast. */
    private static int[] matmulShape(int[] as, int[] bs) {
        int[] batch = broadcastBatch(as, bs);
        int[] out = Arrays.copyOf(batch, batch.length + 2);
        out[batch.length] = as.length == 1 ? 1 : as[as.length - 2];
        out[batch.length + 1] = bs.length == 1 ? 1 : bs[bs.length - 1];
        if (bs.length == 1) out = Arrays.copyOf(out, out.length - 1);
        if (as.length == 1) out = dropAt(out, batch.length);
        return out;
    }

    private static int[] dropAt(int[] a, int i) {
        int[] r = new int[a.length - 1];
        System.arraycopy(a, 0, r, 0, i);
        System.arraycopy(a, i + 1, r, i, a.length - i - 1);
        return r;
    }

    private static int[] batchOf(int[] s) {
        return s.length <= 2 ? new int[0] : Arrays.copyOf(s, s.length - 2);
    }

    private static int[] broadcastBatch(int[] as, int[] bs) {
        int[] a = batchOf(as);
        int[] b = batchOf(bs);
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = i < rank - a.length ? 1 : a[i - rank + a.length];
            int db = i < rank - b.length ? 1 : b[i - rank + b.length];
            out[i] = Math.max(da, db);
        }
        return out;
    }

    /** The matmul of row-major operands by loops: batch elements found by broadcasting, each one a triple loop. */
    static double[] matmulRef(double[] a, int[] as, double[] b, int[] bs) {
        int m = as.length == 1 ? 1 : as[as.length - 2];
        int k = as[as.length - 1];
        int n = bs.length == 1 ? 1 : bs[bs.length - 1];
        int[] batch = broadcastBatch(as, bs);
        int[] ab = batchOf(as);
        int[] bb = batchOf(bs);
        int count = Ref.numel(batch);
        double[] out = new double[count * m * n];
        int[] idx = new int[batch.length];
        for (int t = 0; t < count; t++) {
            int ai = batchIndex(idx, ab);
            int bi = batchIndex(idx, bb);
            double[] am = Arrays.copyOfRange(a, ai * m * k, (ai + 1) * m * k);
            double[] bm = Arrays.copyOfRange(b, bi * k * n, (bi + 1) * k * n);
            System.arraycopy(Ref.matmul(am, bm, m, k, n), 0, out, t * m * n, m * n);
            for (int d = batch.length - 1; d >= 0; d--) {
                if (++idx[d] < batch[d]) break;
                idx[d] = 0;
            }
        }
        return out;
    }

    /** The linear batch position in an operand with batch shape {@code sub} of the broadcast index {@code idx}. */
    private static int batchIndex(int[] idx, int[] sub) {
        int lead = idx.length - sub.length;
        int p = 0;
        for (int d = 0; d < sub.length; d++) p = p * sub[d] + (sub[d] == 1 ? 0 : idx[lead + d]);
        return p;
    }
}
