package dev.nabla.conformance;

import dev.nabla.DType;
import dev.nabla.Tensor;
import dev.nabla.spi.UnaryOp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static dev.nabla.conformance.Checks.assertFails;
import static dev.nabla.conformance.Checks.assertNegativeZero;
import static dev.nabla.conformance.Checks.assertPositiveZero;
import static dev.nabla.conformance.Checks.make;
import static dev.nabla.conformance.Checks.map;
import static dev.nabla.conformance.Checks.tol;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every unary elementwise op on float32 and float64 against java.lang.Math, on integer and bool inputs, at nan/inf/-0. */
public abstract class ElementwiseUnaryContract extends DeviceTestBase {
    private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

    /** Finite values plus NaN; every reference below propagates NaN the way PyTorch does (sign gives 0). */
    static final double[] SAMPLE = {-3.5, -2.25, -1, -0.5, -0.0, 0, 0.25, 0.5, 1, 1.5, 2.5, 3.75, 25, Double.NaN};

    /** One unary op: how to call it, and its value computed independently with java.lang.Math. */
    record UnaryCase(String name, UnaryOperator<Tensor> op, DoubleUnaryOperator reference) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<UnaryCase> floatingCases() {
        return List.of(
                new UnaryCase("neg", Tensor::neg, x -> -x),
                new UnaryCase("abs", Tensor::abs, Math::abs),
                new UnaryCase("sign", Tensor::sign, x -> x > 0 ? 1 : x < 0 ? -1 : 0),
                new UnaryCase("exp", Tensor::exp, Math::exp),
                new UnaryCase("log", Tensor::log, Math::log),
                new UnaryCase("log1p", Tensor::log1p, Math::log1p),
                new UnaryCase("expm1", Tensor::expm1, Math::expm1),
                new UnaryCase("sqrt", Tensor::sqrt, Math::sqrt),
                new UnaryCase("rsqrt", Tensor::rsqrt, x -> 1 / Math.sqrt(x)),
                new UnaryCase("reciprocal", Tensor::reciprocal, x -> 1 / x),
                new UnaryCase("sin", Tensor::sin, Math::sin),
                new UnaryCase("cos", Tensor::cos, Math::cos),
                new UnaryCase("tan", Tensor::tan, Math::tan),
                new UnaryCase("tanh", Tensor::tanh, Math::tanh),
                new UnaryCase("sigmoid", Tensor::sigmoid, x -> 1 / (1 + Math.exp(-x))),
                new UnaryCase("relu", Tensor::relu, x -> Math.max(x, 0)),
                new UnaryCase("gelu(tanh)", x -> x.gelu(true),
                        x -> 0.5 * x * (1 + Math.tanh(SQRT_2_OVER_PI * (x + 0.044715 * x * x * x)))),
                new UnaryCase("silu", Tensor::silu, x -> x / (1 + Math.exp(-x))),
                new UnaryCase("softplus", Tensor::softplus, x -> x > 20 ? x : Math.log1p(Math.exp(x))),
                new UnaryCase("softplus(beta=2,threshold=1)", x -> x.softplus(2, 1),
                        x -> 2 * x > 1 ? x : Math.log1p(Math.exp(2 * x)) / 2),
                new UnaryCase("elu", Tensor::elu, x -> x > 0 ? x : Math.expm1(x)),
                new UnaryCase("elu(0.5)", x -> x.elu(0.5), x -> x > 0 ? x : 0.5 * Math.expm1(x)),
                new UnaryCase("leakyRelu", Tensor::leakyRelu, x -> x > 0 ? x : 0.01 * x),
                new UnaryCase("leakyRelu(0.2)", x -> x.leakyRelu(0.2), x -> x > 0 ? x : 0.2 * x),
                new UnaryCase("floor", Tensor::floor, Math::floor),
                new UnaryCase("ceil", Tensor::ceil, Math::ceil),
                new UnaryCase("round", Tensor::round, Math::rint),
                new UnaryCase("square", Tensor::square, x -> x * x));
    }

