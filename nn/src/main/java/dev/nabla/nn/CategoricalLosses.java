package dev.nabla.nn;

import dev.nabla.DType;
import dev.nabla.Tensor;

import java.util.Arrays;

/**
 * Negative log likelihood and cross entropy over a class dimension (dim 1 of [N, C, d1, ...], dim 0 of an unbatched
 * [C]), as PyTorch's {@code nll_loss} and {@code cross_entropy}, composed from Tensor ops.
 */
final class CategoricalLosses {
    private CategoricalLosses() {
    }

    /**
     * {@code -w[t] x[t]} per target; ignored targets contribute 0, and the mean divides by the total weight of the
     * targets that are not ignored (NaN when every target is ignored, as PyTorch).
     */
    static Tensor nll(Tensor input, Tensor target, Tensor weight, long ignoreIndex, Reduction reduction) {
        return nllWithTargets(input, target, weight, ignoreIndex, reduction).loss();
    }

    /** An nll loss and the targets it was computed from (the smoothed cross entropy reuses their weights). */
    private record Nll(Tensor loss, Targets targets) {
    }

    private static Nll nllWithTargets(Tensor input, Tensor target, Tensor weight, long ignoreIndex,
                                      Reduction reduction) {
        String op = "nll_loss";
        PointwiseLosses.requireFloating(op, input);
        if (input.dim() == 1) {
            if (target.dim() != 0) {
                throw new IllegalArgumentException(op + ": an unbatched input of shape " + Arrays.toString(input.shape())
                        + " needs a 0-dim target, got shape " + Arrays.toString(target.shape()));
            }
            Nll r = nllWithTargets(input.unsqueeze(0), target.unsqueeze(0), weight, ignoreIndex, reduction);
            return reduction == Reduction.NONE ? new Nll(r.loss().squeeze(0), r.targets()) : r;
        }
        Targets t = targets(op, input, target, weight, ignoreIndex);
        Tensor picked = input.gather(1, t.safe.unsqueeze(1)).squeeze(1);
        Tensor losses = picked.neg().mul(t.weights);
        Tensor loss = switch (reduction) {
            case NONE -> losses;
            case SUM -> losses.sum();
            case MEAN -> losses.sum().div(t.weights.sum());
        };
        return new Nll(loss, t);
    }

    /**
     * {@code nll(logSoftmax(input))} for class indices, or {@code -sum(target * logSoftmax(input))} for class
     * probabilities (a floating target of the input's shape); label smoothing mixes in the uniform distribution
     * with weight {@code labelSmoothing}, as PyTorch.
     */
    static Tensor crossEntropy(Tensor input, Tensor target, Tensor weight, long ignoreIndex, Reduction reduction,
                               double labelSmoothing) {
        String op = "cross_entropy";
        PointwiseLosses.requireFloating(op, input);
        if (!(labelSmoothing >= 0 && labelSmoothing <= 1)) {
            throw new IllegalArgumentException(op + ": label_smoothing must be between 0.0 and 1.0, got " + labelSmoothing);
        }
        if (input.dim() == 0) throw new IllegalArgumentException(op + ": input must have at least 1 dimension, got 0");
        int classDim = input.dim() == 1 ? 0 : 1;
        int classes = input.size(classDim);
        checkWeight(op, weight, classes);
        Tensor logp = input.logSoftmax(classDim);
        Tensor w = weight == null ? null : classView(weight.to(input.dtype()), input.dim(), classDim);
        if (Arrays.equals(input.shape(), target.shape())) {
            return probabilityTargets(op, logp, target, w, ignoreIndex, reduction, labelSmoothing, classDim);
        }
        Nll nll = nllWithTargets(logp, target, weight, ignoreIndex, reduction);
        if (labelSmoothing == 0) return nll.loss();
        Tensor smooth = (w == null ? logp : logp.mul(w)).sum(classDim).neg();
        smooth = smooth.maskedFill(target.eq((double) ignoreIndex), 0.0);
        Tensor uniform = switch (reduction) {
            case NONE -> smooth;
            case SUM -> smooth.sum();
            // The number (or, with class weights, the total weight) of targets that are not ignored.
            case MEAN -> smooth.sum().div(nll.targets().weights().sum());
        };
        return nll.loss().mul(1 - labelSmoothing).add(uniform.mul(labelSmoothing / classes));
    }

