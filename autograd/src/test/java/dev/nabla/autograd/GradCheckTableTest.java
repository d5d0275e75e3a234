package dev.nabla.autograd;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.autograd.GradCase.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;

import static dev.nabla.autograd.GradCase.HALF;
import static dev.nabla.autograd.GradCase.POSITIVE;
import static dev.nabla.autograd.GradCase.REAL;
import static dev.nabla.autograd.GradCase.leaf;
import static dev.nabla.autograd.GradCase.leafOf;
import static dev.nabla.autograd.GradCase.scalarLeaf;

/**
 * The elementwise part of the float64 gradcheck table: every unary op and activation, and every binary op with
 * tensor and scalar operands, on contiguous, permuted and stepped leaves and on broadcast operands.
 * The other families live in the sibling {@code GradCheck*TableTest} classes; {@link OpCoverageTest} walks them all.
 */
class GradCheckTableTest {

    static List<GradCase> cases() {
        List<GradCase> c = new ArrayList<>();
        unaryOps(c);
        binaryOps(c);
        selectionOps(c);
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientMatchesFiniteDifferences(GradCase entry) {
        entry.check();
    }

    private static void unaryOps(List<GradCase> c) {
        unary(c, "neg", REAL, Tensor::neg);
        unary(c, "abs", REAL, Tensor::abs);
        unary(c, "exp", REAL, Tensor::exp);
        unary(c, "log", POSITIVE, Tensor::log);
        unary(c, "log1p", HALF, Tensor::log1p);
        unary(c, "expm1", REAL, Tensor::expm1);
        unary(c, "sqrt", POSITIVE, Tensor::sqrt);
        unary(c, "rsqrt", POSITIVE, Tensor::rsqrt);
        unary(c, "reciprocal", REAL, Tensor::reciprocal);
        unary(c, "sin", REAL, Tensor::sin);
        unary(c, "cos", REAL, Tensor::cos);
        unary(c, "tan", HALF, Tensor::tan);
        unary(c, "tanh", REAL, Tensor::tanh);
        unary(c, "sigmoid", REAL, Tensor::sigmoid);
        unary(c, "erf", REAL, Tensor::erf);
        unary(c, "relu", REAL, Tensor::relu);
        unary(c, "gelu", REAL, Tensor::gelu);
        unary(c, "gelu tanh", REAL, x -> x.gelu(true));
        unary(c, "silu", REAL, Tensor::silu);
        unary(c, "softplus", REAL, Tensor::softplus);
        unary(c, "softplus beta 2 threshold 1", REAL, x -> x.softplus(2, 1));
        unary(c, "elu", REAL, Tensor::elu);
        unary(c, "elu alpha 0.7", REAL, x -> x.elu(0.7));
        unary(c, "leakyRelu", REAL, Tensor::leakyRelu);
        unary(c, "leakyRelu 0.2", REAL, x -> x.leakyRelu(0.2));
        unary(c, "sign", REAL, Tensor::sign);
        unary(c, "floor", REAL, Tensor::floor);
        unary(c, "ceil", REAL, Tensor::ceil);
        unary(c, "round", REAL, Tensor::round);
        unary(c, "square", REAL, Tensor::square);
        // The zero-gradient ops are checked inside a product too, so that a non-zero rule would show.
        unary(c, "x * floor(x)", REAL, x -> x.mul(x.floor()));
    }

    /** Four entries: contiguous, permuted and stepped [2, 3] leaves, and a [3] leaf broadcast to [2, 3]. */
    private static void unary(List<GradCase> c, String name, DoubleUnaryOperator domain, UnaryOperator<Tensor> op) {
        for (Kind kind : Kind.values()) {
            c.add(new GradCase(name + " " + kind, () -> new Tensor[] {leaf(kind, domain, 0, 2, 3)},
                    x -> op.apply(x[0])));
        }
        c.add(new GradCase(name + " broadcast [3] to [2, 3]", () -> new Tensor[] {leaf(Kind.CONTIGUOUS, domain, 0, 3)},
                x -> op.apply(x[0].expand(2, 3))));
    }

    private static void binaryOps(List<GradCase> c) {
        binary(c, "add", REAL, REAL, Tensor::add);
        binary(c, "add alpha 2.5", REAL, REAL, (a, b) -> a.add(b, 2.5));
        binary(c, "sub", REAL, REAL, Tensor::sub);
        binary(c, "sub alpha -1.5", REAL, REAL, (a, b) -> a.sub(b, -1.5));
        binary(c, "mul", REAL, REAL, Tensor::mul);
        binary(c, "div", REAL, REAL, Tensor::div);
        binary(c, "pow tensor exponent", POSITIVE, REAL, Tensor::pow);
        binary(c, "maximum", REAL, REAL, Tensor::maximum);
        binary(c, "minimum", REAL, REAL, Tensor::minimum);
        binary(c, "max(other)", REAL, REAL, Tensor::max);
        binary(c, "min(other)", REAL, REAL, Tensor::min);
        binary(c, "a * b + a / b", REAL, REAL, (a, b) -> a.mul(b).add(a.div(b)));

        scalar(c, "add 2.5", REAL, x -> x.add(2.5));
        scalar(c, "add 3L", REAL, x -> x.add(3L));
        scalar(c, "sub 0.75", REAL, x -> x.sub(0.75));
        scalar(c, "mul -1.5", REAL, x -> x.mul(-1.5));
        scalar(c, "mul 2L", REAL, x -> x.mul(2L));
        scalar(c, "div 0.4", REAL, x -> x.div(0.4));
        scalar(c, "pow 3", REAL, x -> x.pow(3.0));
        scalar(c, "pow 2L", REAL, x -> x.pow(2L));
        scalar(c, "pow 2.5", POSITIVE, x -> x.pow(2.5));
        scalar(c, "pow -1.5", POSITIVE, x -> x.pow(-1.5));
        scalar(c, "pow 0", REAL, x -> x.pow(0.0));
        scalar(c, "clamp(-0.6, 0.9)", REAL, x -> x.clamp(-0.6, 0.9));
        scalar(c, "clampMin(-0.6)", REAL, x -> x.clampMin(-0.6));
        scalar(c, "clampMax(0.9)", REAL, x -> x.clampMax(0.9));
        scalar(c, "0-dim 2.5 pow x", REAL, x -> Nabla.tensor(new double[] {2.5}).reshape().pow(x));

        // A 0-dim tensor operand broadcasts against everything; its gradient is the sum over the output.
        c.add(new GradCase("mul by 0-dim leaf", () -> new Tensor[] {leaf(0, 2, 3), scalarLeaf(-1.3)},
                x -> x[0].mul(x[1])));
        c.add(new GradCase("0-dim leaf div by [2, 3]", () -> new Tensor[] {scalarLeaf(1.7), leaf(0, 2, 3)},
                x -> x[0].div(x[1])));
        c.add(new GradCase("pow 0-dim exponent leaf", () -> new Tensor[] {leaf(Kind.CONTIGUOUS, POSITIVE, 0, 2, 3),
                scalarLeaf(1.3)}, x -> x[0].pow(x[1])));
    }

    /**
     * Six entries: [2, 3] with [2, 3] contiguous, permuted and stepped; [2, 1] with [1, 3]; [3] with [2, 2, 3];
     * and a stepped [2, 3] with [2, 1].
     */
    private static void binary(List<GradCase> c, String name, DoubleUnaryOperator da, DoubleUnaryOperator db,
                               BinaryOperator<Tensor> op) {
        for (Kind kind : Kind.values()) {
            c.add(new GradCase(name + " " + kind, () -> new Tensor[] {leaf(kind, da, 0, 2, 3), leaf(kind, db, 11, 2, 3)},
                    x -> op.apply(x[0], x[1])));
        }
        c.add(new GradCase(name + " broadcast [2, 1] with [1, 3]",
                () -> new Tensor[] {leaf(Kind.CONTIGUOUS, da, 0, 2, 1), leaf(Kind.CONTIGUOUS, db, 11, 1, 3)},
                x -> op.apply(x[0], x[1])));
        c.add(new GradCase(name + " broadcast [3] with [2, 2, 3]",
                () -> new Tensor[] {leaf(Kind.CONTIGUOUS, da, 0, 3), leaf(Kind.PERMUTED, db, 11, 2, 2, 3)},
                x -> op.apply(x[0], x[1])));
        c.add(new GradCase(name + " broadcast stepped [2, 3] with [2, 1]",
                () -> new Tensor[] {leaf(Kind.STEPPED, da, 0, 2, 3), leaf(Kind.CONTIGUOUS, db, 11, 2, 1)},
                x -> op.apply(x[0], x[1])));
    }

    /** Three entries for an op with a scalar operand: contiguous, permuted and stepped [2, 3] leaves. */
    private static void scalar(List<GradCase> c, String name, DoubleUnaryOperator domain, UnaryOperator<Tensor> op) {
        for (Kind kind : Kind.values()) {
            c.add(new GradCase(name + " " + kind, () -> new Tensor[] {leaf(kind, domain, 0, 2, 3)},
                    x -> op.apply(x[0])));
        }
    }

    /** where, maskedFill and clamp with tensor bounds: ops that pick between operands. */
    private static void selectionOps(List<GradCase> c) {
        boolean[] pattern = {true, false, false, true, true, false};
        for (Kind kind : Kind.values()) {
            c.add(new GradCase("where " + kind, () -> new Tensor[] {leaf(kind, REAL, 0, 2, 3), leaf(kind, REAL, 11, 2, 3)},
                    x -> Nabla.where(Nabla.tensor(pattern, 2, 3), x[0], x[1])));
            c.add(new GradCase("Tensor.where " + kind, () -> new Tensor[] {leaf(kind, REAL, 0, 2, 3),
                    leaf(kind, REAL, 11, 2, 3)}, x -> x[0].where(Nabla.tensor(pattern, 2, 3), x[1])));
            c.add(new GradCase("where scalar other " + kind, () -> new Tensor[] {leaf(kind, REAL, 0, 2, 3)},
                    x -> Nabla.where(Nabla.tensor(pattern, 2, 3), x[0], -2.0)));
            c.add(new GradCase("maskedFill scalar " + kind, () -> new Tensor[] {leaf(kind, REAL, 0, 2, 3)},
                    x -> x[0].maskedFill(Nabla.tensor(pattern, 2, 3), 0.5)));
            c.add(new GradCase("maskedFill 0-dim tensor value " + kind, () -> new Tensor[] {leaf(kind, REAL, 0, 2, 3),
                    scalarLeaf(0.6)}, x -> x[0].maskedFill(Nabla.tensor(pattern, 2, 3), x[1])));
        }
        c.add(new GradCase("where broadcast cond [3], a [2, 1], b [2, 3]",
                () -> new Tensor[] {leaf(0, 2, 1), leaf(Kind.STEPPED, REAL, 11, 2, 3)},
                x -> Nabla.where(Nabla.tensor(new boolean[] {true, false, true}, 3), x[0], x[1])));
        c.add(new GradCase("where broadcast cond [2, 1], a [3], b 0-dim",
                () -> new Tensor[] {leaf(0, 3), scalarLeaf(-0.4)},
                x -> Nabla.where(Nabla.tensor(new boolean[] {false, true}, 2, 1), x[0], x[1])));
        c.add(new GradCase("maskedFill broadcast mask [3] over [2, 3]", () -> new Tensor[] {leaf(0, 2, 3), scalarLeaf(0.6)},
                x -> x[0].maskedFill(Nabla.tensor(new boolean[] {false, true, false}, 3), x[1])));

        // x in [2, 3] against bounds lo in [3] and hi in [2, 1]: each element is below, inside or above.
        double[] xs = {-1.2, 0.1, 1.4, 0.35, -0.05, 2.1};
        double[] lo = {-0.5, 0.2, -0.3};
        double[] hi = {0.8, 0.6};
        for (Kind kind : new Kind[] {Kind.CONTIGUOUS, Kind.PERMUTED, Kind.STEPPED}) {
            c.add(new GradCase("clamp tensor bounds broadcast, x " + kind,
                    () -> new Tensor[] {GradCase.leaf(kind, xs, 2, 3), leafOf(lo, 3), leafOf(hi, 2, 1)},
                    x -> x[0].clamp(x[1], x[2])));
        }
        c.add(new GradCase("clamp tensor min only", () -> new Tensor[] {leafOf(xs, 2, 3), leafOf(lo, 3)},
                x -> x[0].clamp(x[1], null)));
        c.add(new GradCase("clamp tensor max only", () -> new Tensor[] {leafOf(xs, 2, 3), leafOf(hi, 2, 1)},
                x -> x[0].clamp(null, x[1])));
    }
}