    static Stream<Arguments> floatingOps() {
        List<Arguments> out = new ArrayList<>();
        for (UnaryCase c : floatingCases()) {
            out.add(Arguments.of(c, DType.FLOAT32));
            out.add(Arguments.of(c, DType.FLOAT64));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("floatingOps")
    void floatingOpMatchesJavaMath(UnaryCase c, DType dtype) {
        Tensor x = make(dtype, SAMPLE).reshape(2, 7);
        Tensor y = c.op().apply(x);
        assertEquals(dtype, y.dtype(), c.name() + " keeps the floating dtype");
        assertValues(y, shape(2, 7), map(SAMPLE, dtype, c.reference()), tol(dtype));
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void erfAndExactGeluMatchTabulatedValues(DType dtype) {
        double[] in = {0, 0.5, 1, 2, 2.5, 3, -1, 6, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};
        double[] erf = {0, 0.5204998778130465, 0.8427007929497149, 0.9953222650189527, 0.999593047982555,
            0.9999779095030014, -0.8427007929497149, 1, 1, -1, Double.NaN};
        assertValues(make(dtype, in).erf(), shape(in.length), erf, tol(dtype) * 5);
        // gelu(x) = x * Phi(x); Phi(1) = 0.8413447460685429, Phi(2) = 0.9772498680518208, Phi(0.5) = 0.6914624612740131.
        double[] g = {0, 0.5, 1, 2, -1, -0.5, -0.0, Double.NaN};
        double[] gelu = {0, 0.34573123063700656, 0.8413447460685429, 1.9544997361036416, -0.15865525393145707,
            -0.15426876936299344, 0, Double.NaN};
        assertValues(make(dtype, g).gelu(), shape(g.length), gelu, tol(dtype) * 5);
        assertValues(make(dtype, g).gelu(false), shape(g.length), gelu, tol(dtype) * 5);
    }

    @Test
    void roundIsHalfToEvenAndFloorCeilRoundAtTies() {
        Tensor x = make(DType.FLOAT64, 0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49999999999999994, 3.7, -3.7);
        assertExact(x.round(), shape(9), 0, 2, 2, -0.0, -2, -2, 0, 4, -4);
        assertNegativeZero(x.round(), 3);
        assertExact(x.floor(), shape(9), 0, 1, 2, -1, -2, -3, 0, 3, -4);
        assertExact(x.ceil(), shape(9), 1, 2, 3, -0.0, -1, -2, 1, 4, -3);
        assertNegativeZero(x.ceil(), 3);
        assertExact(make(DType.FLOAT32, 0.5, 1.5, 2.5, -2.5).round(), shape(4), 0, 2, 2, -2);
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void specialValues(DType dtype) {
        double inf = Double.POSITIVE_INFINITY;
        double nan = Double.NaN;
        Tensor x = make(dtype, inf, -inf, -0.0, 0.0, -1);
        double t = tol(dtype);
        int[] s = shape(5);
        assertValues(x.exp(), s, new double[] {inf, 0, 1, 1, Math.exp(-1)}, t);
        assertExact(x.log(), s, inf, nan, -inf, -inf, nan);
        assertExact(x.log1p(), s, inf, nan, -0.0, 0, -inf);
        assertNegativeZero(x.log1p(), 2);
        assertExact(x.sqrt(), s, inf, nan, -0.0, 0, nan);
        assertNegativeZero(x.sqrt(), 2);
        assertExact(x.rsqrt(), s, 0, nan, -inf, inf, nan);
        assertExact(x.reciprocal(), s, 0, -0.0, -inf, inf, -1);
        assertNegativeZero(x.reciprocal(), 1);
        assertExact(x.neg(), s, -inf, inf, 0, -0.0, 1);
        assertPositiveZero(x.neg(), 2);
        assertNegativeZero(x.neg(), 3);
        assertExact(x.abs(), s, inf, inf, 0, 0, 1);
        assertPositiveZero(x.abs(), 2);
        assertExact(x.sign(), s, 1, -1, 0, 0, -1);
        assertValues(x.tanh(), s, new double[] {1, -1, -0.0, 0, Math.tanh(-1)}, t);
        assertNegativeZero(x.tanh(), 2);
        assertValues(x.sigmoid(), s, new double[] {1, 0, 0.5, 0.5, 1 / (1 + Math.E)}, t);
        assertExact(x.sin().slice(0, 0, 2), shape(2), nan, nan);
        assertExact(x.cos().slice(0, 0, 2), shape(2), nan, nan);
        assertExact(x.relu(), s, inf, 0, 0, 0, 0);
        assertValues(x.softplus(), s, new double[] {inf, 0, Math.log(2), Math.log(2), Math.log1p(Math.exp(-1))}, t);
        assertValues(x.expm1(), s, new double[] {inf, -1, -0.0, 0, Math.expm1(-1)}, t);
        assertNegativeZero(x.expm1(), 2);
        assertExact(x.elu(2).slice(0, 0, 2), shape(2), inf, -2);
        assertExact(x.leakyRelu().slice(0, 0, 2), shape(2), inf, -inf);
        assertExact(x.floor(), s, inf, -inf, -0.0, 0, -1);
        assertExact(x.square(), s, inf, inf, 0, 0, 1);
        assertExact(x.gelu().slice(0, 0, 1), shape(1), inf);
        assertExact(x.silu().slice(0, 0, 1), shape(1), inf);
        assertExact(make(dtype, nan).sign(), shape(1), 0);
        assertExact(make(dtype, nan).relu(), shape(1), nan);
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"BOOL", "INT32", "INT64"})
    void floatingOpsPromoteIntegerAndBoolInputsToTheDefaultDtype(DType dtype) {
        double[] in = dtype == DType.BOOL ? new double[] {1, 0} : new double[] {-2, -1, 0, 1, 3};
        Tensor x = make(dtype, in);
        List<UnaryCase> promoting = floatingCases().stream()
                .filter(c -> List.of("exp", "log", "log1p", "expm1", "sqrt", "rsqrt", "reciprocal", "sin", "cos", "tan",
                        "tanh", "sigmoid").contains(c.name()))
                .toList();
        assertEquals(12, promoting.size());
        for (UnaryCase c : promoting) {
            Tensor y = c.op().apply(x);
            assertEquals(DType.FLOAT32, y.dtype(), c.name() + " of " + dtype);
            assertValues(y, shape(in.length), map(in, DType.FLOAT32, c.reference()), tol(DType.FLOAT32));
        }
        assertEquals(DType.FLOAT32, x.erf().dtype());
        assertValues(make(dtype, 1).erf(), shape(1), new double[] {0.8427007929497149}, 1e-6);
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"INT32", "INT64"})
    void integerOpsKeepTheIntegerDtype(DType dtype) {
        Tensor x = make(dtype, -7, -1, 0, 2, 5);
        int[] s = shape(5);
        assertInt(dtype, x.neg(), s, 7, 1, 0, -2, -5);
        assertInt(dtype, x.abs(), s, 7, 1, 0, 2, 5);
        assertInt(dtype, x.sign(), s, -1, -1, 0, 1, 1);
        assertInt(dtype, x.relu(), s, 0, 0, 0, 2, 5);
        assertInt(dtype, x.square(), s, 49, 1, 0, 4, 25);
        assertInt(dtype, x.floor(), s, -7, -1, 0, 2, 5);
        assertInt(dtype, x.ceil(), s, -7, -1, 0, 2, 5);
        assertInt(dtype, x.round(), s, -7, -1, 0, 2, 5);
    }

    private static void assertInt(DType dtype, Tensor y, int[] shape, double... expected) {
        assertEquals(dtype, y.dtype());
        assertExact(y, shape, expected);
    }

    @Test
    void boolInputs() {
        Tensor b = make(DType.BOOL, 1, 0, 1);
        Tensor sign = b.sign();
        assertEquals(DType.BOOL, sign.dtype());
        assertExact(sign, shape(3), 1, 0, 1);
        // PyTorch's square is pow(x, 2): a bool tensor meets an int exponent and gives int64.
        Tensor sq = b.square();
        assertEquals(DType.INT64, sq.dtype());
        assertExact(sq, shape(3), 1, 0, 1);
        assertFails(IllegalArgumentException.class, b::neg, "neg", "torch.bool", "logicalNot");
        assertFails(IllegalArgumentException.class, b::relu, "relu", "torch.bool");
        assertFails(IllegalArgumentException.class, b::floor, "floor", "torch.bool");
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"BOOL", "INT32", "INT64"})
    void activationsRejectNonFloatingInputs(DType dtype) {
        Tensor x = make(dtype, 1, 0);
        List<UnaryCase> floatOnly = floatingCases().stream()
                .filter(c -> c.name().startsWith("gelu") || c.name().startsWith("silu") || c.name().startsWith("softplus")
                        || c.name().startsWith("elu") || c.name().startsWith("leakyRelu"))
                .toList();
        assertEquals(8, floatOnly.size());
        for (UnaryCase c : floatOnly) {
            String op = c.name().replaceAll("\\(.*", "");
            Checks.assertFailsUnchanged(IllegalArgumentException.class, () -> c.op().apply(x), Checks.inputs(x),
                    op, "floating point", dtype.toString());
        }
        assertFails(IllegalArgumentException.class, x::gelu, "gelu", dtype.toString());
    }

    /** A new unary primitive must get a case here (or in erfAndExactGeluMatchTabulatedValues / PromotionContract). */
    @Test
    void everyUnaryPrimitiveIsCovered() {
        java.util.Set<String> covered = new java.util.HashSet<>(List.of("erf", "gelu", "logicalNot"));
        for (UnaryCase c : floatingCases()) covered.add(c.name().replaceAll("\\(.*", ""));
        for (UnaryOp op : UnaryOp.values()) {
            org.junit.jupiter.api.Assertions.assertTrue(covered.contains(Checks.camel(op.name())),
                    "no conformance case for " + op);
        }
    }

    @Test
    void emptyAndZeroDimInputs() {
        Tensor empty = make(DType.FLOAT32).reshape(0, 3);
        for (UnaryCase c : floatingCases()) {
            Tensor y = c.op().apply(empty);
            assertEquals(0, y.numel(), c.name());
            assertEquals(3, y.size(1), c.name());
        }
        Tensor scalar = make(DType.FLOAT64, 4).reshape();
        assertExact(scalar.sqrt(), shape(), 2);
        assertExact(scalar.neg(), shape(), -4);
    }
}
