package dev.nabla.autograd;

import dev.nabla.Device;
import dev.nabla.Tensor;
import dev.nabla.autograd.GradCase.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;

import static dev.nabla.autograd.GradCase.REAL;
import static dev.nabla.autograd.GradCase.leaf;

/**
 * The products, custom-function and data-movement part of the gradcheck table: mm, mv, dot, outer, bmm and
 * matmul in every rank combination (batch broadcasting included), user-defined {@link Function}s, clone,
 * contiguous and moves between devices.
 */
class GradCheckLinalgTableTest {

    static List<GradCase> cases() {
        List<GradCase> c = new ArrayList<>();
        products(c);
        matmulRanks(c);
        custom(c);
        movement(c);
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientMatchesFiniteDifferences(GradCase entry) {
        entry.check();
    }

    private static void products(List<GradCase> c) {
        for (Kind kind : Kind.values()) {
            product(c, "mm [2, 3] x [3, 2] " + kind, kind, new int[] {2, 3}, new int[] {3, 2}, Tensor::mm);
            product(c, "mv [2, 3] x [3] " + kind, kind, new int[] {2, 3}, new int[] {3}, Tensor::mv);
            product(c, "dot [4] x [4] " + kind, kind, new int[] {4}, new int[] {4}, Tensor::dot);
            product(c, "outer [3] x [2] " + kind, kind, new int[] {3}, new int[] {2}, Tensor::outer);
            product(c, "bmm [2, 2, 3] x [2, 3, 2] " + kind, kind, new int[] {2, 2, 3}, new int[] {2, 3, 2}, Tensor::bmm);
        }
        c.add(new GradCase("mm with a transposed view inside", () -> new Tensor[] {leaf(0, 3, 2), leaf(11, 3, 2)},
                x -> x[0].t().mm(x[1])));
        c.add(new GradCase("mm of a tensor with itself", () -> new Tensor[] {leaf(0, 3, 3)}, x -> x[0].mm(x[0])));
        c.add(new GradCase("bmm of expanded operands", () -> new Tensor[] {leaf(0, 2, 3), leaf(11, 2, 3, 2)},
                x -> x[0].expand(2, 2, 3).bmm(x[1])));
    }

    /** One entry with both operands laid out as {@code kind}; shapes whose permuted form is contiguous fall back. */
    private static void product(List<GradCase> c, String name, Kind kind, int[] sa, int[] sb, BinaryOperator<Tensor> op) {
        Kind ka = sa.length == 1 && kind == Kind.PERMUTED ? Kind.STEPPED : kind;
        Kind kb = sb.length == 1 && kind == Kind.PERMUTED ? Kind.STEPPED : kind;
        c.add(new GradCase(name, () -> new Tensor[] {leaf(ka, REAL, 0, sa), leaf(kb, REAL, 11, sb)},
                x -> op.apply(x[0], x[1])));
    }

    /** matmul in every rank combination; broadcast batch dims are summed back by the engine. */
    private static void matmulRanks(List<GradCase> c) {
        int[][][] shapes = {
                {{3}, {3}}, {{2, 3}, {3}}, {{3}, {3, 2}}, {{2, 3}, {3, 2}},
                {{2, 2, 3}, {3, 2}}, {{2, 2, 3}, {3}}, {{3}, {2, 3, 2}}, {{2, 3}, {2, 3, 2}},
                {{2, 2, 3}, {2, 3, 2}}, {{2, 1, 2, 3}, {3, 3, 2}}, {{1, 2, 3}, {2, 3, 2}}, {{2, 2, 3}, {1, 3, 2}},
                {{3}, {2, 1, 3, 2}}, {{2, 1, 2, 3}, {3}},
        };
        for (int[][] s : shapes) {
            String name = "matmul " + shape(s[0]) + " x " + shape(s[1]);
            c.add(new GradCase(name, () -> new Tensor[] {leaf(0, s[0]), leaf(11, s[1])}, x -> x[0].matmul(x[1])));
            Kind ka = s[0].length == 1 ? Kind.STEPPED : Kind.PERMUTED;
            Kind kb = s[1].length == 1 ? Kind.STEPPED : Kind.PERMUTED;
            if (isNonContiguousShape(s[0]) && isNonContiguousShape(s[1])) {
                c.add(new GradCase(name + " non-contiguous", () -> new Tensor[] {leaf(ka, REAL, 0, s[0]),
                        leaf(kb, REAL, 11, s[1])}, x -> x[0].matmul(x[1])));
            }
        }
        c.add(new GradCase("matmul [2, 2, 3] stepped x [3, 2]", () -> new Tensor[] {leaf(Kind.STEPPED, REAL, 0, 2, 2, 3),
                leaf(11, 3, 2)}, x -> x[0].matmul(x[1])));
        c.add(new GradCase("matmul [3, 2] x [2, 3, 2] broadcast [3, 2] expanded from [2]",
                () -> new Tensor[] {leaf(0, 2), leaf(11, 2, 3, 2)}, x -> x[0].expand(3, 2).t().matmul(x[1])));
    }

    private static boolean isNonContiguousShape(int[] shape) {
        int big = 0;
        for (int s : shape) if (s > 1) big++;
        return shape.length == 1 || big >= 2;
    }

    private static String shape(int[] s) {
        return java.util.Arrays.toString(s);
    }

    /** x^3 * w with a hand-written backward; w broadcasts over x's rows. */
    static final class CubeTimes extends Function {
        @Override
        protected Tensor forward(FunctionContext ctx, Tensor... inputs) {
            ctx.saveForBackward(inputs[0], inputs[1]);
            return inputs[0].pow(3.0).mul(inputs[1]);
        }

        @Override
        protected Tensor[] backward(FunctionContext ctx, Tensor g) {
            Tensor[] s = ctx.savedTensors();
            Tensor gx = ctx.needsInputGrad(0) ? g.mul(s[0].square()).mul(s[1]).mul(3.0) : null;
            Tensor gw = ctx.needsInputGrad(1) ? g.mul(s[0].pow(3.0)) : null;
            return new Tensor[] {gx, gw};
        }
    }

    private static void custom(List<GradCase> c) {
        for (Kind kind : Kind.values()) {
            c.add(new GradCase("custom Function " + kind, () -> new Tensor[] {leaf(kind, REAL, 0, 2, 3),
                    leaf(kind, REAL, 11, 2, 3)}, x -> new CubeTimes().apply(x[0], x[1])));
        }
        c.add(new GradCase("custom Function broadcast [2, 3] with [3]", () -> new Tensor[] {leaf(0, 2, 3), leaf(11, 3)},
                x -> new CubeTimes().apply(x[0], x[1])));
        c.add(new GradCase("custom Function inside a graph", () -> new Tensor[] {leaf(0, 2, 3), leaf(11, 3)},
                x -> new CubeTimes().apply(x[0].sin(), x[1].exp()).sum(1)));
    }

    private static void movement(List<GradCase> c) {
        for (Kind kind : Kind.values()) {
            c.add(new GradCase("clone " + kind, () -> new Tensor[] {leaf(kind, REAL, 0, 2, 3)},
                    x -> x[0].clone().mul(x[0])));
            c.add(new GradCase("contiguous " + kind, () -> new Tensor[] {leaf(kind, REAL, 0, 2, 3)},
                    x -> x[0].contiguous().mul(x[0])));
            c.add(new GradCase("to(mirror) and back " + kind, () -> new Tensor[] {leaf(kind, REAL, 0, 2, 3)},
                    x -> x[0].to(MirrorBackend.MIRROR).exp().mul(2.0).to(Device.cpu()).mul(x[0])));
        }
        c.add(new GradCase("contiguous of an expanded [3]", () -> new Tensor[] {leaf(0, 3)},
                x -> x[0].expand(2, 3).contiguous().cos()));
        c.add(new GradCase("to(mirror) of a broadcast product", () -> new Tensor[] {leaf(0, 2, 1), leaf(11, 3)},
                x -> x[0].to(MirrorBackend.MIRROR).mul(x[1].to(MirrorBackend.MIRROR)).tanh().to(Device.cpu())));
    }
}
