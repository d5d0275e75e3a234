package dev.nabla.nn.optim.lr;

import dev.nabla.nn.optim.Optimizer;

/** PyTorch's {@code StepLR}: multiplies the learning rate by {@code gamma} every {@code stepSize} epochs. */
public final class StepLR extends LRScheduler {
    private final int stepSize;
    private final double gamma;

    /** Decay by PyTorch's default gamma, 0.1, every {@code stepSize} epochs. */
    public StepLR(Optimizer optimizer, int stepSize) {
        this(optimizer, stepSize, 0.1);
    }

    /** Decay by {@code gamma} every {@code stepSize} (positive) epochs. */
    public StepLR(Optimizer optimizer, int stepSize, double gamma) {
        super(optimizer);
        if (stepSize <= 0) throw new IllegalArgumentException("StepLR: step_size must be positive, got " + stepSize);
        this.stepSize = stepSize;
        this.gamma = gamma;
        initialStep();
    }

    @Override
    protected double[] getLr() {
        double[] lrs = currentLrs();
        if (lastEpoch() == 0 || lastEpoch() % stepSize != 0) return lrs;
        for (int i = 0; i < lrs.length; i++) lrs[i] *= gamma;
        return lrs;
    }

    @Override
    protected double[] getClosedFormLr() {
        double[] lrs = baseLrs.clone();
        for (int i = 0; i < lrs.length; i++) lrs[i] *= Math.pow(gamma, lastEpoch() / stepSize);
        return lrs;
    }
}
