package dev.nabla.autograd;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.spi.Window2d;
import dev.nabla.autograd.GradCase.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static dev.nabla.autograd.GradCase.REAL;
import static dev.nabla.autograd.GradCase.leaf;

/**
 * The views, indexing and joining part of the gradcheck table. Each view is followed by an elementwise op with
 * position-dependent weights, so that a gradient sent to the wrong element shows.
 */
class GradCheckViewTableTest {

    static List<GradCase> cases() {
        List<GradCase> c = new ArrayList<>();
        views(c);
        splits(c);
        indexing(c);
        joining(c);
        patches(c);
        return c;
    }

    /** im2col and its adjoint col2im: a 2x2 kernel, padding 1, stride 1 over a [1, 2, 3, 4] image (4 x 5 blocks). */
    private static void patches(List<GradCase> c) {
        Window2d w = new Window2d(2, 2, 1, 1, 1, 1, 1, 1, 4, 5);
        for (Kind kind : Kind.values()) {
            c.add(new GradCase("im2col " + kind, () -> new Tensor[] {leaf(kind, REAL, 0, 1, 2, 3, 4)},
                    x -> weighted(x[0].im2col(w, 0.0))));
            c.add(new GradCase("col2im " + kind, () -> new Tensor[] {leaf(kind, REAL, 0, 1, 8, 20)},
                    x -> weighted(x[0].col2im(3, 4, w))));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientMatchesFiniteDifferences(GradCase entry) {
        entry.check();
    }

    /** {@code t} times distinct weights 1, 2, 3, ... in row-major order, so every element's gradient differs. */
    static Tensor weighted(Tensor t) {
        return t.mul(Nabla.arange(1.0, t.numel() + 1.0, 1.0).to(t.dtype()).view(t.shape()));
    }

    private static void views(List<GradCase> c) {
        view(c, "view(6, 2)", x -> x.contiguous().view(6, 2));
        view(c, "view(-1)", x -> x.contiguous().view(-1));
        view(c, "reshape(3, 4)", x -> x.reshape(3, 4));
        view(c, "reshape(-1, 2)", x -> x.reshape(-1, 2));
        view(c, "permute(2, 0, 1)", x -> x.permute(2, 0, 1));
        view(c, "permute(-1, 1, 0)", x -> x.permute(-1, 1, 0));
        view(c, "transpose(0, 2)", x -> x.transpose(0, 2));
        view(c, "transpose(-1, -2)", x -> x.transpose(-1, -2));
        view(c, "select(0, 1).t()", x -> x.select(0, 1).t());
        view(c, "expand(3, 2, 3, 2)", x -> x.expand(3, 2, 3, 2));
        view(c, "narrow(1, 1, 1).expandAs", x -> x.narrow(1, 1, 1).expandAs(x));
        view(c, "unsqueeze(1).squeeze()", x -> x.unsqueeze(1).squeeze());
        view(c, "unsqueeze(-1).squeeze(-1)", x -> x.unsqueeze(-1).squeeze(-1));
        view(c, "narrow(1, 1, 1).squeeze(1)", x -> x.narrow(1, 1, 1).squeeze(1));
        view(c, "flatten()", Tensor::flatten);
        view(c, "flatten(1, 2)", x -> x.flatten(1, 2));
        view(c, "flatten(0, 1).unflatten(0, 3, 2)", x -> x.flatten(0, 1).unflatten(0, 3, 2));
        view(c, "unflatten(1, 3, 1)", x -> x.unflatten(1, 3, 1));
        view(c, "narrow(1, 1, 2)", x -> x.narrow(1, 1, 2));
        view(c, "narrow(-1, 1, 1)", x -> x.narrow(-1, 1, 1));
        view(c, "select(1, 2)", x -> x.select(1, 2));
        view(c, "select(-1, 0)", x -> x.select(-1, 0));
        view(c, "slice(1, 0, 3, 2)", x -> x.slice(1, 0, 3, 2));
        view(c, "slice(1, 1, 3)", x -> x.slice(1, 1, 3));
        view(c, "slice(0, -1, 2, 1)", x -> x.slice(0, -1, 2, 1));
        view(c, "get(1)", x -> x.get(1));
        view(c, "get(0, 2)", x -> x.get(0, 2));
        view(c, "get(1, 1, 0) scalar", x -> x.get(1, 1, 0));
        view(c, "view chain", x -> x.permute(1, 0, 2).reshape(3, 4).slice(1, 0, 4, 3).t().unsqueeze(0));
        view(c, "t() of a 2-d select", x -> x.select(2, 1).t());
        view(c, "flip(0, 2)", x -> x.flip(0, 2));
        view(c, "flip(-2)", x -> x.flip(-2));
        view(c, "repeat(2, 1, 1)", x -> x.repeat(2, 1, 1));
        view(c, "repeat(1, 2, 1, 2)", x -> x.repeat(1, 2, 1, 2));
        view(c, "sort(1).values", x -> x.sort(1, false).values());
        view(c, "sort() descending -1", x -> x.sort(-1, true).values());
        view(c, "sort() last dim", x -> x.sort().values());
        view(c, "topk(2, 1)", x -> x.topk(2, 1, true).values());
        view(c, "topk(1, 0) smallest", x -> x.topk(1, 0, false).values());
        view(c, "topk(1) last dim", x -> x.topk(1).values());
    }

    /**
     * Four entries: contiguous, permuted and stepped [2, 3, 2] leaves, and a [3, 1] leaf expanded to [2, 3, 2];
     * the result is weighted elementwise.
     */
    private static void view(List<GradCase> c, String name, UnaryOperator<Tensor> op) {
        for (Kind kind : Kind.values()) {
            c.add(new GradCase(name + " " + kind, () -> new Tensor[] {leaf(kind, REAL, 0, 2, 3, 2)},
                    x -> weighted(op.apply(x[0]))));
        }
        c.add(new GradCase(name + " broadcast [3, 1] to [2, 3, 2]", () -> new Tensor[] {leaf(0, 3, 1)},
                x -> weighted(op.apply(x[0].expand(2, 3, 2)))));
    }

    private static void splits(List<GradCase> c) {
        for (Kind kind : Kind.values()) {
            c.add(new GradCase("split(2, 1) " + kind, () -> new Tensor[] {leaf(kind, REAL, 0, 2, 3, 2)},
                    x -> joinWeighted(x[0].split(2, 1), 1)));
            c.add(new GradCase("split({1, 2}, 1) " + kind, () -> new Tensor[] {leaf(kind, REAL, 0, 2, 3, 2)},
                    x -> joinWeighted(x[0].split(new int[] {1, 2}, 1), 1)));
            c.add(new GradCase("chunk(2, -1) " + kind, () -> new Tensor[] {leaf(kind, REAL, 0, 2, 3, 2)},
                    x -> joinWeighted(x[0].chunk(2, -1), -1)));
            c.add(new GradCase("chunk(3, 1) " + kind, () -> new Tensor[] {leaf(kind, REAL, 0, 2, 3, 2)},
                    x -> joinWeighted(x[0].chunk(3, 1), 1)));
            c.add(new GradCase("unbind(1) " + kind, () -> new Tensor[] {leaf(kind, REAL, 0, 2, 3, 2)},
                    x -> stackWeighted(x[0].unbind(1))));
        }
        c.add(new GradCase("unbind(0) of a broadcast", () -> new Tensor[] {leaf(0, 3)},
                x -> stackWeighted(x[0].expand(2, 3).unbind(0))));
        c.add(new GradCase("split of a broadcast, one part unused", () -> new Tensor[] {leaf(0, 3, 1)},
                x -> weighted(x[0].expand(3, 4).split(3, 1).get(0))));
    }

    /** Each part scaled by its position (1, 2, ...) and joined again along dim. */
    private static Tensor joinWeighted(List<Tensor> parts, int dim) {
        List<Tensor> scaled = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) scaled.add(parts.get(i).mul(i + 1.0).sin());
        return Nabla.cat(scaled, dim);
    }

    private static Tensor stackWeighted(List<Tensor> parts) {
        List<Tensor> scaled = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) scaled.add(parts.get(i).mul(i + 1.0).sin());
        return Nabla.stack(scaled, 0);
    }

