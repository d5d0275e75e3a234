package dev.nabla.autograd;

import dev.nabla.DType;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.TensorOptions;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.Supplier;

/** One named entry of the gradcheck tables: a factory of fresh float64 inputs and the function checked at them. */
record GradCase(String name, Supplier<Tensor[]> inputs, Function<Tensor[], Tensor> f) {

    /** How a leaf is laid out in memory. */
    enum Kind {
        /** A fresh row-major tensor. */
        CONTIGUOUS,
        /** The dims reversed over a row-major base (a transpose for 2-d), detached: a non-contiguous leaf. */
        PERMUTED,
        /** Every second element of the last dim of a larger base, detached: a stepped, non-contiguous leaf. */
        STEPPED
    }

    /** Mixed signs, magnitudes in [0.23, 1.86], all distinct and away from integers and halves. */
    static final DoubleUnaryOperator REAL = v -> v;
    /** The magnitudes of {@link #REAL}: a domain for log, sqrt and bases of real powers. */
    static final DoubleUnaryOperator POSITIVE = Math::abs;
    /** {@link #REAL} halved: inside (-1, 1), for log1p and tan. */
    static final DoubleUnaryOperator HALF = v -> v / 2;

    @Override
    public String toString() {
        return name;
    }

    /** Runs the finite-difference check on fresh inputs. */
    void check() {
        GradCheck.check(f, inputs.get());
    }

    /** The output of the function on fresh inputs, with its graph. */
    Tensor output() {
        return f.apply(inputs.get());
    }

    /** The {@code i}-th value of the table's pool: distinct magnitudes, signs mixed, no kinks of floor or round. */
    static double value(int i) {
        double magnitude = 0.23 + ((i * 7) % 24) * 0.071 + 0.003 * (i / 24);
        return i % 3 == 1 || i % 5 == 3 ? -magnitude : magnitude;
    }

    /** {@code n} pool values from {@code seed} on, mapped through {@code domain}. */
    static double[] values(DoubleUnaryOperator domain, int seed, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = domain.applyAsDouble(value(seed + i));
        return v;
    }

    /** A float64 leaf of {@code shape} with pool values from {@code seed}, laid out as {@code kind}. */
    static Tensor leaf(Kind kind, DoubleUnaryOperator domain, int seed, int... shape) {
        int n = 1;
        for (int s : shape) n *= s;
        return leaf(kind, values(domain, seed, n), shape);
    }

    /** A float64 leaf holding {@code values} (row-major) in {@code shape}, laid out as {@code kind}. */
    static Tensor leaf(Kind kind, double[] values, int... shape) {
        Tensor dense = Nabla.tensor(values, shape);
        Tensor laid = switch (kind) {
            case CONTIGUOUS -> dense;
            case PERMUTED -> {
                int[] reversed = new int[shape.length];
                for (int d = 0; d < shape.length; d++) reversed[d] = shape.length - 1 - d;
                yield dense.permute(reversed).contiguous().permute(reversed);
            }
            case STEPPED -> {
                int last = shape.length - 1;
                int[] wide = shape.clone();
                wide[last] *= 2;
                Tensor base = Nabla.full(wide, 9.75, TensorOptions.of(DType.FLOAT64));
                base.slice(last, 0, wide[last], 2).copy_(dense);
                yield base.slice(last, 0, wide[last], 2);
            }
        };
        Tensor leaf = laid.detach().requiresGrad(true);
        if (kind != Kind.CONTIGUOUS && leaf.isContiguous() && leaf.numel() > 1) {
            throw new IllegalStateException("expected a non-contiguous leaf for " + kind + " " + Arrays.toString(shape));
        }
        return leaf;
    }

    /** A contiguous float64 leaf with pool values from {@code seed}. */
    static Tensor leaf(int seed, int... shape) {
        return leaf(Kind.CONTIGUOUS, REAL, seed, shape);
    }

    /** A float64 leaf holding exactly {@code values} in {@code shape}. */
    static Tensor leafOf(double[] values, int... shape) {
        return leaf(Kind.CONTIGUOUS, values, shape);
    }

    /** A 0-dim float64 leaf. */
    static Tensor scalarLeaf(double value) {
        return Nabla.full(new int[0], value, TensorOptions.of(DType.FLOAT64)).requiresGrad(true);
    }

    /** Shorthand for an int[] literal. */
    static int[] dims(int... d) {
        return d;
    }
}
