package dev.nabla.conformance;

import dev.nabla.DType;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.function.BinaryOperator;
import java.util.stream.Stream;

import static dev.nabla.conformance.Checks.assertFailsUnchanged;
import static dev.nabla.conformance.Checks.inputs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** NumPy broadcasting in every binary op: size-1 dims, rank extension, 0-dim and zero-size operands, and the errors. */
public abstract class BroadcastContract extends DeviceTestBase {

    /** A tensor of the given shape holding 1, 2, 3 ... (float32). */
    private static Tensor seq(int... shape) {
        int n = 1;
        for (int s : shape) n *= s;
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = i + 1;
        return Nabla.tensor(v, shape);
    }

    @Test
    void sizeOneDimsOnEitherSide() {
        Tensor col = seq(3, 1);
        Tensor row = seq(1, 4).mul(10L);
        assertExact(col.add(row), shape(3, 4), 11, 21, 31, 41, 12, 22, 32, 42, 13, 23, 33, 43);
        assertExact(row.add(col), shape(3, 4), 11, 21, 31, 41, 12, 22, 32, 42, 13, 23, 33, 43);
        assertExact(col.sub(row), shape(3, 4), -9, -19, -29, -39, -8, -18, -28, -38, -7, -17, -27, -37);
        assertExact(row.sub(col), shape(3, 4), 9, 19, 29, 39, 8, 18, 28, 38, 7, 17, 27, 37);
        assertExact(seq(2, 1, 3).mul(seq(4, 1)), shape(2, 4, 3),
                1, 2, 3, 2, 4, 6, 3, 6, 9, 4, 8, 12, 4, 5, 6, 8, 10, 12, 12, 15, 18, 16, 20, 24);
        assertExact(seq(1, 1).add(seq(2, 2)), shape(2, 2), 2, 3, 4, 5);
    }

    @Test
    void rankExtension() {
        Tensor m = seq(2, 3);
        Tensor v = seq(3);
        assertExact(m.add(v), shape(2, 3), 2, 4, 6, 5, 7, 9);
        assertExact(v.sub(m), shape(2, 3), 0, 0, 0, -3, -3, -3);
        assertValues(seq(2).div(seq(2, 2, 2).mul(2L)).mul(2L), shape(2, 2, 2),
                new double[] {1, 1, 1.0 / 3, 0.5, 0.2, 1.0 / 3, 1.0 / 7, 0.25}, 1e-6);
        assertExact(seq(2, 1, 1).maximum(seq(3)), shape(2, 1, 3), 1, 2, 3, 2, 2, 3);
    }

    @Test
    void zeroDimWithNDim() {
        Tensor s = Nabla.tensor(10.0);
        Tensor m = seq(2, 3);
        assertExact(s.add(m), shape(2, 3), 11, 12, 13, 14, 15, 16);
        assertExact(m.sub(s), shape(2, 3), -9, -8, -7, -6, -5, -4);
        assertExact(s.mul(Nabla.tensor(3.0)), shape(), 30);
        assertExact(s.add(1.0), shape(), 11);
        assertExact(s.lt(m.mul(2L)), shape(2, 3), 0, 0, 0, 0, 0, 1);
        assertExact(Nabla.where(Nabla.tensor(true), s, m), shape(2, 3), 10, 10, 10, 10, 10, 10);
        assertExact(m.maskedFill(Nabla.tensor(true), 0), shape(2, 3), 0, 0, 0, 0, 0, 0);
    }