    private static Tensor index(long... values) {
        return Nabla.tensor(values);
    }

    private static Tensor index(long[] values, int... shape) {
        return Nabla.tensor(values, shape);
    }

    private static void indexing(List<GradCase> c) {
        for (Kind kind : Kind.values()) {
            // Repeated indices: their gradients add up.
            c.add(new GradCase("indexSelect(1, [2, 0, 2]) " + kind, () -> new Tensor[] {leaf(kind, REAL, 0, 2, 3)},
                    x -> weighted(x[0].indexSelect(1, index(2, 0, 2)))));
            c.add(new GradCase("indexSelect(0, [1, 1]) " + kind, () -> new Tensor[] {leaf(kind, REAL, 0, 2, 3)},
                    x -> weighted(x[0].indexSelect(0, index(1, 1)))));
            c.add(new GradCase("gather(1) repeated " + kind, () -> new Tensor[] {leaf(kind, REAL, 0, 2, 3)},
                    x -> weighted(x[0].gather(1, index(new long[] {2, 2, 0, 1}, 2, 2)))));
            c.add(new GradCase("gather(0) " + kind, () -> new Tensor[] {leaf(kind, REAL, 0, 2, 3)},
                    x -> weighted(x[0].gather(0, index(new long[] {1, 0, 1, 1, 1, 0}, 2, 3)))));
            // Distinct targets per row: scatter with duplicate targets picks an unspecified writer.
            c.add(new GradCase("scatter(1) self and src " + kind,
                    () -> new Tensor[] {leaf(kind, REAL, 0, 2, 3), leaf(kind, REAL, 11, 2, 3)},
                    x -> weighted(x[0].scatter(1, index(new long[] {2, 0, 1, 2}, 2, 2), x[1]))));
            c.add(new GradCase("scatter(0) value " + kind, () -> new Tensor[] {leaf(kind, REAL, 0, 2, 3)},
                    x -> weighted(x[0].scatter(0, index(new long[] {1, 0, 1}, 1, 3), 0.25))));
            c.add(new GradCase("scatterAdd(1) repeated " + kind,
                    () -> new Tensor[] {leaf(kind, REAL, 0, 2, 3), leaf(kind, REAL, 11, 2, 3)},
                    x -> weighted(x[0].scatterAdd(1, index(new long[] {2, 2, 0, 1, 1, 1}, 2, 3), x[1]))));
            c.add(new GradCase("scatterAdd(0) src larger than index " + kind,
                    () -> new Tensor[] {leaf(kind, REAL, 0, 2, 3), leaf(kind, REAL, 11, 2, 3)},
                    x -> weighted(x[0].scatterAdd(0, index(new long[] {1, 0, 1}, 1, 3), x[1]))));
            c.add(new GradCase("sliceScatter(1, 0, 3, 2) " + kind,
                    () -> new Tensor[] {leaf(kind, REAL, 0, 2, 3), leaf(kind, REAL, 11, 2, 2)},
                    x -> weighted(x[0].sliceScatter(x[1], 1, 0, 3, 2))));
        }
        c.add(new GradCase("gather of a broadcast", () -> new Tensor[] {leaf(0, 3)},
                x -> weighted(x[0].expand(2, 3).gather(1, index(new long[] {0, 0, 2, 1}, 2, 2)))));
        c.add(new GradCase("scatterAdd with broadcast self", () -> new Tensor[] {leaf(0, 3), leaf(11, 2, 2)},
                x -> weighted(x[0].expand(2, 3).scatterAdd(1, index(new long[] {0, 0, 2, 1}, 2, 2), x[1]))));
        c.add(new GradCase("indexSelect of a 0-dim index", () -> new Tensor[] {leaf(0, 2, 3)},
                x -> weighted(x[0].indexSelect(1, Nabla.tensor(1L)))));
        c.add(new GradCase("sliceScatter(0, 1, 2) of a broadcast src", () -> new Tensor[] {leaf(0, 3, 2), leaf(11, 2)},
                x -> weighted(x[0].sliceScatter(x[1].expand(1, 2), 0, 1, 2, 1))));
    }

