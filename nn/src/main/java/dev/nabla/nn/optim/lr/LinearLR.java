package dev.nabla.nn.optim.lr;

import dev.nabla.nn.optim.Optimizer;

/**
 * PyTorch's {@code LinearLR}: scales the base learning rate by a factor that moves linearly from
 * {@code startFactor} (epoch 0) to {@code endFactor} (epoch {@code totalIters}) and stays there; the usual warm-up.
 */
public final class LinearLR extends LRScheduler {
    private final double startFactor;
    private final double endFactor;
    private final int totalIters;

    /** PyTorch's defaults: from 1/3 to 1 over 5 epochs. */
    public LinearLR(Optimizer optimizer) {
        this(optimizer, 1.0 / 3, 1.0, 5);
    }

    /** From {@code startFactor} in (0, 1] to {@code endFactor} in [0, 1] over {@code totalIters} (positive) epochs. */
    public LinearLR(Optimizer optimizer, double startFactor, double endFactor, int totalIters) {
        super(optimizer);
        if (!(startFactor > 0 && startFactor <= 1)) {
            throw new IllegalArgumentException("LinearLR: starting multiplicative factor expected to be greater than 0 "
                    + "and less or equal to 1, got " + startFactor);
        }
        if (!(endFactor >= 0 && endFactor <= 1)) {
            throw new IllegalArgumentException("LinearLR: ending multiplicative factor expected to be between 0 and 1, "
                    + "got " + endFactor);
        }
        if (totalIters <= 0) throw new IllegalArgumentException("LinearLR: total_iters must be positive, got " + totalIters);
        this.startFactor = startFactor;
        this.endFactor = endFactor;
        this.totalIters = totalIters;
        initialStep();
    }

    @Override
    protected double[] getLr() {
        double[] lrs = currentLrs();
        int t = lastEpoch();
        if (t == 0) {
            for (int i = 0; i < lrs.length; i++) lrs[i] *= startFactor;
            return lrs;
        }
        if (t > totalIters) return lrs;
        double ratio = 1 + (endFactor - startFactor) / (totalIters * startFactor + (t - 1) * (endFactor - startFactor));
        for (int i = 0; i < lrs.length; i++) lrs[i] *= ratio;
        return lrs;
    }

    @Override
    protected double[] getClosedFormLr() {
        double factor = startFactor + (endFactor - startFactor) * Math.min(totalIters, lastEpoch()) / totalIters;
        double[] lrs = baseLrs.clone();
        for (int i = 0; i < lrs.length; i++) lrs[i] *= factor;
        return lrs;
    }
}
