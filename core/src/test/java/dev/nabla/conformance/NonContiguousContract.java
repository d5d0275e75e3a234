package dev.nabla.conformance;

import dev.nabla.DType;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static dev.nabla.conformance.Checks.assertSameBits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * Every elementwise family on transposed, permuted, stepped, expanded (stride 0) and offset views must give
 * bit-for-bit what it gives on contiguous copies, for small views and views large enough to span several blocks.
 */
public abstract class NonContiguousContract extends DeviceTestBase {

    /** A way to get an r x c view from a base of {@code baseShape}. */
    record ViewCase(String name, int[] baseShape, UnaryOperator<Tensor> view, boolean writable) {
        @Override
        public String toString() {
            return name + " " + java.util.Arrays.toString(baseShape);
        }
    }

    static List<ViewCase> views(int r, int c) {
        return List.of(
                new ViewCase("t()", new int[] {c, r}, Tensor::t, true),
                new ViewCase("permute+select", new int[] {c, 2, r}, b -> b.permute(1, 2, 0).select(0, 1), true),
                new ViewCase("slice with steps", new int[] {2 * r + 1, 2 * c + 3},
                        b -> b.slice(0, 1, 2 * r + 1, 2).slice(1, 2, 2 * c + 2, 2), true),
                new ViewCase("t() then slice with step", new int[] {2 * c, r}, b -> b.t().slice(1, 1, 2 * c, 2), true),
                new ViewCase("narrow (offset)", new int[] {r + 3, c + 2}, b -> b.narrow(0, 2, r).narrow(1, 1, c), true),
                new ViewCase("select (offset)", new int[] {3, r, c}, b -> b.select(0, 2), true),
                new ViewCase("expand rows (stride 0)", new int[] {1, c}, b -> b.expand(r, c), false),
                new ViewCase("expand cols (stride 0)", new int[] {r, 1}, b -> b.expand(r, c), false));
    }

    /** Each view paired with another kind, in a small shape and in one of more elements than a kernel block. */
    static Stream<Arguments> viewCases() {
        List<Arguments> out = new ArrayList<>();
        for (int[] rc : new int[][] {{6, 8}, {45, 97}}) {
            List<ViewCase> vs = views(rc[0], rc[1]);
            for (int i = 0; i < vs.size(); i++) out.add(Arguments.of(vs.get(i), vs.get((i + 3) % vs.size())));
        }
        return out.stream();
    }

    static Stream<Arguments> writableViewCases() {
        return viewCases().filter(a -> ((ViewCase) a.get()[0]).writable());
    }

