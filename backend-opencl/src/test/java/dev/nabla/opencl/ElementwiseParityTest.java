package dev.nabla.opencl;

import dev.nabla.DType;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static dev.nabla.Nabla.randn;
import static dev.nabla.Nabla.tensor;
import static dev.nabla.opencl.Parity.check;
import static dev.nabla.opencl.Parity.checkExact;

/**
 * Elementwise kernels against the CPU backend on layouts the contracts touch lightly: flipped (negative strides),
 * stepped, transposed and broadcast operands, and shapes of ten dims that do not merge, which the kernels take in
 * slabs of eight.
 */
@OnOpenCl
class ElementwiseParityTest {
    @BeforeEach
    void seed() {
        Nabla.manualSeed(7);
    }

    /** A float tensor of {@code shape} with NaN, infinities and signed zeros among normal values. */
    static Tensor values(DType dtype, int... shape) {
        Tensor x = randn(shape).mul(3.0).to(dtype).contiguous();
        int n = x.numel();
        double[] specials = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0, 1, -1, 0.5};
        Tensor flat = x.reshape(n);
        for (int i = 0; i < specials.length && i * 7 < n; i++) flat.set(specials[i], i * 7);
        return x;
    }

    private static final Map<String, UnaryOperator<Tensor>> LAYOUTS = Map.of(
            "flipped", t -> t.flip(0, 2),
            "stepped", t -> t.slice(1, 1, t.size(1), 2),
            "transposed", t -> t.transpose(0, 2),
            "expanded", t -> t.narrow(1, 0, 1).expand(t.size(0), 3, t.size(2)));

    private static final List<UnaryOperator<Tensor>> UNARY = List.of(Tensor::neg, Tensor::abs, Tensor::sign, Tensor::exp,
            Tensor::log, Tensor::log1p, Tensor::expm1, Tensor::sqrt, Tensor::rsqrt, Tensor::reciprocal, Tensor::sin,
            Tensor::cos, Tensor::tan, Tensor::tanh, Tensor::sigmoid, Tensor::relu, Tensor::gelu, Tensor::silu,
            Tensor::softplus, Tensor::erf, Tensor::floor, Tensor::ceil, Tensor::round);

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void unaryOpsOnEveryLayout(DType dtype) {
        Tensor x = values(dtype, 4, 5, 6);
        for (var layout : LAYOUTS.entrySet()) {
            for (int k = 0; k < UNARY.size(); k++) {
                UnaryOperator<Tensor> op = UNARY.get(k);
                check(layout.getKey() + " unary " + k, in -> op.apply(layout.getValue().apply(in[0])), x);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64", "INT64", "INT32"})
    void binaryOpsWithBroadcastingAndNegativeStrides(DType dtype) {
        Tensor a = dtype.isFloatingPoint() ? values(dtype, 3, 1, 5) : Nabla.randint(-9, 10, 3, 1, 5).to(dtype);
        Tensor b = dtype.isFloatingPoint() ? values(dtype, 4, 5) : Nabla.randint(-9, 10, 4, 5).to(dtype);
        check("add", in -> in[0].add(in[1].flip(1)), a, b);
        check("sub alpha", in -> in[0].sub(in[1], 2), a, b);
        check("mul", in -> in[0].flip(0).mul(in[1]), a, b);
        check("maximum", in -> in[0].maximum(in[1].t().t()), a, b);
        check("minimum", in -> in[0].minimum(in[1]), a, b);
        check("pow", in -> in[0].abs().pow(in[1].slice(1, 0, 5, 2).repeat(1, 3).narrow(1, 0, 5)), a, b);
        check("lt", in -> in[0].lt(in[1]), a, b);
        check("eq", in -> in[0].eq(in[1].flip(0)), a, b);
        check("ge scalar", in -> in[0].ge(0.5), a);
        check("where", in -> Nabla.where(in[0].gt(in[1]), in[0].expand(3, 4, 5), in[1]), a, b);
        if (dtype.isFloatingPoint()) check("div", in -> in[0].div(in[1]), a, b);
    }

    @Test
    void copiesConvertBetweenEveryPairOfDtypes() {
        Tensor base = tensor(new double[] {-2.7, -1, -0.0, 0, 0.4, 1.5, 3e9, -3e9, 1e20, Double.NaN}, 2, 5);
        for (DType from : DType.values()) {
            for (DType to : DType.values()) {
                check(from + " to " + to, in -> in[0].to(from).t().to(to), base);
            }
        }
    }

    @Test
    void logicalOpsOnBools() {
        Tensor a = Nabla.rand(6, 7).gt(0.5);
        Tensor b = Nabla.rand(7).gt(0.3);
        check("and", in -> in[0].logicalAnd(in[1]), a, b);
        check("or", in -> in[0].t().logicalOr(in[1].unsqueeze(1)), a, b);
        check("not", in -> in[0].flip(1).logicalNot(), a);
    }

    @Test
    void tenDimsThatDoNotMergeRunInSlabs() {
        int[] shape = {2, 3, 2, 3, 2, 3, 2, 3, 2, 3};
        Tensor x = values(DType.FLOAT32, shape);
        Tensor y = values(DType.FLOAT32, shape);
        int[] reversed = {9, 8, 7, 6, 5, 4, 3, 2, 1, 0};
        check("exp", in -> in[0].permute(reversed).exp(), x);
        checkExact("add", in -> in[0].permute(reversed).add(in[1].permute(reversed).flip(3)), x, y);
        checkExact("copy", in -> in[0].permute(reversed).contiguous(), x);
        checkExact("fill", in -> in[0].permute(reversed).clone().fill_(2.5), x);
        checkExact("where", in -> Nabla.where(in[0].gt(0.0), in[0], in[1].flip(0)).permute(reversed).contiguous(), x, y);
    }

    @Test
    void largeContiguousOpsMatch() {
        Tensor a = randn(1 << 20);
        Tensor b = randn(1 << 20);
        checkExact("add", in -> in[0].add(in[1]), a, b);
        checkExact("mul scalar", in -> in[0].mul(1.25), a);
        check("sigmoid", in -> in[0].sigmoid(), a);
    }
}
