package dev.nabla.autograd;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.autograd.GradCase.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import static dev.nabla.autograd.GradCase.POSITIVE;
import static dev.nabla.autograd.GradCase.REAL;
import static dev.nabla.autograd.GradCase.leaf;

/**
 * The in-place part of the gradcheck table: each in-place op writes into a non-leaf copy of the first input
 * (PyTorch's history rebase), and the other operand is contiguous, permuted, stepped or broadcast.
 */
class GradCheckInPlaceTableTest {

    static List<GradCase> cases() {
        List<GradCase> c = new ArrayList<>();
        Tensor mask = Nabla.tensor(new boolean[] {true, false, false, true, true, false}, 2, 3);
        withOther(c, "add_", (y, o) -> y.add_(o));
        withOther(c, "add_ alpha 2", (y, o) -> y.add_(o, 2));
        withOther(c, "sub_", (y, o) -> y.sub_(o));
        withOther(c, "sub_ alpha -0.5", (y, o) -> y.sub_(o, -0.5));
        withOther(c, "copy_", (y, o) -> y.copy_(o.sin()));
        // The other operand's gradient would need self before the write, which PyTorch rejects as well; with a
        // constant other only self's gradient is needed.
        withConstant(c, "mul_ constant tensor", (y, o) -> y.mul_(o));
        withConstant(c, "div_ constant tensor", (y, o) -> y.div_(o));
        selfOnly(c, "add_ 1.5", y -> y.add_(1.5));
        selfOnly(c, "sub_ 0.5", y -> y.sub_(0.5));
        selfOnly(c, "mul_ -2", y -> y.mul_(-2.0));
        selfOnly(c, "div_ 4", y -> y.div_(4.0));
        selfOnly(c, "clamp_(-0.6, 0.9)", y -> y.clamp_(-0.6, 0.9));
        selfOnly(c, "clampMin_(-0.6)", y -> y.clampMin_(-0.6));
        selfOnly(c, "clampMax_(0.9)", y -> y.clampMax_(0.9));
        selfOnly(c, "neg_", Tensor::neg_);
        selfOnly(c, "relu_", Tensor::relu_);
        selfOnly(c, "exp_", Tensor::exp_);
        selfOnly(c, "maskedFill_", y -> y.maskedFill_(mask, 0.3));
        selfOnly(c, "fill_ then use", y -> y.fill_(2.0).mul(y.detach().add(1.0)));
        Tensor index = Nabla.tensor(new long[] {2, 0, 1, 2}, 2, 2);
        Tensor repeated = Nabla.tensor(new long[] {2, 2, 0, 1, 1, 1}, 2, 3);
        for (Kind kind : Kind.values()) {
            c.add(new GradCase("scatter_ " + kind, () -> new Tensor[] {leaf(0, 2, 3), leaf(kind, REAL, 11, 2, 3)},
                    x -> x[0].mul(1.0).scatter_(1, index, x[1]).mul(x[0])));
            c.add(new GradCase("scatterAdd_ " + kind, () -> new Tensor[] {leaf(0, 2, 3), leaf(kind, REAL, 11, 2, 3)},
                    x -> x[0].mul(1.0).scatterAdd_(1, repeated, x[1]).mul(x[0])));
        }
        c.add(new GradCase("two in-place ops in a row", () -> new Tensor[] {leaf(0, 2, 3), leaf(11, 3)},
                x -> x[0].mul(2.0).add_(x[1]).mul_(2.0).sub_(x[0]).sin()));
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientMatchesFiniteDifferences(GradCase entry) {
        entry.check();
    }

    /** {@code op(x0 * 1, other)} with other [2, 3] in each layout and [3] broadcast; x0 takes part after too. */
    private static void withOther(List<GradCase> c, String name, BiFunction<Tensor, Tensor, Tensor> op) {
        for (Kind kind : Kind.values()) {
            c.add(new GradCase(name + " " + kind, () -> new Tensor[] {leaf(0, 2, 3), leaf(kind, POSITIVE, 11, 2, 3)},
                    x -> op.apply(x[0].mul(1.0), x[1]).mul(x[0])));
        }
        c.add(new GradCase(name + " broadcast [3] into [2, 3]", () -> new Tensor[] {leaf(0, 2, 3),
                leaf(Kind.CONTIGUOUS, POSITIVE, 11, 3)}, x -> op.apply(x[0].mul(1.0), x[1]).mul(x[0])));
    }

    /** {@code op(x0 * 1, c)} for a constant c [2, 3] in each layout and a constant [3] broadcast. */
    private static void withConstant(List<GradCase> c, String name, BiFunction<Tensor, Tensor, Tensor> op) {
        for (Kind kind : Kind.values()) {
            c.add(new GradCase(name + " " + kind, () -> new Tensor[] {leaf(0, 2, 3)},
                    x -> op.apply(x[0].mul(1.0), leaf(kind, POSITIVE, 11, 2, 3).detach()).mul(x[0])));
        }
        c.add(new GradCase(name + " broadcast [3] into [2, 3]", () -> new Tensor[] {leaf(0, 2, 3)},
                x -> op.apply(x[0].mul(1.0), leaf(Kind.CONTIGUOUS, POSITIVE, 11, 3).detach()).mul(x[0])));
    }

    /** {@code op(x0 * 1)} for a contiguous and a permuted x0 (the copy is contiguous either way). */
    private static void selfOnly(List<GradCase> c, String name, java.util.function.UnaryOperator<Tensor> op) {
        for (Kind kind : new Kind[] {Kind.CONTIGUOUS, Kind.PERMUTED}) {
            c.add(new GradCase(name + " " + kind, () -> new Tensor[] {leaf(kind, REAL, 0, 2, 3)},
                    x -> op.apply(x[0].mul(1.0)).mul(x[0])));
        }
    }
}
