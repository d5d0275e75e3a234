package dev.nabla.autograd;

import dev.nabla.DType;
import dev.nabla.EnableGrad;
import dev.nabla.Nabla;
import dev.nabla.NoGrad;
import dev.nabla.Tensor;
import dev.nabla.TensorOptions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * PyTorch's {@code gradcheck}: compares the Jacobian that backward computes with central finite differences in
 * float64, for every input that requires grad. On a mismatch it reports the worst element and both values.
 */
public final class GradCheck {
    /** The finite-difference step. */
    public static final double EPS = 1e-6;
    /** Absolute tolerance. */
    public static final double ATOL = 1e-5;
    /** Tolerance relative to the numerical value. */
    public static final double RTOL = 1e-3;

    private GradCheck() {
    }

    /** Checks {@code f} at {@code inputs} with the default step and tolerances; throws {@link GradCheckException}. */
    public static void check(Function<Tensor[], Tensor> f, Tensor... inputs) {
        check(f, EPS, ATOL, RTOL, inputs);
    }

    /** True when {@link #check(Function, Tensor...)} passes. */
    public static boolean isValid(Function<Tensor[], Tensor> f, Tensor... inputs) {
        try {
            check(f, inputs);
            return true;
        } catch (GradCheckException e) {
            return false;
        }
    }

    /** Checks {@code f} at {@code inputs} with the given step and tolerances. */
    public static void check(Function<Tensor[], Tensor> f, double eps, double atol, double rtol, Tensor... inputs) {
        List<Integer> diff = new ArrayList<>();
        for (int i = 0; i < inputs.length; i++) {
            if (!inputs[i].requiresGrad()) continue;
            if (inputs[i].dtype() != DType.FLOAT64) {
                throw new IllegalArgumentException("GradCheck: input " + i + " is " + inputs[i].dtype()
                        + "; finite differences need float64 inputs (use to(DType.FLOAT64))");
            }
            diff.add(i);
        }
        if (diff.isEmpty()) throw new IllegalArgumentException("GradCheck: no input requires grad");
        Tensor out = f.apply(inputs);
        // Analytic first: the finite differences write into the inputs, which a saved graph would then reject.
        double[][][] analytic = out.requiresGrad() ? analytic(out, inputs, diff) : zeros(inputs, diff, out.numel());
        double[][][] numeric = numeric(f, inputs, diff, eps, out.numel());
        try {
            compare(analytic, numeric, inputs, diff, out, atol, rtol);
        } catch (GradCheckException e) {
            // As PyTorch: an output that no input reaches (a gradient constant in the inputs, say) passes only when
            // its numerical Jacobian is zero too.
            if (out.requiresGrad()) throw e;
            throw new GradCheckException("GradCheck: the output does not require grad, but it depends on the inputs. "
                    + e.getMessage());
        }
    }

    private static double[][][] zeros(Tensor[] inputs, List<Integer> diff, int nOut) {
        double[][][] jac = new double[diff.size()][][];
        for (int d = 0; d < diff.size(); d++) jac[d] = new double[inputs[diff.get(d)].numel()][nOut];
        return jac;
    }

    /**
     * Checks second derivatives, as PyTorch's {@code gradgradcheck}: the map from the inputs to the (flattened,
     * concatenated) gradients of {@code f} weighted by a fixed random output gradient must itself pass.
     */
    public static void checkSecondOrder(Function<Tensor[], Tensor> f, Tensor... inputs) {
        Tensor probe;
        try (NoGrad g = NoGrad.enter()) {
            probe = Nabla.randn(new dev.nabla.Generator(12345),
                    TensorOptions.of(DType.FLOAT64).device(inputs[0].device()), f.apply(inputs).shape());
        }
        List<Tensor> diff = new ArrayList<>();
        for (Tensor t : inputs) if (t.requiresGrad()) diff.add(t);
        check(xs -> {
            // The finite-difference passes run under no-grad, but this map needs a graph to differentiate.
            try (EnableGrad g = EnableGrad.enter()) {
                Tensor out = f.apply(xs);
                List<Tensor> grads = Autograd.grad(List.of(out), diff, List.of(probe), true, true, true);
                List<Tensor> flat = new ArrayList<>();
                for (int i = 0; i < grads.size(); i++) {
                    Tensor gi = grads.get(i);
                    flat.add(gi == null ? Nabla.zeros(TensorOptions.of(DType.FLOAT64), diff.get(i).numel())
                            : gi.reshape(-1));
                }
                return Nabla.cat(flat, 0);
            }
        }, inputs);
    }