    private static void joining(List<GradCase> c) {
        for (Kind kind : Kind.values()) {
            c.add(new GradCase("cat(1) three parts " + kind, () -> new Tensor[] {leaf(kind, REAL, 0, 2, 2),
                    leaf(kind, REAL, 11, 2, 1 + (kind == Kind.PERMUTED ? 1 : 0)), leaf(kind, REAL, 5, 2, 3)},
                    x -> weighted(Nabla.cat(List.of(x[0], x[1], x[2]), 1))));
            c.add(new GradCase("cat(0) " + kind, () -> new Tensor[] {leaf(kind, REAL, 0, 2, 3), leaf(kind, REAL, 11, 2, 3)},
                    x -> weighted(Nabla.cat(x[0], x[1]))));
            c.add(new GradCase("stack(0) " + kind, () -> new Tensor[] {leaf(kind, REAL, 0, 2, 3), leaf(kind, REAL, 11, 2, 3)},
                    x -> weighted(Nabla.stack(x[0], x[1]))));
            c.add(new GradCase("stack(-1) " + kind, () -> new Tensor[] {leaf(kind, REAL, 0, 2, 3), leaf(kind, REAL, 11, 2, 3)},
                    x -> weighted(Nabla.stack(List.of(x[0], x[1], x[0]), -1))));
        }
        c.add(new GradCase("cat(-1) of a tensor with itself and a broadcast", () -> new Tensor[] {leaf(0, 2, 3), leaf(11, 3)},
                x -> weighted(Nabla.cat(List.of(x[0], x[1].expand(2, 3), x[0]), -1))));
        c.add(new GradCase("stack(1) of broadcasts", () -> new Tensor[] {leaf(0, 2, 1), leaf(11, 3)},
                x -> weighted(Nabla.stack(List.of(x[0].expand(2, 3), x[1].expand(2, 3)), 1))));
    }
}
