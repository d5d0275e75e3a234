package dev.nabla.conformance;

import dev.nabla.DType;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static dev.nabla.conformance.Checks.assertSameBits;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Elementwise results are bit-identical whether one op may use one thread or two, on tensors large enough to split. */
public abstract class ElementwiseThreadCountContract extends DeviceTestBase {
    /** Rows x columns of the test tensors: 200,704 elements, past any single-task threshold. */
    private static final int ROWS = 448;
    private static final int COLS = 448;
    /** The unary ops run here: a kernel of each kind (plain, transcendental, composite, rounding). */
    private static final List<String> UNARY = List.of("neg", "exp", "log", "sqrt", "sigmoid", "tanh", "gelu(tanh)",
            "softplus(beta=2,threshold=1)", "elu", "round", "leakyRelu");

    private int savedThreads;

    @BeforeEach
    void saveThreadCount() {
        savedThreads = Nabla.getNumThreads();
    }

    @AfterEach
    void restoreThreadCount() {
        Nabla.setNumThreads(savedThreads);
    }

    /** Deterministic values in [-4, 4] with a NaN now and then. */
    private static Tensor values(DType dtype, int seed, int rows, int cols) {
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) v[i] = i % 1013 == 0 ? Double.NaN : 4 * Math.sin(0.001 * i * seed + seed);
        return Checks.make(dtype, v).reshape(rows, cols);
    }

    private static List<UnaryOperator<Tensor>> ops(Tensor other) {
        List<UnaryOperator<Tensor>> ops = new ArrayList<>();
        for (ElementwiseUnaryContract.UnaryCase c : ElementwiseUnaryContract.floatingCases()) {
            if (UNARY.contains(c.name())) ops.add(c.op());
        }
        assertEquals(UNARY.size(), ops.size());
        ops.add(Tensor::erf);
        ops.add(Tensor::gelu);
        ops.add(t -> t.add(other));
        ops.add(t -> t.sub(other, 0.5));
        ops.add(t -> t.mul(other));
        ops.add(t -> t.div(other));
        ops.add(t -> t.pow(other));
        ops.add(t -> t.maximum(other));
        ops.add(t -> t.lt(other));
        ops.add(t -> t.mul(1.25));
        ops.add(t -> t.clamp(-1, 1));
        ops.add(t -> Nabla.where(t.gt(other), t, other));
        ops.add(t -> t.to(DType.INT32));
        ops.add(t -> t.to(DType.BOOL));
        ops.add(Tensor::clone);
        ops.add(t -> t.clone().add_(other));
        ops.add(t -> t.clone().copy_(other));
        return ops;
    }

    private static List<Tensor> runAll(List<UnaryOperator<Tensor>> ops, Tensor x) {
        List<Tensor> out = new ArrayList<>();
        for (UnaryOperator<Tensor> op : ops) out.add(op.apply(x));
        return out;
    }

    private void compare(Tensor x, Tensor other, String layout) {
        List<UnaryOperator<Tensor>> ops = ops(other);
        Nabla.setNumThreads(1);
        List<Tensor> one = runAll(ops, x);
        Nabla.setNumThreads(2);
        assertEquals(2, Nabla.getNumThreads());
        List<Tensor> two = runAll(ops, x);
        for (int k = 0; k < ops.size(); k++) assertSameBits(one.get(k), two.get(k), layout + " op " + k);
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void contiguousInputs(DType dtype) {
        compare(values(dtype, 1, ROWS, COLS), values(dtype, 2, ROWS, COLS), "contiguous");
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void stridedInputs(DType dtype) {
        compare(values(dtype, 3, COLS, ROWS).t(), values(dtype, 4, COLS, ROWS).t(), "transposed");
        Tensor stepped = values(dtype, 5, ROWS, 2 * COLS + 1).slice(1, 1, 2 * COLS + 1, 2);
        Tensor row = values(dtype, 6, 1, COLS).expand(ROWS, COLS);
        assertEquals(ROWS * COLS, stepped.numel());
        compare(stepped, row, "stepped with an expanded operand");
    }
}