    /** [input][input element][output element] from one backward pass per output element. */
    private static double[][][] analytic(Tensor out, Tensor[] inputs, List<Integer> diff) {
        int nOut = out.numel();
        double[][][] jac = zeros(inputs, diff, nOut);
        List<Tensor> wrt = new ArrayList<>();
        for (int i : diff) wrt.add(inputs[i]);
        for (int k = 0; k < nOut; k++) {
            double[] onehot = new double[nOut];
            onehot[k] = 1;
            // reshape: tensor(data) with an empty shape means a vector, but a 0-dim output needs a 0-dim weight.
            Tensor w = Nabla.tensor(onehot).reshape(out.shape()).to(out.dtype()).to(out.device());
            List<Tensor> grads = Autograd.grad(List.of(out), wrt, List.of(w), true, false, true);
            for (int d = 0; d < diff.size(); d++) {
                Tensor g = grads.get(d);
                if (g == null) continue;
                double[] v = g.toDoubleArray();
                for (int j = 0; j < v.length; j++) jac[d][j][k] = v[j];
            }
        }
        return jac;
    }

    /**
     * [input][input element][output element] by central differences. Elements are perturbed in place (outside
     * autograd); f itself runs in the caller's grad mode, since a second-order check differentiates inside f.
     */
    private static double[][][] numeric(Function<Tensor[], Tensor> f, Tensor[] inputs, List<Integer> diff, double eps,
                                        int nOut) {
        double[][][] jac = new double[diff.size()][][];
        for (int d = 0; d < diff.size(); d++) {
            Tensor x = inputs[diff.get(d)];
            int n = x.numel();
            jac[d] = new double[n][];
            for (int j = 0; j < n; j++) {
                int[] idx = unravel(j, x.shape());
                double orig = x.getDouble(idx);
                set(x, orig + eps, idx);
                double[] plus = f.apply(inputs).toDoubleArray();
                set(x, orig - eps, idx);
                double[] minus = f.apply(inputs).toDoubleArray();
                set(x, orig, idx);
                double[] col = new double[nOut];
                for (int k = 0; k < nOut; k++) col[k] = (plus[k] - minus[k]) / (2 * eps);
                jac[d][j] = col;
            }
        }
        return jac;
    }

    private static void set(Tensor x, double value, int[] idx) {
        try (NoGrad g = NoGrad.enter()) {
            x.set(value, idx);
        }
    }

    private static void compare(double[][][] analytic, double[][][] numeric, Tensor[] inputs, List<Integer> diff,
                                Tensor out, double atol, double rtol) {
        double worstExcess = 0;
        String report = null;
        for (int d = 0; d < diff.size(); d++) {
            for (int j = 0; j < analytic[d].length; j++) {
                for (int k = 0; k < analytic[d][j].length; k++) {
                    double a = analytic[d][j][k];
                    double n = numeric[d][j][k];
                    double excess = Math.abs(a - n) - (atol + rtol * Math.abs(n));
                    if (Double.isNaN(a) != Double.isNaN(n) || excess > worstExcess) {
                        worstExcess = Double.isNaN(excess) ? Double.POSITIVE_INFINITY : excess;
                        int i = diff.get(d);
                        report = String.format(Locale.ROOT, "GradCheck: Jacobian mismatch for input %d (shape %s) "
                                        + "element %s and output element %s: numerical %.10g, analytical %.10g "
                                        + "(allowed |difference| <= %g + %g * |numerical|)", i,
                                Arrays.toString(inputs[i].shape()), Arrays.toString(unravel(j, inputs[i].shape())),
                                Arrays.toString(unravel(k, out.shape())), n, a, atol, rtol);
                    }
                }
            }
        }
        if (report != null) throw new GradCheckException(report);
    }

    private static int[] unravel(int linear, int[] shape) {
        int[] idx = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            idx[d] = linear % shape[d];
            linear /= shape[d];
        }
        return idx;
    }
}
