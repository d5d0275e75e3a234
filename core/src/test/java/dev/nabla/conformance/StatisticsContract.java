package dev.nabla.conformance;

import dev.nabla.DType;
import dev.nabla.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.nabla.Nabla.tensor;
import static dev.nabla.Nabla.zeros;
import static dev.nabla.conformance.ValueAsserts.assertMessage;
import static dev.nabla.conformance.ValueAsserts.assertClose;
import static dev.nabla.conformance.ValueAsserts.assertExactly;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** var/std, logsumexp, norm and softmax/logSoftmax: against loops in double, hand math, and the stability cases. */
public abstract class StatisticsContract extends DeviceTestBase {
    private static final int[] SHAPE = {3, 4, 5};
    private static final double[] DATA = Ref.values(31, 60);
    private static final double INF = Double.POSITIVE_INFINITY;

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> dimSets() {
        return ReductionContract.dimSets();
    }

    @ParameterizedTest
    @MethodSource("dimSets")
    void varAndStdOverDimsMatchLoops(int[] dims, boolean keepdim) {
        Tensor x = tensor(DATA, SHAPE);
        int[] s = Ref.reducedShape(SHAPE, dims, keepdim);
        double[] unbiased = Ref.reduce(DATA, SHAPE, dims, v -> Ref.var(v, 1));
        double[] biased = Ref.reduce(DATA, SHAPE, dims, v -> Ref.var(v, 0));
        assertValues(x.var(dims, true, keepdim), s, unbiased, 1e-12);
        assertValues(x.var(dims, false, keepdim), s, biased, 1e-12);
        assertValues(x.std(dims, true, keepdim), s, sqrt(unbiased), 1e-12);
        assertValues(x.std(dims, false, keepdim), s, sqrt(biased), 1e-12);
        assertValues(tensor(Ref.floats(DATA), SHAPE).var(dims, true, keepdim), s, unbiased, 1e-5);
    }

    @Test
    void varAndStdByHand() {
        Tensor x = tensor(new double[] {1, 2, 3, 4});
        assertValues(x.var(), shape(), new double[] {5 / 3.0}, 1e-15);
        assertValues(x.var(false), shape(), new double[] {1.25}, 1e-15);
        assertValues(x.std(), shape(), new double[] {Math.sqrt(5 / 3.0)}, 1e-15);
        assertValues(x.std(false), shape(), new double[] {Math.sqrt(1.25)}, 1e-15);
        Tensor offset = tensor(new double[] {1e8 + 1, 1e8 + 2, 1e8 + 3});
        assertExact(offset.var(), shape(), 1);
        Tensor one = tensor(new double[] {7});
        assertExact(one.var(), shape(), Double.NaN);
        assertExact(one.var(false), shape(), 0);
        assertExact(zeros(DType.FLOAT64, 0).var(), shape(), Double.NaN);
        assertExact(tensor(new double[] {1, Double.NaN, 3}).std(), shape(), Double.NaN);
        Tensor m = tensor(new double[] {1, 3, 2, 2, 0, 10}, 3, 2);
        assertExact(m.var(new int[] {1}, false, false), shape(3), 1, 0, 25);
        assertExact(m.t().var(new int[] {0}, true, true), shape(1, 3), 2, 0, 50);
        assertExact(tensor(new double[] {4, 8}, 2, 1).expand(2, 3).var(new int[] {0}, false, false), shape(3), 4, 4, 4);
    }

    @Test
    void varOfIntegersIsAnError() {
        assertMessage(() -> tensor(new int[] {1, 2}).var(), "var", "int32");
        assertMessage(() -> tensor(new long[] {1, 2}).std(), "std", "int64");
    }

    @ParameterizedTest
    @MethodSource("dimSets")
    void logsumexpOverDimsMatchesLoops(int[] dims, boolean keepdim) {
        Tensor x = tensor(DATA, SHAPE);
        int[] s = Ref.reducedShape(SHAPE, dims, keepdim);
        double[] expected = Ref.reduce(DATA, SHAPE, dims, Ref::logsumexp);
        assertValues(x.logsumexp(dims, keepdim), s, expected, 1e-12);
        assertValues(tensor(Ref.floats(DATA), SHAPE).logsumexp(dims, keepdim), s, expected, 1e-5);
    }