    static Stream<Arguments> zeroSizeCases() {
        return Stream.of(
                Arguments.of(shape(0, 3), shape(3), shape(0, 3)),
                Arguments.of(shape(0, 3), shape(1, 3), shape(0, 3)),
                Arguments.of(shape(2, 0), shape(2, 1), shape(2, 0)),
                Arguments.of(shape(0), shape(), shape(0)),
                Arguments.of(shape(0), shape(1), shape(0)),
                Arguments.of(shape(3, 0, 2), shape(2), shape(3, 0, 2)),
                Arguments.of(shape(1, 0), shape(4, 1), shape(4, 0)));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("zeroSizeCases")
    void zeroSizeDims(int[] a, int[] b, int[] expected) {
        Tensor x = Nabla.zeros(a);
        Tensor y = Nabla.ones(b);
        for (Tensor r : new Tensor[] {x.add(y), y.add(x), x.mul(y), x.pow(y), x.lt(y), Nabla.where(x.gt(y), x, y),
            x.logicalAnd(y), x.maskedFill(y.gt(0.0), 1), x.clamp(y, null), x.maximum(y)}) {
            assertArrayEquals(expected, r.shape());
            assertEquals(0, r.numel());
            assertEquals(0, r.toDoubleArray().length);
        }
        assertEquals(DType.BOOL, x.lt(y).dtype());
    }

    /** Every binary op name with its call, for the incompatible-shape errors. */
    static Stream<Arguments> binaryOps() {
        return Stream.of(
                Arguments.of("add", (BinaryOperator<Tensor>) Tensor::add),
                Arguments.of("add", (BinaryOperator<Tensor>) (a, b) -> a.add(b, 2)),
                Arguments.of("sub", (BinaryOperator<Tensor>) Tensor::sub),
                Arguments.of("sub", (BinaryOperator<Tensor>) (a, b) -> a.sub(b, 3)),
                Arguments.of("mul", (BinaryOperator<Tensor>) Tensor::mul),
                Arguments.of("div", (BinaryOperator<Tensor>) Tensor::div),
                Arguments.of("pow", (BinaryOperator<Tensor>) Tensor::pow),
                Arguments.of("maximum", (BinaryOperator<Tensor>) Tensor::maximum),
                Arguments.of("minimum", (BinaryOperator<Tensor>) Tensor::minimum),
                Arguments.of("eq", (BinaryOperator<Tensor>) Tensor::eq),
                Arguments.of("ne", (BinaryOperator<Tensor>) Tensor::ne),
                Arguments.of("lt", (BinaryOperator<Tensor>) Tensor::lt),
                Arguments.of("le", (BinaryOperator<Tensor>) Tensor::le),
                Arguments.of("gt", (BinaryOperator<Tensor>) Tensor::gt),
                Arguments.of("ge", (BinaryOperator<Tensor>) Tensor::ge),
                Arguments.of("logicalAnd", (BinaryOperator<Tensor>) Tensor::logicalAnd),
                Arguments.of("logicalOr", (BinaryOperator<Tensor>) Tensor::logicalOr),
                Arguments.of("clamp", (BinaryOperator<Tensor>) (a, b) -> a.clamp(b, null)),
                Arguments.of("clamp", (BinaryOperator<Tensor>) (a, b) -> a.clamp(null, b)),
                Arguments.of("where", (BinaryOperator<Tensor>) (a, b) -> Nabla.where(a.gt(0.0), a, b)),
                Arguments.of("where", (BinaryOperator<Tensor>) (a, b) -> a.where(a.gt(0.0), b)),
                Arguments.of("maskedFill", (BinaryOperator<Tensor>) (a, b) -> a.maskedFill(b.gt(0.0), 1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("binaryOps")
    void incompatibleShapesNameTheOpAndBothShapes(String op, BinaryOperator<Tensor> call) {
        int[][][] pairs = {{{2, 3}, {4}}, {{2, 3}, {3, 2}}, {{0}, {2}}, {{5, 2, 4}, {3, 1}}};
        for (int[][] p : pairs) {
            Tensor a = seq(p[0]);
            Tensor b = seq(p[1]);
            String prefix = op + ": shapes ";
            IllegalArgumentException e = assertFailsUnchanged(IllegalArgumentException.class, () -> call.apply(a, b),
                    inputs(a, b), prefix, Arrays.toString(p[0]), Arrays.toString(p[1]), "cannot be broadcast");
            assertEquals(0, e.getMessage().indexOf(prefix), "the message starts with the op: " + e.getMessage());
        }
    }

    @Test
    void whereBroadcastsAllThreeOperands() {
        Tensor cond = Nabla.tensor(new boolean[] {true, false}, 2, 1, 1);
        Tensor a = seq(3, 1);
        Tensor b = seq(4).neg();
        Tensor r = Nabla.where(cond, a, b);
        assertArrayEquals(shape(2, 3, 4), r.shape());
        assertExact(r, shape(2, 3, 4), 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3,
                -1, -2, -3, -4, -1, -2, -3, -4, -1, -2, -3, -4);
        Tensor c3 = Nabla.tensor(new boolean[] {true, false, true});
        assertFailsUnchanged(IllegalArgumentException.class, () -> Nabla.where(c3, seq(2, 1), seq(2)),
                inputs(c3), "where: shapes [3], [2, 1] and [2] cannot be broadcast");
    }
}
