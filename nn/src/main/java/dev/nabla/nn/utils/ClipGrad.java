package dev.nabla.nn.utils;

import dev.nabla.Nabla;
import dev.nabla.NoGrad;
import dev.nabla.Tensor;

import java.util.ArrayList;
import java.util.List;

/** PyTorch's {@code torch.nn.utils.clip_grad_norm_} and {@code clip_grad_value_}: gradients rescaled or clamped in place. */
public final class ClipGrad {
    /** PyTorch adds this to the total norm before dividing, so a zero norm does not divide by zero. */
    private static final double EPS = 1e-6;

    private ClipGrad() {
    }

    /** {@link #clipGradNorm(Iterable, double, double, boolean)} with the 2-norm. */
    public static Tensor clipGradNorm(Iterable<? extends Tensor> params, double maxNorm) {
        return clipGradNorm(params, maxNorm, 2.0, false);
    }

    /** {@link #clipGradNorm(Iterable, double, double, boolean)} without the non-finite check. */
    public static Tensor clipGradNorm(Iterable<? extends Tensor> params, double maxNorm, double normType) {
        return clipGradNorm(params, maxNorm, normType, false);
    }

    /**
     * Scales every gradient by {@code min(1, maxNorm / (total + 1e-6))}, where {@code total} is the
     * {@code normType}-norm (positive, or infinity for the largest magnitude) of all gradients together, as if
     * concatenated; returns {@code total}, a 0-dim tensor of the first gradient's dtype (0 when no parameter has a
     * gradient). With {@code errorIfNonfinite}, a NaN or infinite total throws before any gradient is changed.
     */
    public static Tensor clipGradNorm(Iterable<? extends Tensor> params, double maxNorm, double normType,
                                      boolean errorIfNonfinite) {
        if (!(normType > 0)) {
            throw new IllegalArgumentException("clipGradNorm: normType must be positive or infinite, got " + normType);
        }
        List<Tensor> grads = grads(params);
        if (grads.isEmpty()) return Nabla.tensor(0.0);
        double total = 0;
        try (NoGrad g = NoGrad.enter()) {
            for (Tensor grad : grads) {
                double n = grad.numel() == 0 ? 0 : grad.norm(normType).item();
                if (normType == Double.POSITIVE_INFINITY) total = Math.max(total, n);
                else total += Math.pow(n, normType);
            }
            if (normType != Double.POSITIVE_INFINITY) total = Math.pow(total, 1 / normType);
            if (errorIfNonfinite && !Double.isFinite(total)) {
                throw new IllegalArgumentException("clipGradNorm: the total norm of order " + normType + " for gradients "
                        + "from `parameters` is non-finite, so it cannot be clipped. To disable this error and scale "
                        + "the gradients by the non-finite norm anyway, set errorIfNonfinite to false");
            }
            double coef = Math.min(maxNorm / (total + EPS), 1.0);
            for (Tensor grad : grads) grad.mul_(coef);
        }
        return Nabla.tensor(total).to(grads.get(0).dtype());
    }

    /** Clamps every gradient to {@code [-clipValue, clipValue]} in place. */
    public static void clipGradValue(Iterable<? extends Tensor> params, double clipValue) {
        try (NoGrad g = NoGrad.enter()) {
            for (Tensor grad : grads(params)) grad.clamp_(-clipValue, clipValue);
        }
    }

    private static List<Tensor> grads(Iterable<? extends Tensor> params) {
        List<Tensor> grads = new ArrayList<>();
        for (Tensor p : params) if (p.grad() != null) grads.add(p.grad());
        return grads;
    }
}