    @Test
    void logsumexpIsStableAndHandlesInfinities() {
        double ln2 = Math.log(2);
        Tensor big = tensor(new double[] {1000, 1000, -1000, -1000, 0, 0}, 3, 2);
        assertValues(big.logsumexp(1), shape(3), new double[] {1000 + ln2, -1000 + ln2, ln2}, 1e-15);
        assertValues(tensor(new float[] {1000, 1000}).logsumexp(0), shape(), new double[] {1000 + ln2}, 1e-6);
        Tensor inf = tensor(new double[] {-INF, -INF, -INF, 0, INF, 1}, 3, 2);
        assertExactly(inf.logsumexp(1), shape(3), -INF, 0, INF);
        assertExact(tensor(new double[] {Double.NaN, 1}).logsumexp(0), shape(), Double.NaN);
        assertValues(tensor(new double[] {0, 0, 0}).logsumexp(0), shape(), new double[] {Math.log(3)}, 1e-15);
        assertExactly(zeros(DType.FLOAT64, 0, 2).logsumexp(0), shape(2), -INF, -INF);
    }

    @Test
    void logsumexpOfIntegersIsFloating() {
        Tensor r = tensor(new long[] {0, 0}).logsumexp(0);
        assertEquals(DType.FLOAT32, r.dtype());
        assertValues(r, shape(), new double[] {Math.log(2)}, 1e-6);
    }

    @Test
    void normsByHand() {
        Tensor x = tensor(new double[] {3, -4, 0});
        assertExact(x.norm(), shape(), 5);
        assertExact(x.norm(2), shape(), 5);
        assertExact(x.norm(1), shape(), 7);
        assertExact(x.norm(INF), shape(), 4);
        assertExact(x.norm(-INF), shape(), 0);
        assertExact(x.norm(0), shape(), 2);
        assertValues(x.norm(3), shape(), new double[] {Math.cbrt(91)}, 1e-15);
        Tensor m = tensor(new double[] {3, 4, -6, 8}, 2, 2);
        assertExact(m.norm(2, new int[] {1}, false), shape(2), 5, 10);
        assertExact(m.norm(1, new int[] {0}, true), shape(1, 2), 9, 12);
        assertExact(m.t().norm(INF, new int[] {1}, false), shape(2), 6, 8);
        assertExact(m.norm(-INF, new int[] {-1}, false), shape(2), 3, 6);
        assertExact(tensor(new double[] {1, Double.NaN}).norm(), shape(), Double.NaN);
    }

