package dev.nabla.nn.optim.lr;

import dev.nabla.nn.optim.Optimizer;
import dev.nabla.nn.optim.ParamGroup;

import java.util.List;

/**
 * PyTorch's {@code OneCycleLR} (Smith's 1cycle policy), stepped after every batch: the learning rate rises from
 * {@code maxLr / divFactor} to {@code maxLr} over the first {@code pctStart} of {@code totalSteps}, then falls to
 * {@code initial / finalDivFactor}; with {@code threePhase} it first falls back to the initial rate symmetrically
 * and then to the minimum. Momentum (SGD's {@code momentum} or Adam's beta1) cycles inversely between
 * {@code maxMomentum} and {@code baseMomentum}. Annealing is cosine or linear.
 */
public final class OneCycleLR extends LRScheduler {
    private final int totalSteps;
    private final boolean cos;
    private final boolean cycleMomentum;
    private final boolean useBeta1;
    private final Phase[] phases;

    /** One phase: where it ends (a fractional step) and the group options it anneals between. */
    private record Phase(double endStep, String startLr, String endLr, String startMomentum, String endMomentum) {
    }

    private OneCycleLR(Builder b) {
        super(prepare(b));
        totalSteps = b.totalSteps;
        cos = b.cosine;
        cycleMomentum = b.cycleMomentum;
        useBeta1 = b.optimizer.defaults().containsKey("betas");
        double up = b.pctStart * totalSteps - 1;
        phases = b.threePhase
                ? new Phase[] {new Phase(up, "initial_lr", "max_lr", "max_momentum", "base_momentum"),
                    new Phase(2 * b.pctStart * totalSteps - 2, "max_lr", "initial_lr", "base_momentum", "max_momentum"),
                    new Phase(totalSteps - 1, "initial_lr", "min_lr", "max_momentum", "max_momentum")}
                : new Phase[] {new Phase(up, "initial_lr", "max_lr", "max_momentum", "base_momentum"),
                    new Phase(totalSteps - 1, "max_lr", "min_lr", "base_momentum", "max_momentum")};
        initialStep();
    }

    /** Checks the options and writes PyTorch's per-group values before the base class reads {@code initial_lr}. */
    private static Optimizer prepare(Builder b) {
        if (b.totalSteps <= 0) {
            throw new IllegalArgumentException("OneCycleLR: expected positive integer total_steps, but got " + b.totalSteps);
        }
        if (!(b.pctStart >= 0 && b.pctStart <= 1)) {
            throw new IllegalArgumentException("OneCycleLR: expected float between 0 and 1 pct_start, but got "
                    + b.pctStart);
        }
        List<ParamGroup> groups = b.optimizer.paramGroups();
        boolean beta1 = b.optimizer.defaults().containsKey("betas");
        if (b.cycleMomentum && !beta1 && !b.optimizer.defaults().containsKey("momentum")) {
            throw new IllegalArgumentException("OneCycleLR: optimizer must support momentum or beta1 with "
                    + "`cycle_momentum` option enabled");
        }
        for (ParamGroup g : groups) {
            double initial = b.maxLr / b.divFactor;
            g.set("initial_lr", initial).set("max_lr", b.maxLr).set("min_lr", initial / b.finalDivFactor);
            if (b.cycleMomentum) {
                setMomentum(g, beta1, b.maxMomentum);
                g.set("max_momentum", b.maxMomentum).set("base_momentum", b.baseMomentum);
            }
        }
        return b.optimizer;
    }

    private static void setMomentum(ParamGroup g, boolean beta1, double momentum) {
        if (beta1) {
            double[] betas = g.getDoubles("betas");
            betas[0] = momentum;
            g.set("betas", betas);
        } else {
            g.set("momentum", momentum);
        }
    }

    /** A builder for PyTorch's keyword arguments; {@code maxLr} and {@code totalSteps} are required. */
    public static Builder builder(Optimizer optimizer, double maxLr, int totalSteps) {
        return new Builder(optimizer, maxLr, totalSteps);
    }

    @Override
    protected double[] getLr() {
        int step = lastEpoch();
        if (step > totalSteps) {
            throw new IllegalStateException("OneCycleLR: tried to step " + step + " times. The specified number of "
                    + "total steps is " + totalSteps);
        }
        List<ParamGroup> groups = optimizer.paramGroups();
        double[] lrs = new double[groups.size()];
        for (int i = 0; i < lrs.length; i++) {
            ParamGroup g = groups.get(i);
            double start = 0;
            for (int k = 0; k < phases.length; k++) {
                Phase phase = phases[k];
                if (step <= phase.endStep || k == phases.length - 1) {
                    double pct = (step - start) / (phase.endStep - start);
                    lrs[i] = anneal(g.getDouble(phase.startLr), g.getDouble(phase.endLr), pct);
                    if (cycleMomentum) {
                        setMomentum(g, useBeta1, anneal(g.getDouble(phase.startMomentum),
                                g.getDouble(phase.endMomentum), pct));
                    }
                    break;
                }
                start = phase.endStep;
            }
        }
        return lrs;
    }

    private double anneal(double start, double end, double pct) {
        return cos ? end + (start - end) / 2 * (Math.cos(Math.PI * pct) + 1) : (end - start) * pct + start;
    }

    /** PyTorch's keyword arguments of {@code OneCycleLR}. */
    public static final class Builder {
        private final Optimizer optimizer;
        private final double maxLr;
        private final int totalSteps;
        private double pctStart = 0.3;
        private boolean cosine = true;
        private boolean cycleMomentum = true;
        private double baseMomentum = 0.85;
        private double maxMomentum = 0.95;
        private double divFactor = 25;
        private double finalDivFactor = 1e4;
        private boolean threePhase;

        private Builder(Optimizer optimizer, double maxLr, int totalSteps) {
            this.optimizer = optimizer;
            this.maxLr = maxLr;
            this.totalSteps = totalSteps;
        }

        /** The fraction of the steps spent raising the learning rate (default 0.3). */
        public Builder pctStart(double pctStart) {
            this.pctStart = pctStart;
            return this;
        }

        /** Cosine annealing (default) or, with false, linear. */
        public Builder cosineAnnealing(boolean cosine) {
            this.cosine = cosine;
            return this;
        }

        /** Cycle momentum (or Adam's beta1) inversely to the learning rate (default true). */
        public Builder cycleMomentum(boolean cycleMomentum) {
            this.cycleMomentum = cycleMomentum;
            return this;
        }

        /** The momentum at the peak learning rate (default 0.85). */
        public Builder baseMomentum(double baseMomentum) {
            this.baseMomentum = baseMomentum;
            return this;
        }

        /** The momentum at the start and end (default 0.95). */
        public Builder maxMomentum(double maxMomentum) {
            this.maxMomentum = maxMomentum;
            return this;
        }

        /** The initial learning rate is {@code maxLr / divFactor} (default 25). */
        public Builder divFactor(double divFactor) {
            this.divFactor = divFactor;
            return this;
        }

        /** The final learning rate is {@code initial / finalDivFactor} (default 1e4). */
        public Builder finalDivFactor(double finalDivFactor) {
            this.finalDivFactor = finalDivFactor;
            return this;
        }

        /** Use the paper's three phases instead of fastai's two (default false). */
        public Builder threePhase(boolean threePhase) {
            this.threePhase = threePhase;
            return this;
        }

        /** The scheduler; this sets the optimizer's learning rates (and momentum) for step 0. */
        public OneCycleLR build() {
            return new OneCycleLR(this);
        }
    }
}
