package dev.nabla.nn.optim.lr;

import dev.nabla.nn.optim.Optimizer;
import dev.nabla.nn.optim.ParamGroup;

import java.util.List;

/**
 * PyTorch's {@code ReduceLROnPlateau}: stepped with a metric (a validation loss, say); when it has not improved for
 * more than {@code patience} steps, every learning rate is multiplied by {@code factor} (not below {@code minLr}),
 * then {@code cooldown} steps pass before bad steps count again. Improvement is relative ({@code best * (1 -
 * threshold)} in min mode) or absolute ({@code best - threshold}).
 */
public final class ReduceLROnPlateau {
    /** Whether the metric should go down (a loss) or up (an accuracy). */
    public enum Mode { MIN, MAX }

    /** Whether {@code threshold} is relative to the best value or absolute. */
    public enum ThresholdMode { REL, ABS }

    private final Optimizer optimizer;
    private final Mode mode;
    private final double factor;
    private final int patience;
    private final double threshold;
    private final ThresholdMode thresholdMode;
    private final int cooldown;
    /** One floor for every group (also groups added later), or one per group. */
    private final double[] minLrs;
    private final double eps;
    private double best;
    private int numBadEpochs;
    private int cooldownCounter;
    private int lastEpoch;
    private double[] lastLr;

    private ReduceLROnPlateau(Builder b) {
        if (!(b.factor < 1.0)) {
            throw new IllegalArgumentException("ReduceLROnPlateau: factor should be < 1.0, got " + b.factor);
        }
        int groups = b.optimizer.paramGroups().size();
        if (b.minLrs.length != 1 && b.minLrs.length != groups) {
            throw new IllegalArgumentException("ReduceLROnPlateau: expected " + groups + " min_lrs, got " + b.minLrs.length);
        }
        optimizer = b.optimizer;
        mode = b.mode;
        factor = b.factor;
        patience = b.patience;
        threshold = b.threshold;
        thresholdMode = b.thresholdMode;
        cooldown = b.cooldown;
        minLrs = b.minLrs.clone();
        eps = b.eps;
        best = mode == Mode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        lastLr = LRScheduler.lrsOf(optimizer);
    }

    /** A builder for PyTorch's keyword arguments. */
    public static Builder builder(Optimizer optimizer) {
        return new Builder(optimizer);
    }

    /** Records the metric of one epoch and reduces the learning rates if it has stalled for too long. */
    public void step(double metric) {
        lastEpoch++;
        if (isBetter(metric)) {
            best = metric;
            numBadEpochs = 0;
        } else {
            numBadEpochs++;
        }
        if (cooldownCounter > 0) {
            cooldownCounter--;
            numBadEpochs = 0;
        }
        if (numBadEpochs > patience) {
            reduce();
            cooldownCounter = cooldown;
            numBadEpochs = 0;
        }
        lastLr = LRScheduler.lrsOf(optimizer);
    }

    private boolean isBetter(double a) {
        return switch (mode) {
            case MIN -> thresholdMode == ThresholdMode.REL ? a < best * (1 - threshold) : a < best - threshold;
            case MAX -> thresholdMode == ThresholdMode.REL ? a > best * (1 + threshold) : a > best + threshold;
        };
    }

    private void reduce() {
        List<ParamGroup> groups = optimizer.paramGroups();
        if (minLrs.length != 1 && groups.size() != minLrs.length) {
            throw new IllegalStateException("ReduceLROnPlateau: the optimizer has " + groups.size() + " param groups but "
                    + minLrs.length + " min_lrs were given; a group was added after the scheduler was made");
        }
        for (int i = 0; i < groups.size(); i++) {
            double old = groups.get(i).lr();
            double reduced = Math.max(old * factor, minLrs.length == 1 ? minLrs[0] : minLrs[i]);
            // Changes smaller than eps are ignored, so a rate that reached its floor stays put.
            if (old - reduced > eps) groups.get(i).lr(reduced);
        }
    }

    /** The learning rate of each group after the last step. */
    public double[] getLastLr() {
        return lastLr.clone();
    }

    /** The best metric seen so far. */
    public double best() {
        return best;
    }

    /** Steps since the metric last improved (reset by a reduction and during cooldown). */
    public int numBadEpochs() {
        return numBadEpochs;
    }

    /** True while reductions are paused after the last one. */
    public boolean inCooldown() {
        return cooldownCounter > 0;
    }

    /** The number of steps taken. */
    public int lastEpoch() {
        return lastEpoch;
    }

    /** PyTorch's keyword arguments: mode, factor, patience, threshold, threshold_mode, cooldown, min_lr, eps. */
    public static final class Builder {
        private final Optimizer optimizer;
        private Mode mode = Mode.MIN;
        private double factor = 0.1;
        private int patience = 10;
        private double threshold = 1e-4;
        private ThresholdMode thresholdMode = ThresholdMode.REL;
        private int cooldown;
        private double[] minLrs = {0};
        private double eps = 1e-8;

        private Builder(Optimizer optimizer) {
            this.optimizer = optimizer;
        }

        /** MIN (default) for a loss, MAX for an accuracy. */
        public Builder mode(Mode mode) {
            this.mode = mode;
            return this;
        }

        /** The multiplier of a reduction, below 1 (default 0.1). */
        public Builder factor(double factor) {
            this.factor = factor;
            return this;
        }

        /** Steps without improvement tolerated before a reduction (default 10). */
        public Builder patience(int patience) {
            this.patience = patience;
            return this;
        }

        /** How much better a metric must be to count as an improvement (default 1e-4). */
        public Builder threshold(double threshold) {
            this.threshold = threshold;
            return this;
        }

        /** REL (default) or ABS. */
        public Builder thresholdMode(ThresholdMode thresholdMode) {
            this.thresholdMode = thresholdMode;
            return this;
        }

        /** Steps to wait after a reduction before counting bad steps again (default 0). */
        public Builder cooldown(int cooldown) {
            this.cooldown = cooldown;
            return this;
        }

        /** The lowest learning rate, for all groups (one value) or one per group (default 0). */
        public Builder minLr(double... minLr) {
            this.minLrs = minLr.clone();
            return this;
        }

        /** Reductions smaller than this are skipped (default 1e-8). */
        public Builder eps(double eps) {
            this.eps = eps;
            return this;
        }

        /** The scheduler. */
        public ReduceLROnPlateau build() {
            return new ReduceLROnPlateau(this);
        }
    }
}