    @ParameterizedTest
    @ValueSource(doubles = {2, 1, 3, 0.5, 0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void normsOverDimsMatchLoops(double p) {
        Tensor x = tensor(DATA, SHAPE);
        int[] dims = {0, 2};
        double[] expected = Ref.reduce(DATA, SHAPE, dims, v -> pNorm(v, p));
        assertValues(x.norm(p, dims, true), shape(1, 4, 1), expected, 1e-12);
        assertValues(x.norm(p, dims, false), shape(4), expected, 1e-12);
        assertValues(tensor(Ref.floats(DATA), SHAPE).norm(p, dims, false), shape(4), expected, 1e-5);
        assertValues(x.norm(p), shape(), new double[] {pNorm(DATA, p)}, 1e-12);
    }

    @Test
    void normOfIntegersIsAnError() {
        assertMessage(() -> tensor(new long[] {3, 4}).norm(), "norm", "int64");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, -1})
    void softmaxAndLogSoftmaxMatchLoops(int dim) {
        Tensor x = tensor(DATA, SHAPE);
        double[] expected = softmaxRef(DATA, SHAPE, dim < 0 ? dim + 3 : dim);
        assertValues(x.softmax(dim), SHAPE, expected, 1e-12);
        assertValues(x.logSoftmax(dim), SHAPE, log(expected), 1e-12);
        assertValues(tensor(Ref.floats(DATA), SHAPE).softmax(dim), SHAPE, expected, 1e-6);
        assertValues(x.softmax(dim).sum(dim), Ref.reducedShape(SHAPE, new int[] {dim}, false),
                ones(Ref.numel(SHAPE) / SHAPE[dim < 0 ? dim + 3 : dim]), 1e-12);
    }

    @Test
    void softmaxIsStableForLargeLogits() {
        double e1 = Math.exp(-1);
        double e2 = Math.exp(-2);
        double z = 1 + e1 + e2;
        Tensor x = tensor(new float[] {1000, 999, 998, -1000, -1001, -1002}, 2, 3);
        double[] p = {1 / z, e1 / z, e2 / z, 1 / z, e1 / z, e2 / z};
        assertValues(x.softmax(1), shape(2, 3), p, 1e-6);
        assertValues(x.logSoftmax(1), shape(2, 3), log(p), 1e-6);
        Tensor pair = tensor(new double[] {1000, 0});
        assertValues(pair.logSoftmax(0), shape(2), new double[] {0, -1000}, 1e-15);
        assertExact(pair.softmax(0), shape(2), 1, 0);
    }

    @Test
    void softmaxOfMinusInfinityIsZeroAndOfAllMinusInfinityIsNan() {
        Tensor x = tensor(new double[] {-INF, 0, 0, -INF, -INF, -INF}, 2, 3);
        assertExact(x.softmax(1), shape(2, 3), 0, 0.5, 0.5, Double.NaN, Double.NaN, Double.NaN);
        assertClose(x.logSoftmax(1), shape(2, 3),
                new double[] {-INF, -Math.log(2), -Math.log(2), Double.NaN, Double.NaN, Double.NaN}, 1e-15);
        assertExact(x.softmax(0), shape(2, 3), Double.NaN, 1, 1, Double.NaN, 0, 0);
        assertExact(tensor(new double[] {1, Double.NaN}).softmax(0), shape(2), Double.NaN, Double.NaN);
    }

    @Test
    void softmaxOfViewsAndEdgeShapes() {
        Tensor x = tensor(new double[] {0, Math.log(3), 0, 0}, 2, 2);
        assertValues(x.t().softmax(1), shape(2, 2), new double[] {0.5, 0.5, 0.75, 0.25}, 1e-15);
        assertValues(x.softmax(0), shape(2, 2), new double[] {0.5, 0.75, 0.5, 0.25}, 1e-15);
        assertValues(tensor(new double[] {5}, 1, 1).expand(2, 4).softmax(1), shape(2, 4),
                new double[] {0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25}, 1e-15);
        assertExact(tensor(3.0).softmax(0), shape(), 1);
        assertExact(tensor(3.0).logSoftmax(-1), shape(), 0);
        assertExact(zeros(0, 3).softmax(1), shape(0, 3));
        assertMessage(() -> tensor(new long[] {1, 2}).softmax(0), "softmax", "int64");
        assertMessage(() -> tensor(new double[] {1, 2}).softmax(1), "softmax", "dim 1");
    }

    private static double pNorm(double[] v, double p) {
        if (p == INF) return Ref.max(abs(v));
        if (p == -INF) return Ref.min(abs(v));
        double s = 0;
        for (double x : v) s += p == 0 ? (x != 0 ? 1 : 0) : Math.pow(Math.abs(x), p);
        return p == 0 ? s : Math.pow(s, 1 / p);
    }

    private static double[] softmaxRef(double[] data, int[] shape, int dim) {
        int inner = 1;
        for (int d = dim + 1; d < shape.length; d++) inner *= shape[d];
        int n = shape[dim];
        double[] out = new double[data.length];
        for (int i = 0; i < data.length; i++) {
            int first = i - ((i / inner) % n) * inner;
            double m = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) m = Math.max(m, data[first + j * inner]);
            double z = 0;
            for (int j = 0; j < n; j++) z += Math.exp(data[first + j * inner] - m);
            out[i] = Math.exp(data[i] - m) / z;
        }
        return out;
    }

    private static double[] abs(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = Math.abs(v[i]);
        return out;
    }

    private static double[] sqrt(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = Math.sqrt(v[i]);
        return out;
    }

    private static double[] log(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = Math.log(v[i]);
        return out;
    }

    private static double[] ones(int n) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, 1);
        return out;
    }
}
