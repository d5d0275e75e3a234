package dev.nabla.nn;

import dev.nabla.Tensor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;

/** The element-wise losses (regression, binary cross entropy), composed from Tensor ops so autograd differentiates them. */
final class PointwiseLosses {
    private static final Logger LOG = LoggerFactory.getLogger(PointwiseLosses.class);
    /** PyTorch clamps BCE's logarithms at -100 so that a probability of exactly 0 or 1 gives a finite loss. */
    private static final double LOG_FLOOR = -100;

    private PointwiseLosses() {
    }

    static Tensor mse(Tensor input, Tensor target, Reduction reduction) {
        warnIfBroadcast("mse_loss", input, target);
        Tensor d = input.sub(target);
        return reduction.apply(d.mul(d));
    }

    static Tensor l1(Tensor input, Tensor target, Reduction reduction) {
        warnIfBroadcast("l1_loss", input, target);
        return reduction.apply(input.sub(target).abs());
    }

    /** {@code 0.5 d^2 / beta} where {@code |d| < beta}, else {@code |d| - 0.5 beta}; beta 0 is the L1 loss. */
    static Tensor smoothL1(Tensor input, Tensor target, Reduction reduction, double beta) {
        if (!(beta >= 0)) {
            throw new IllegalArgumentException("smooth_l1_loss: beta must be non-negative, got " + beta);
        }
        warnIfBroadcast("smooth_l1_loss", input, target);
        Tensor d = input.sub(target);
        if (beta == 0) return reduction.apply(d.abs());
        Tensor absD = d.abs();
        Tensor quadratic = d.mul(d).mul(0.5 / beta);
        return reduction.apply(quadratic.where(absD.lt(beta), absD.sub(0.5 * beta)));
    }

    /**
     * {@code -w (y log x + (1 - y) log(1 - x))} with each logarithm clamped at -100. The argument of each log is
     * floored at the smallest positive float first, so that an input of exactly 0 or 1 gets a zero (not NaN)
     * gradient through the clamped branch.
     */
    static Tensor bce(Tensor input, Tensor target, Tensor weight, Reduction reduction) {
        requireFloating("binary_cross_entropy", input);
        requireSameShape("binary_cross_entropy", input, target);
        double min = input.numel() == 0 ? 0 : input.min().item();
        double max = input.numel() == 0 ? 1 : input.max().item();
        if (!(min >= 0 && max <= 1)) {
            throw new IllegalArgumentException("binary_cross_entropy: all elements of input should be between 0 and 1, "
                    + "got values in [" + min + ", " + max + "]");
        }
        Tensor logX = clampedLog(input);
        Tensor logOneMinusX = clampedLog(input.neg().add(1.0));
        Tensor loss = target.mul(logX).add(target.neg().add(1.0).mul(logOneMinusX)).neg();
        if (weight != null) loss = loss.mul(weight);
        return reduction.apply(loss);
    }

    private static Tensor clampedLog(Tensor x) {
        return x.clampMin(Float.MIN_VALUE).log().clampMin(LOG_FLOOR);
    }

    /**
     * {@code (1 - y) x + (1 + (p - 1) y) softplus(-x)}, the log-sigmoid form of BCE on logits: softplus is computed
     * as {@code max(z, 0) + log1p(exp(-|z|))}, finite for any logit, and its derivative (the sigmoid) is exact at 0.
     */
    static Tensor bceWithLogits(Tensor input, Tensor target, Tensor weight, Tensor posWeight, Reduction reduction) {
        requireFloating("binary_cross_entropy_with_logits", input);
        requireSameShape("binary_cross_entropy_with_logits", input, target);
        Tensor negLogSigmoid = input.neg().softplus(1.0, Double.POSITIVE_INFINITY);
        Tensor logWeight = posWeight == null ? null : posWeight.sub(1.0).mul(target).add(1.0);
        Tensor loss = target.neg().add(1.0).mul(input)
                .add(logWeight == null ? negLogSigmoid : logWeight.mul(negLogSigmoid));
        if (weight != null) loss = loss.mul(weight);
        return reduction.apply(loss);
    }

    static void requireFloating(String op, Tensor input) {
        if (!input.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException(op + ": input must be a floating point tensor, got " + input.dtype());
        }
    }

    private static void requireSameShape(String op, Tensor input, Tensor target) {
        if (!Arrays.equals(input.shape(), target.shape())) {
            throw new IllegalArgumentException(op + ": target size " + Arrays.toString(target.shape())
                    + " must be the same as input size " + Arrays.toString(input.shape()));
        }
    }

    /** PyTorch broadcasts a target of another shape but warns, since it is usually a mistake ([N] against [N, 1]). */
    private static void warnIfBroadcast(String op, Tensor input, Tensor target) {
        if (!Arrays.equals(input.shape(), target.shape())) {
            LOG.warn("{}: using a target size {} that is different to the input size {}; this will likely lead to "
                    + "incorrect results due to broadcasting. Please ensure they have the same size.",
                    op, Arrays.toString(target.shape()), Arrays.toString(input.shape()));
        }
    }
}
