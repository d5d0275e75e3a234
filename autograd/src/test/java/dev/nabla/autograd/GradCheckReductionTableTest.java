package dev.nabla.autograd;

import dev.nabla.Tensor;
import dev.nabla.autograd.GradCase.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static dev.nabla.autograd.GradCase.REAL;
import static dev.nabla.autograd.GradCase.dims;
import static dev.nabla.autograd.GradCase.leaf;
import static dev.nabla.autograd.GradCase.leafOf;

/**
 * The reduction part of the gradcheck table: sum, mean, prod, max/min in all their forms, var, std, logsumexp,
 * norm, cumsum, softmax and logSoftmax over all, one, several and negative dims, with and without keepdim.
 */
class GradCheckReductionTableTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    static List<GradCase> cases() {
        List<GradCase> c = new ArrayList<>();
        sumsAndProducts(c);
        extremes(c);
        statistics(c);
        scansAndSoftmax(c);
        zeros(c);
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientMatchesFiniteDifferences(GradCase entry) {
        entry.check();
    }

    private static void sumsAndProducts(List<GradCase> c) {
        reduction(c, "sum()", Tensor::sum);
        reduction(c, "sum(1)", x -> x.sum(1));
        reduction(c, "sum(-1, keepdim)", x -> x.sum(-1, true));
        reduction(c, "sum({0, 2})", x -> x.sum(dims(0, 2), false));
        reduction(c, "sum({-1, 0}, keepdim)", x -> x.sum(dims(-1, 0), true));
        reduction(c, "mean()", Tensor::mean);
        reduction(c, "mean(0)", x -> x.mean(0));
        reduction(c, "mean(-2, keepdim)", x -> x.mean(-2, true));
        reduction(c, "mean({1, 2})", x -> x.mean(dims(1, 2), false));
        reduction(c, "prod()", Tensor::prod);
        reduction(c, "prod(1)", x -> x.prod(1, false));
        reduction(c, "prod(-1, keepdim)", x -> x.prod(-1, true));
        reduction(c, "prod({0, 2}, keepdim)", x -> x.prod(dims(0, 2), true));
    }

    private static void extremes(List<GradCase> c) {
        reduction(c, "max()", Tensor::max);
        reduction(c, "min()", Tensor::min);
        reduction(c, "amax({1})", x -> x.amax(dims(1), false));
        reduction(c, "amax({-1, 0}, keepdim)", x -> x.amax(dims(-1, 0), true));
        reduction(c, "amin({0}, keepdim)", x -> x.amin(dims(0), true));
        reduction(c, "amin({0, 2})", x -> x.amin(dims(0, 2), false));
        reduction(c, "max(1).values", x -> x.max(1).values());
        reduction(c, "max(-1, keepdim).values", x -> x.max(-1, true).values());
        reduction(c, "min(0).values", x -> x.min(0).values());
        reduction(c, "min(2, keepdim).values", x -> x.min(2, true).values());
    }

    private static void statistics(List<GradCase> c) {
        reduction(c, "var()", Tensor::var);
        reduction(c, "var(biased)", x -> x.var(false));
        reduction(c, "var({1})", x -> x.var(dims(1), true, false));
        reduction(c, "var({0, -1}, biased, keepdim)", x -> x.var(dims(0, -1), false, true));
        reduction(c, "std()", Tensor::std);
        reduction(c, "std(biased)", x -> x.std(false));
        reduction(c, "std({2}, keepdim)", x -> x.std(dims(2), true, true));
        reduction(c, "std({0, 1}, biased)", x -> x.std(dims(0, 1), false, false));
        reduction(c, "logsumexp(1)", x -> x.logsumexp(1));
        reduction(c, "logsumexp({0, -1}, keepdim)", x -> x.logsumexp(dims(0, -1), true));
        reduction(c, "logsumexp(all dims)", x -> x.logsumexp(dims(0, 1, 2), false));
        reduction(c, "norm()", Tensor::norm);
        reduction(c, "norm(1)", x -> x.norm(1));
        reduction(c, "norm(3)", x -> x.norm(3));
        reduction(c, "norm(0) weighted", x -> x.norm(0).mul(x.sum()));
        reduction(c, "norm(0.5)", x -> x.norm(0.5));
        reduction(c, "norm(1.5, {1})", x -> x.norm(1.5, dims(1), false));
        reduction(c, "norm(inf)", x -> x.norm(INF));
        reduction(c, "norm(-inf)", x -> x.norm(-INF));
        reduction(c, "norm(2, {1})", x -> x.norm(2, dims(1), false));
        reduction(c, "norm(1, {0, 2}, keepdim)", x -> x.norm(1, dims(0, 2), true));
        reduction(c, "norm(3, {-1})", x -> x.norm(3, dims(-1), false));
        reduction(c, "norm(inf, {1}, keepdim)", x -> x.norm(INF, dims(1), true));
    }

