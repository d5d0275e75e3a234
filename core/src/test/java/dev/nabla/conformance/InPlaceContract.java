package dev.nabla.conformance;

import dev.nabla.DType;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static dev.nabla.conformance.Checks.assertFailsUnchanged;
import static dev.nabla.conformance.Checks.inputs;
import static dev.nabla.conformance.Checks.make;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * In-place ops (PyTorch's trailing underscore): they return their target, bump the version shared with its views,
 * write through views, broadcast the other operand, reject what PyTorch rejects, and survive aliasing.
 */
public abstract class InPlaceContract extends DeviceTestBase {
    static final double[] X = {1, -2, 3, -4, 5, -6};
    static final double[] Y = {0.5, 1, -1, 2, -0.5, 4};

    /** An in-place op on x (float, [2, 3]) with y as its tensor operand, and its value per element. */
    record Case(String name, java.util.function.BinaryOperator<Tensor> op, DoubleBinaryOperator reference) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        List<Case> cases = List.of(
                new Case("add_(t)", Tensor::add_, (x, y) -> x + y),
                new Case("add_(t, 2)", (x, y) -> x.add_(y, 2), (x, y) -> x + 2 * y),
                new Case("add_(2.5)", (x, y) -> x.add_(2.5), (x, y) -> x + 2.5),
                new Case("sub_(t)", Tensor::sub_, (x, y) -> x - y),
                new Case("sub_(t, 0.5)", (x, y) -> x.sub_(y, 0.5), (x, y) -> x - 0.5 * y),
                new Case("sub_(1.0)", (x, y) -> x.sub_(1.0), (x, y) -> x - 1),
                new Case("mul_(t)", Tensor::mul_, (x, y) -> x * y),
                new Case("mul_(3.0)", (x, y) -> x.mul_(3.0), (x, y) -> x * 3),
                new Case("div_(t)", Tensor::div_, (x, y) -> x / y),
                new Case("div_(4.0)", (x, y) -> x.div_(4.0), (x, y) -> x / 4),
                new Case("pow_(2)", (x, y) -> x.pow_(2), (x, y) -> x * x),
                new Case("pow_(-1)", (x, y) -> x.pow_(-1), (x, y) -> 1 / x),
                new Case("clamp_(-3, 2)", (x, y) -> x.clamp_(-3, 2), (x, y) -> Math.min(Math.max(x, -3), 2)),
                new Case("clampMin_(0)", (x, y) -> x.clampMin_(0), (x, y) -> Math.max(x, 0)),
                new Case("clampMax_(0)", (x, y) -> x.clampMax_(0), (x, y) -> Math.min(x, 0)),
                new Case("neg_", (x, y) -> x.neg_(), (x, y) -> -x),
                new Case("relu_", (x, y) -> x.relu_(), (x, y) -> Math.max(x, 0)),
                new Case("exp_", (x, y) -> x.exp_(), (x, y) -> Math.exp(x)),
                new Case("maskedFill_", (x, y) -> x.maskedFill_(y.gt(0.75), -9), (x, y) -> y > 0.75 ? -9 : x),
                new Case("zero_", (x, y) -> x.zero_(), (x, y) -> 0),
                new Case("fill_(double)", (x, y) -> x.fill_(0.25), (x, y) -> 0.25),
                new Case("fill_(long)", (x, y) -> x.fill_(7L), (x, y) -> 7),
                new Case("copy_", Tensor::copy_, (x, y) -> y));
        return cases.stream().flatMap(c -> Stream.of(Arguments.of(c, DType.FLOAT32), Arguments.of(c, DType.FLOAT64)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void returnsThisWritesTheValuesAndBumpsTheVersionOnce(Case c, DType dtype) {
        Tensor x = make(dtype, X).reshape(2, 3);
        Tensor y = make(dtype, Y).reshape(2, 3);
        Tensor yBefore = y.clone();
        Tensor view = x.select(0, 1);
        int version = x.version();
        assertSame(x, c.op().apply(x, y), c.name() + " returns this");
        assertEquals(version + 1, x.version(), c.name() + " bumps the version once");
        assertEquals(x.version(), view.version(), "views share the version counter");
        assertEquals(dtype, x.dtype());
        double[] expected = new double[X.length];
        for (int i = 0; i < X.length; i++) {
            expected[i] = dtype == DType.FLOAT32
                    ? (float) c.reference().applyAsDouble((float) X[i], (float) Y[i])
                    : c.reference().applyAsDouble(X[i], Y[i]);
        }
        assertValues(x, shape(2, 3), expected, Checks.tol(dtype));
        Checks.assertSameBits(yBefore, y, "the other operand is not written");
    }

    @Test
    void versionIsSharedByViewsAndNotBumpedByReads() {
        Tensor x = make(DType.FLOAT32, X).reshape(2, 3);
        Tensor t = x.t();
        Tensor row = x.select(0, 0);
        assertEquals(0, x.version());
        x.add(1.0);
        x.exp();
        x.clone().add_(1.0);
        x.toFloatArray();
        assertEquals(0, x.version(), "out-of-place ops, clones and reads leave the version alone");
        row.mul_(2.0);
        assertEquals(1, x.version());
        assertEquals(1, t.version());
        t.zero_();
        assertEquals(2, row.version());
        Tensor copy = x.clone();
        assertEquals(0, copy.version(), "a clone has its own counter");
    }

    @Test
    void writesThroughViewsReachTheBaseAndViceVersa() {
        Tensor x = make(DType.FLOAT64, X).reshape(2, 3);
        x.select(0, 1).mul_(10.0);
        assertExact(x, shape(2, 3), 1, -2, 3, -40, 50, -60);
        x.t().select(0, 2).fill_(0.5);
        assertExact(x, shape(2, 3), 1, -2, 0.5, -40, 50, 0.5);
        x.slice(1, 0, 3, 2).add_(make(DType.FLOAT64, 100, 200).reshape(2, 1));
        assertExact(x, shape(2, 3), 101, -2, 100.5, 160, 50, 200.5);
        x.narrow(1, 1, 1).copy_(make(DType.FLOAT64, 7, 8).reshape(2, 1));
        assertExact(x, shape(2, 3), 101, 7, 100.5, 160, 8, 200.5);
        Tensor view = x.t();
        x.fill_(3.0);
        assertExact(view, shape(3, 2), 3, 3, 3, 3, 3, 3);
        x.set(-1, 1, 2);
        assertEquals(-1, view.getDouble(2, 1));
    }

    @Test
    void theOtherOperandBroadcasts() {
        Tensor x = make(DType.FLOAT32, X).reshape(2, 3);
        x.add_(make(DType.FLOAT32, 10, 20, 30));
        assertExact(x, shape(2, 3), 11, 18, 33, 6, 25, 24);
        x.mul_(make(DType.FLOAT32, 1, -1).reshape(2, 1));
        assertExact(x, shape(2, 3), 11, 18, 33, -6, -25, -24);
        x.sub_(Nabla.tensor(1.0));
        assertExact(x, shape(2, 3), 10, 17, 32, -7, -26, -25);
        x.copy_(make(DType.INT64, 1, 2, 3));
        assertExact(x, shape(2, 3), 1, 2, 3, 1, 2, 3);
        x.maskedFill_(make(DType.BOOL, 0, 1).reshape(2, 1), 0);
        assertExact(x, shape(2, 3), 1, 2, 3, 0, 0, 0);
    }

    @Test
    void resultsAreCastToTheTargetDtypeWhenPyTorchAllowsIt() {
        Tensor f = make(DType.FLOAT32, 1, 2);
        f.add_(make(DType.FLOAT64, 0.5, 1e-10));
        assertEquals(DType.FLOAT32, f.dtype());
        assertExact(f, shape(2), 1.5, 2);
        f.mul_(make(DType.INT64, 2, 3));
        assertExact(f, shape(2), 3, 6);
        Tensor i = make(DType.INT32, 5, 6);
        i.add_(make(DType.INT64, 1, 2));
        i.add_(make(DType.BOOL, 1, 0));
        assertEquals(DType.INT32, i.dtype());
        assertExact(i, shape(2), 7, 8);
        i.pow_(2);
        assertEquals(DType.INT32, i.dtype());
        assertExact(i, shape(2), 49, 64);
        i.mul_(2.0);
        i.clamp_(0, 100);
        assertExact(i, shape(2), 98, 100);
        Tensor ints = make(DType.INT64, 0, 0);
        ints.copy_(make(DType.FLOAT32, 1.7, -1.7));
        assertExact(ints, shape(2), 1, -1);
        Tensor bools = make(DType.BOOL, 0, 1);
        bools.copy_(make(DType.FLOAT64, 0.5, 0));
        assertExact(bools, shape(2), 1, 0);
        Tensor big = make(DType.INT64, 0);
        big.fill_(Long.MAX_VALUE);
        assertEquals(Long.MAX_VALUE, big.getLong(0));
    }

    @Test
    void resultsThatCannotBeCastAreRejectedAndLeaveTheTargetAlone() {
        Tensor i = make(DType.INT64, 1, 2);
        Tensor f = make(DType.FLOAT32, 0.5, 0.5);
        String cast = "can't be cast to the desired output type torch.int64";
        assertFailsUnchanged(IllegalArgumentException.class, () -> i.add_(f), inputs(i, f), "add_", "torch.float32", cast);
        assertFailsUnchanged(IllegalArgumentException.class, () -> i.mul_(2.5), inputs(i), "mul_", "torch.float32", cast);
        assertFailsUnchanged(IllegalArgumentException.class, () -> i.div_(2.0), inputs(i), "div_", cast);
        assertFailsUnchanged(IllegalArgumentException.class, () -> i.div_(i.clone()), inputs(i), "div_", cast);
        assertFailsUnchanged(IllegalArgumentException.class, i::exp_, inputs(i), "exp_", cast);
        assertFailsUnchanged(IllegalArgumentException.class, () -> i.pow_(0.5), inputs(i), "pow_", cast);
        assertFailsUnchanged(IllegalArgumentException.class, () -> i.clamp_(0.5, 1.5), inputs(i), "clamp_", cast);
        assertFailsUnchanged(IllegalArgumentException.class, () -> i.sub_(f, 1), inputs(i, f), "sub_", cast);
        Tensor j = make(DType.INT64, 3, 4);
        assertFailsUnchanged(IllegalArgumentException.class, () -> i.add_(j, 0.5), inputs(i, j), "add_", "alpha", "0.5");
        assertFailsUnchanged(IllegalArgumentException.class, () -> i.sub_(j, 1.5), inputs(i, j), "sub_", "alpha", "1.5");
        Tensor flags = make(DType.BOOL, 1, 0);
        assertFailsUnchanged(IllegalArgumentException.class, () -> flags.add_(1.0), inputs(flags), "add_",
                "torch.int64", "torch.bool");
        assertFailsUnchanged(IllegalArgumentException.class, () -> flags.sub_(flags.clone()), inputs(flags), "sub_",
                "bool");
        Tensor b = make(DType.BOOL, 1, 0);
        Tensor n = make(DType.INT32, 1, 1);
        assertFailsUnchanged(IllegalArgumentException.class, () -> b.add_(n), inputs(b, n), "add_", "torch.int32",
                "can't be cast to the desired output type torch.bool");
        Tensor s = make(DType.FLOAT32, 1, 2);
        Tensor wide = make(DType.FLOAT32, 1, 2, 3, 4).reshape(2, 2);
        assertFailsUnchanged(IllegalArgumentException.class, () -> s.add_(wide), inputs(s, wide), "add_",
                "output with shape [2]", "broadcast shape [2, 2]");
    }

    @Test
    void broadcastShapeMustEqualTheTargetShape() {
        Tensor x = make(DType.FLOAT32, 1, 2, 3);
        Tensor y = make(DType.FLOAT32, 1, 2, 3, 4, 5, 6).reshape(2, 3);
        Tensor col = make(DType.FLOAT32, 1, 2).reshape(2, 1);
        Tensor rowT = make(DType.FLOAT32, 1, 2, 3).reshape(1, 3);
        assertFailsUnchanged(IllegalArgumentException.class, () -> x.add_(y), inputs(x, y), "add_", "[3]", "[2, 3]");
        assertFailsUnchanged(IllegalArgumentException.class, () -> col.mul_(rowT), inputs(col, rowT), "mul_", "[2, 1]",
                "[2, 3]");
        assertFailsUnchanged(IllegalArgumentException.class, () -> x.div_(y), inputs(x, y), "div_", "[3]", "[2, 3]");
        assertFailsUnchanged(IllegalArgumentException.class, () -> x.copy_(y), inputs(x, y), "copy_", "[3]", "[2, 3]");
        Tensor mask = make(DType.BOOL, 1, 0, 1, 0, 1, 0).reshape(2, 3);
        assertFailsUnchanged(IllegalArgumentException.class, () -> x.maskedFill_(mask, 0), inputs(x, mask),
                "maskedFill_", "[3]", "[2, 3]");
        Tensor four = make(DType.FLOAT32, 1, 2, 3, 4);
        assertFailsUnchanged(IllegalArgumentException.class, () -> x.sub_(four), inputs(x, four), "sub_", "[3]", "[4]");
    }

    static Stream<Arguments> writesIntoAnExpandedTensor() {
        List<Object[]> ops = List.of(
                new Object[] {"add_", (UnaryOperator<Tensor>) t -> t.add_(1.0)},
                new Object[] {"add_", (UnaryOperator<Tensor>) t -> t.add_(Nabla.ones(2, 3))},
                new Object[] {"sub_", (UnaryOperator<Tensor>) t -> t.sub_(Nabla.ones(3))},
                new Object[] {"mul_", (UnaryOperator<Tensor>) t -> t.mul_(2.0)},
                new Object[] {"div_", (UnaryOperator<Tensor>) t -> t.div_(Nabla.ones(3))},
                new Object[] {"pow_", (UnaryOperator<Tensor>) t -> t.pow_(2)},
                new Object[] {"clamp_", (UnaryOperator<Tensor>) t -> t.clamp_(0, 1)},
                new Object[] {"clampMin_", (UnaryOperator<Tensor>) t -> t.clampMin_(0)},
                new Object[] {"clampMax_", (UnaryOperator<Tensor>) t -> t.clampMax_(0)},
                new Object[] {"neg_", (UnaryOperator<Tensor>) Tensor::neg_},
                new Object[] {"relu_", (UnaryOperator<Tensor>) Tensor::relu_},
                new Object[] {"exp_", (UnaryOperator<Tensor>) Tensor::exp_},
                new Object[] {"maskedFill_", (UnaryOperator<Tensor>) t -> t.maskedFill_(Nabla.ones(2, 3).gt(0.0), 0)},
                new Object[] {"zero_", (UnaryOperator<Tensor>) Tensor::zero_},
                new Object[] {"fill_", (UnaryOperator<Tensor>) t -> t.fill_(2.0)},
                new Object[] {"copy_", (UnaryOperator<Tensor>) t -> t.copy_(Nabla.zeros(2, 3))},
                new Object[] {"scatter_", (UnaryOperator<Tensor>) t -> t.scatter_(0, Nabla.zeros(DType.INT64, 1, 3),
                        Nabla.zeros(1, 3))});
        return ops.stream().map(o -> Arguments.of(o[0], o[1]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void writesIntoAnExpandedTensor(String op, UnaryOperator<Tensor> call) {
        Tensor base = make(DType.FLOAT32, 1, 2, 3).reshape(1, 3);
        Tensor expanded = base.expand(2, 3);
        assertFailsUnchanged(IllegalArgumentException.class, () -> call.apply(expanded), inputs(base, expanded),
                op + ":", "single memory location", "[2, 3]", "clone()");
    }

    @Test
    void aliasedOperandsGiveTheMathematicallyRightResult() {
        Tensor x = make(DType.FLOAT32, 1, 2, 3, 4, 5, 6, 7, 8, 9).reshape(3, 3);
        x.add_(x.t());
        assertExact(x, shape(3, 3), 2, 6, 10, 6, 10, 14, 10, 14, 18);
        Tensor y = make(DType.FLOAT64, 1, 2, 3, 4, 5, 6, 7, 8, 9).reshape(3, 3);
        y.sub_(y.t(), 2);
        assertExact(y, shape(3, 3), -1, -6, -11, 0, -5, -10, 1, -4, -9);
        Tensor z = make(DType.FLOAT32, 1, 2, 3, 4, 5, 6, 7, 8, 9).reshape(3, 3);
        z.copy_(z.t());
        assertExact(z, shape(3, 3), 1, 4, 7, 2, 5, 8, 3, 6, 9);
        Tensor w = make(DType.FLOAT32, 1, 2, 3, 4, 5, 6).reshape(2, 3);
        w.add_(w.select(0, 0));
        assertExact(w, shape(2, 3), 2, 4, 6, 5, 7, 9);
        w.mul_(w);
        assertExact(w, shape(2, 3), 4, 16, 36, 25, 49, 81);
        Tensor a = make(DType.FLOAT64, 0, 1, 2, 3, 4, 5);
        a.narrow(0, 1, 5).add_(a.narrow(0, 0, 5));
        assertExact(a, shape(6), 0, 1, 3, 5, 7, 9);
        Tensor b = make(DType.INT64, 0, 1, 2, 3, 4, 5);
        b.narrow(0, 0, 5).copy_(b.narrow(0, 1, 5));
        assertExact(b, shape(6), 1, 2, 3, 4, 5, 5);
        Tensor c = make(DType.INT32, 1, 2, 3, 4).reshape(2, 2);
        c.mul_(c.t());
        assertExact(c, shape(2, 2), 1, 6, 6, 16);
        Tensor d = make(DType.FLOAT32, 2, 4, 6, 8).reshape(2, 2);
        d.div_(d.get(0, 0));
        assertExact(d, shape(2, 2), 1, 2, 3, 4);
    }

    @Test
    void scatterInPlace() {
        Tensor x = Nabla.zeros(3, 4);
        Tensor index = Nabla.tensor(new long[] {0, 1, 2, 0, 2, 0, 1, 1}, 2, 4);
        Tensor src = make(DType.FLOAT32, 1, 2, 3, 4, 5, 6, 7, 8).reshape(2, 4);
        Tensor row = x.select(0, 0);
        assertSame(x, x.scatter_(0, index, src));
        assertEquals(1, x.version());
        assertEquals(1, row.version());
        assertExact(x, shape(3, 4), 1, 6, 0, 4, 0, 2, 7, 8, 5, 0, 3, 0);
        Tensor wrongType = make(DType.FLOAT64, 1, 2, 3, 4, 5, 6, 7, 8).reshape(2, 4);
        assertFailsUnchanged(IllegalArgumentException.class, () -> x.scatter_(0, index, wrongType),
                inputs(x, index, wrongType), "scatter_", "torch.float32", "torch.float64");
    }

    @Test
    void zeroDimAndEmptyTargets() {
        Tensor s = Nabla.tensor(2.0);
        assertSame(s, s.mul_(make(DType.FLOAT32, 3).reshape()));
        assertExact(s, shape(), 6);
        s.add_(1.0).neg_();
        assertExact(s, shape(), -7);
        Tensor empty = Nabla.zeros(0, 3);
        assertSame(empty, empty.add_(make(DType.FLOAT32, 1, 2, 3)));
        assertEquals(0, empty.numel());
        assertFailsUnchanged(IllegalArgumentException.class, () -> s.add_(make(DType.FLOAT32, 1, 2)), inputs(s),
                "add_", "[]", "[2]");
    }
}
