package dev.nabla.nn.optim.lr;

import dev.nabla.nn.optim.Optimizer;

/**
 * PyTorch's {@code CosineAnnealingLR}: {@code eta_min + (base - eta_min) (1 + cos(pi t / T_max)) / 2}, computed as
 * PyTorch's recursive form from the current rate (so it composes with other schedulers); past {@code T_max} the
 * cosine continues, rising again over the next {@code T_max} epochs.
 */
public final class CosineAnnealingLR extends LRScheduler {
    private final int tMax;
    private final double etaMin;

    /** Anneal to 0 over {@code tMax} epochs. */
    public CosineAnnealingLR(Optimizer optimizer, int tMax) {
        this(optimizer, tMax, 0.0);
    }

    /** Anneal to {@code etaMin} over {@code tMax} (positive) epochs. */
    public CosineAnnealingLR(Optimizer optimizer, int tMax, double etaMin) {
        super(optimizer);
        if (tMax <= 0) throw new IllegalArgumentException("CosineAnnealingLR: T_max must be positive, got " + tMax);
        this.tMax = tMax;
        this.etaMin = etaMin;
        initialStep();
    }

    @Override
    protected double[] getLr() {
        double[] lrs = currentLrs();
        if (isInitial()) return lrs;
        int t = lastEpoch();
        if (Math.floorMod(t - 1 - tMax, 2 * tMax) == 0) {
            // Just past a minimum the ratio below would divide by 1 + cos(pi) = 0; PyTorch steps up additively.
            for (int i = 0; i < lrs.length; i++) lrs[i] += (baseLrs[i] - etaMin) * (1 - Math.cos(Math.PI / tMax)) / 2;
            return lrs;
        }
        double ratio = (1 + Math.cos(Math.PI * t / tMax)) / (1 + Math.cos(Math.PI * (t - 1) / tMax));
        for (int i = 0; i < lrs.length; i++) lrs[i] = ratio * (lrs[i] - etaMin) + etaMin;
        return lrs;
    }

    @Override
    protected double[] getClosedFormLr() {
        double[] lrs = new double[baseLrs.length];
        for (int i = 0; i < lrs.length; i++) {
            lrs[i] = etaMin + (baseLrs[i] - etaMin) * (1 + Math.cos(Math.PI * lastEpoch() / tMax)) / 2;
        }
        return lrs;
    }
}