    private static void scansAndSoftmax(List<GradCase> c) {
        reduction(c, "cumsum(0)", x -> x.cumsum(0));
        reduction(c, "cumsum(1)", x -> x.cumsum(1));
        reduction(c, "cumsum(-1)", x -> x.cumsum(-1));
        reduction(c, "softmax(1)", x -> x.softmax(1));
        reduction(c, "softmax(-1)", x -> x.softmax(-1));
        reduction(c, "logSoftmax(0)", x -> x.logSoftmax(0));
        reduction(c, "logSoftmax(-1)", x -> x.logSoftmax(-1));
        reduction(c, "softmax(1) weighted", x -> x.softmax(1).mul(x.cos()));
    }

    /**
     * Four entries: contiguous, permuted and stepped [2, 3, 2] leaves, and a [3, 1] leaf expanded to [2, 3, 2]
     * (whose copies tie in max and min: each copy takes a share and the shares add back up).
     */
    private static void reduction(List<GradCase> c, String name, UnaryOperator<Tensor> op) {
        for (Kind kind : Kind.values()) {
            c.add(new GradCase(name + " " + kind, () -> new Tensor[] {leaf(kind, REAL, 0, 2, 3, 2)},
                    x -> op.apply(x[0])));
        }
        c.add(new GradCase(name + " broadcast [3, 1] to [2, 3, 2]", () -> new Tensor[] {leaf(0, 3, 1)},
                x -> op.apply(x[0].expand(2, 3, 2))));
    }

    /** prod is a polynomial, so finite differences hold at zeros too: one zero, two zeros, a zero in one row. */
    private static void zeros(List<GradCase> c) {
        double[] oneZero = {0.7, 0, -1.3, 1.1, 0.9, -0.6};
        double[] twoZeros = {0.7, 0, -1.3, 0, 0.9, -0.6};
        double[] zeroPerRow = {0, 1.2, -0.8, 0.6, 0, 0};
        for (Kind kind : Kind.values()) {
            c.add(new GradCase("prod() one zero " + kind, () -> new Tensor[] {GradCase.leaf(kind, oneZero, 2, 3)},
                    x -> x[0].prod()));
            c.add(new GradCase("prod() two zeros " + kind, () -> new Tensor[] {GradCase.leaf(kind, twoZeros, 2, 3)},
                    x -> x[0].prod()));
            c.add(new GradCase("prod(1) one and two zeros per row " + kind,
                    () -> new Tensor[] {GradCase.leaf(kind, zeroPerRow, 2, 3)}, x -> x[0].prod(1, false)));
            c.add(new GradCase("prod(0, keepdim) zeros " + kind, () -> new Tensor[] {GradCase.leaf(kind, twoZeros, 2, 3)},
                    x -> x[0].prod(0, true)));
        }
        c.add(new GradCase("prod(1) of a broadcast zero", () -> new Tensor[] {leafOf(new double[] {0, 1.5}, 2, 1)},
                x -> x[0].expand(2, 3).prod(1, false)));
    }
}
