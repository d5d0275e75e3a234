package dev.nabla.nn.optim.lr;

import dev.nabla.nn.optim.Optimizer;

import java.util.Arrays;

/**
 * PyTorch's {@code MultiStepLR}: multiplies the learning rate by {@code gamma} at each milestone epoch (by
 * {@code gamma^k} at a milestone listed k times).
 */
public final class MultiStepLR extends LRScheduler {
    private final int[] milestones;
    private final double gamma;

    /** Decay by PyTorch's default gamma, 0.1, at each milestone. */
    public MultiStepLR(Optimizer optimizer, int... milestones) {
        this(optimizer, milestones, 0.1);
    }

    /** Decay by {@code gamma} at each milestone. */
    public MultiStepLR(Optimizer optimizer, int[] milestones, double gamma) {
        super(optimizer);
        this.milestones = milestones.clone();
        Arrays.sort(this.milestones);
        this.gamma = gamma;
        initialStep();
    }

    @Override
    protected double[] getLr() {
        int hits = 0;
        for (int m : milestones) if (m == lastEpoch()) hits++;
        double[] lrs = currentLrs();
        for (int i = 0; i < lrs.length; i++) lrs[i] *= Math.pow(gamma, hits);
        return lrs;
    }

    @Override
    protected double[] getClosedFormLr() {
        int passed = 0;
        for (int m : milestones) if (m <= lastEpoch()) passed++;
        double[] lrs = baseLrs.clone();
        for (int i = 0; i < lrs.length; i++) lrs[i] *= Math.pow(gamma, passed);
        return lrs;
    }
}