    private static Tensor probabilityTargets(String op, Tensor logp, Tensor target, Tensor w, long ignoreIndex,
                                             Reduction reduction, double labelSmoothing, int classDim) {
        if (!target.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException(op + ": expected a floating point target for class probabilities, got "
                    + target.dtype());
        }
        if (ignoreIndex >= 0) {
            throw new IllegalArgumentException(op + ": ignore_index is not supported for floating point targets");
        }
        int classes = logp.size(classDim);
        Tensor p = labelSmoothing > 0 ? target.mul(1 - labelSmoothing).add(labelSmoothing / classes) : target;
        Tensor prod = logp.mul(p);
        if (w != null) prod = prod.mul(w);
        return switch (reduction) {
            case NONE -> prod.sum(classDim).neg();
            case SUM -> prod.sum().neg();
            case MEAN -> prod.sum().neg().div((double) (logp.numel() / Math.max(classes, 1)));
        };
    }

    /** Targets as INT64 with ignored entries replaced by class 0, and each target's weight (0 where ignored). */
    private record Targets(Tensor safe, Tensor weights) {
    }

    private static Targets targets(String op, Tensor input, Tensor target, Tensor weight, long ignoreIndex) {
        int n = input.size(0);
        int classes = input.size(1);
        int[] expected = new int[input.dim() - 1];
        expected[0] = n;
        System.arraycopy(input.shape(), 2, expected, 1, input.dim() - 2);
        if (target.dim() == 0 || target.size(0) != n) {
            throw new IllegalArgumentException(op + ": expected input batch_size (" + n + ") to match target batch_size ("
                    + (target.dim() == 0 ? "none, 0-dim target" : target.size(0)) + ")");
        }
        if (!Arrays.equals(target.shape(), expected)) {
            throw new IllegalArgumentException(op + ": expected target size " + Arrays.toString(expected) + " for input "
                    + Arrays.toString(input.shape()) + ", got " + Arrays.toString(target.shape()));
        }
        if (!target.dtype().isIntegral()) {
            throw new IllegalArgumentException(op + ": expected an integer (INT64) target of class indices, got "
                    + target.dtype());
        }
        checkWeight(op, weight, classes);
        Tensor t = target.to(DType.INT64);
        Tensor kept = t.ne((double) ignoreIndex);
        Tensor safe = t.maskedFill(kept.logicalNot(), 0.0);
        if (safe.numel() > 0) {
            long lo = safe.min().itemLong();
            long hi = safe.max().itemLong();
            if (lo < 0 || hi >= classes) {
                throw new IllegalArgumentException(op + ": target " + (lo < 0 ? lo : hi) + " is out of bounds for "
                        + classes + " classes");
            }
        }
        Tensor keptWeights = kept.to(input.dtype());
        Tensor weights = weight == null ? keptWeights
                : weight.to(input.dtype()).indexSelect(0, safe.flatten()).reshape(t.shape()).mul(keptWeights);
        return new Targets(safe, weights);
    }

    private static void checkWeight(String op, Tensor weight, int classes) {
        if (weight != null && (weight.dim() != 1 || weight.numel() != classes)) {
            throw new IllegalArgumentException(op + ": weight tensor should be defined either for all " + classes
                    + " classes or no classes but got weight tensor of shape: " + Arrays.toString(weight.shape()));
        }
    }

    /** The class weights shaped to broadcast along {@code classDim} of a {@code dims}-dimensional input. */
    private static Tensor classView(Tensor weight, int dims, int classDim) {
        return weight.reshape(Tuples.alongDim(dims, classDim, weight.numel()));
    }
}