    /** A base tensor of deterministic values in [-3, 3] with a few -0.0, NaN and infinities among them. */
    static Tensor base(int[] shape, DType dtype, int seed) {
        int n = 1;
        for (int s : shape) n *= s;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            int k = i + seed;
            v[i] = k % 29 == 3 ? Double.NaN : k % 31 == 5 ? -0.0 : k % 37 == 7 ? Double.POSITIVE_INFINITY
                    : 3 * Math.sin(0.7 * k + seed);
            if (dtype.isIntegral() || dtype == DType.BOOL) v[i] = Double.isFinite(v[i]) ? Math.round(v[i]) : 0;
        }
        return Checks.make(dtype, v).reshape(shape);
    }

    /** A view of a fresh base, and a dense copy of it gathered independently of the library's strided paths. */
    record Made(Tensor view, Tensor dense) {
    }

    static Made made(ViewCase vc, DType dtype, int seed) {
        Tensor b = base(vc.baseShape(), dtype, seed);
        Tensor v = vc.view().apply(b);
        assertFalse(v.isContiguous() && v.storageOffset() == 0, "the view under test is really strided or offset");
        return new Made(v, Checks.denseCopy(b, v));
    }

    private static void sameAsContiguous(String what, UnaryOperator<Tensor> op, Made m) {
        assertSameBits(op.apply(m.dense()), op.apply(m.view()), what);
    }

    private static void sameAsContiguous(String what, BinaryOperator<Tensor> op, Made a, Made b) {
        assertSameBits(op.apply(a.dense(), b.dense()), op.apply(a.view(), b.view()), what);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("viewCases")
    void unaryOpsOnViews(ViewCase vc, ViewCase unused) {
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Made m = made(vc, dtype, 1);
            for (ElementwiseUnaryContract.UnaryCase c : ElementwiseUnaryContract.floatingCases()) {
                sameAsContiguous(c.name() + " " + dtype, c.op(), m);
            }
            sameAsContiguous("erf", Tensor::erf, m);
            sameAsContiguous("gelu", Tensor::gelu, m);
            sameAsContiguous("logicalNot", Tensor::logicalNot, m);
            for (DType to : DType.values()) sameAsContiguous("to(" + to + ")", t -> t.to(to), m);
            sameAsContiguous("clone", Tensor::clone, m);
            sameAsContiguous("contiguous", Tensor::contiguous, m);
        }
        Made ints = made(vc, DType.INT64, 2);
        for (UnaryOperator<Tensor> op : List.<UnaryOperator<Tensor>>of(Tensor::neg, Tensor::abs, Tensor::sign,
                Tensor::relu, Tensor::square, Tensor::exp, Tensor::sqrt, t -> t.to(DType.INT32), Tensor::clone)) {
            sameAsContiguous("int64 unary", op, ints);
        }
        Made bools = made(vc, DType.BOOL, 3);
        for (UnaryOperator<Tensor> op : List.<UnaryOperator<Tensor>>of(Tensor::logicalNot, Tensor::sign,
                Tensor::square, t -> t.to(DType.FLOAT32), Tensor::clone)) {
            sameAsContiguous("bool unary", op, bools);
        }
    }

    static List<BinaryOperator<Tensor>> floatingBinaryOps() {
        return List.of(Tensor::add, (a, b) -> a.add(b, 2), (a, b) -> a.sub(b, 0.5), Tensor::sub, Tensor::mul,
                Tensor::div, Tensor::pow, Tensor::maximum, Tensor::minimum, Tensor::eq, Tensor::ne, Tensor::lt,
                Tensor::le, Tensor::gt, Tensor::ge, Tensor::logicalAnd, Tensor::logicalOr,
                (a, b) -> Nabla.where(a.gt(b), a, b), (a, b) -> b.where(a.lt(0.0), a),
                (a, b) -> a.clamp(b, b.add(1.0)), (a, b) -> a.clamp(null, b), (a, b) -> a.maskedFill(b.gt(0.0), -7.5),
                (a, b) -> a.add(2.5), (a, b) -> b.mul(3L), (a, b) -> a.pow(3.0), (a, b) -> b.div(-1.5),
                (a, b) -> a.clamp(-1, 1), (a, b) -> b.clampMin(0.5), (a, b) -> a.gt(0.25));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("viewCases")
    void binaryOpsOnViews(ViewCase first, ViewCase second) {
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Made a = made(first, dtype, 3);
            Made b = made(second, dtype, 4);
            Tensor d = base(a.view().shape(), dtype, 5);
            Made dense = new Made(d, d);
            int k = 0;
            for (BinaryOperator<Tensor> op : floatingBinaryOps()) {
                String what = "op " + k++ + " " + dtype;
                sameAsContiguous(what + " view.view", op, a, b);
                sameAsContiguous(what + " view.dense", op, a, dense);
                sameAsContiguous(what + " dense.view", op, dense, b);
            }
            Tensor row = base(new int[] {a.view().size(1)}, dtype, 6);
            sameAsContiguous("broadcast row", Tensor::add, a, new Made(row, row));
            Tensor scalar = base(new int[0], dtype, 7);
            sameAsContiguous("broadcast 0-dim", Tensor::mul, a, new Made(scalar, scalar));
        }
        Made ia = made(first, DType.INT64, 8);
        Made ib = made(second, DType.INT32, 9);
        for (BinaryOperator<Tensor> op : List.<BinaryOperator<Tensor>>of(Tensor::add, Tensor::sub, Tensor::mul,
                Tensor::div, Tensor::maximum, Tensor::minimum, Tensor::lt, Tensor::eq, (a, b) -> a.pow(b.abs()),
                (a, b) -> a.add(b, 3))) {
            sameAsContiguous("int", op, ia, ib);
        }
        Made ba = made(first, DType.BOOL, 10);
        Made bb = made(second, DType.BOOL, 11);
        for (BinaryOperator<Tensor> op : List.<BinaryOperator<Tensor>>of(Tensor::add, Tensor::mul, Tensor::logicalAnd,
                Tensor::logicalOr, Tensor::eq, (a, b) -> Nabla.where(a, b, a))) {
            sameAsContiguous("bool", op, ba, bb);
        }
    }

    /** An op on a target, a tensor operand and a bool mask. */
    @FunctionalInterface
    interface WithOperands {
        Tensor apply(Tensor target, Tensor other, Tensor mask);
    }

    /** Pairs of an out-of-place op and its in-place twin. */
    static List<WithOperands[]> inPlaceTwins() {
        return List.of(
                new WithOperands[] {(t, o, m) -> t.add(o), (t, o, m) -> t.add_(o)},
                new WithOperands[] {(t, o, m) -> t.sub(o, 2), (t, o, m) -> t.sub_(o, 2)},
                new WithOperands[] {(t, o, m) -> t.mul(o), (t, o, m) -> t.mul_(o)},
                new WithOperands[] {(t, o, m) -> t.div(o), (t, o, m) -> t.div_(o)},
                new WithOperands[] {(t, o, m) -> t.mul(-1.5), (t, o, m) -> t.mul_(-1.5)},
                new WithOperands[] {(t, o, m) -> t.pow(3.0), (t, o, m) -> t.pow_(3.0)},
                new WithOperands[] {(t, o, m) -> t.clamp(-1, 1), (t, o, m) -> t.clamp_(-1, 1)},
                new WithOperands[] {(t, o, m) -> t.clampMin(0), (t, o, m) -> t.clampMin_(0)},
                new WithOperands[] {(t, o, m) -> t.clampMax(0), (t, o, m) -> t.clampMax_(0)},
                new WithOperands[] {(t, o, m) -> t.neg(), (t, o, m) -> t.neg_()},
                new WithOperands[] {(t, o, m) -> t.exp(), (t, o, m) -> t.exp_()},
                new WithOperands[] {(t, o, m) -> t.relu(), (t, o, m) -> t.relu_()},
                new WithOperands[] {(t, o, m) -> t.maskedFill(m, 4.25), (t, o, m) -> t.maskedFill_(m, 4.25)},
                new WithOperands[] {(t, o, m) -> o.to(DType.FLOAT64).to(DType.FLOAT32),
                    (t, o, m) -> t.copy_(o.to(DType.FLOAT64))},
                new WithOperands[] {(t, o, m) -> Nabla.full(t.shape(), 0.75), (t, o, m) -> t.fill_(0.75)},
                new WithOperands[] {(t, o, m) -> Nabla.zeros(t.shape()), (t, o, m) -> t.zero_()});
    }

    /** In-place ops write exactly the view's elements of the base, with what the op gives on a dense copy. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("writableViewCases")
    void inPlaceOpsOnViewsWriteThroughToTheBase(ViewCase vc, ViewCase otherCase) {
        Made other = made(otherCase, DType.FLOAT32, 12);
        Tensor maskView = other.view().gt(0.0);
        Tensor maskDense = other.dense().gt(0.0);
        int k = 0;
        for (WithOperands[] twin : inPlaceTwins()) {
            Tensor base = base(vc.baseShape(), DType.FLOAT32, 13);
            Tensor view = vc.view().apply(base);
            Tensor expectedView = twin[0].apply(Checks.denseCopy(base, view), other.dense(), maskDense);
            float[] expected = base.toFloatArray();
            int[] at = Checks.positions(view);
            float[] values = expectedView.toFloatArray();
            for (int i = 0; i < at.length; i++) expected[at[i]] = values[i];
            int version = base.version();
            assertSame(view, twin[1].apply(view, other.view(), maskView), "in-place op " + k + " returns its target");
            assertEquals(version + 1, base.version(), "in-place op " + k + " bumps the shared version once");
            assertSameBits(Nabla.tensor(expected).reshape(vc.baseShape()), base, "base after in-place op " + k);
            k++;
        }
    }
}
