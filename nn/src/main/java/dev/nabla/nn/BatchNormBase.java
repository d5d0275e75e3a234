package dev.nabla.nn;

import dev.nabla.Nabla;
import dev.nabla.NoGrad;
import dev.nabla.Parameter;
import dev.nabla.Tensor;

/**
 * What {@link BatchNorm1d} and {@link BatchNorm2d} share, as PyTorch's {@code _BatchNorm}: per-channel affine
 * weight and bias, and the buffers {@code running_mean}, {@code running_var} and {@code num_batches_tracked}.
 * Training normalizes with batch statistics and updates the running ones; eval uses the running ones (or batch
 * statistics when they are not tracked).
 */
public abstract class BatchNormBase extends Module {
    private final int numFeatures;
    private final double eps;
    private final Double momentum;
    private final boolean affine;
    private final boolean trackRunningStats;
    private final Parameter weight;
    private final Parameter bias;
    private final Tensor runningMean;
    private final Tensor runningVar;
    private final Tensor numBatchesTracked;

    /**
     * A layer over {@code numFeatures} channels. A null {@code momentum} makes the running statistics a cumulative
     * average over all batches seen; otherwise each batch moves them by {@code momentum}.
     */
    protected BatchNormBase(int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        if (numFeatures < 0) {
            throw new IllegalArgumentException(name() + ": num_features must be >= 0, got " + numFeatures);
        }
        this.numFeatures = numFeatures;
        this.eps = eps;
        this.momentum = momentum;
        this.affine = affine;
        this.trackRunningStats = trackRunningStats;
        this.weight = registerParameter("weight", affine ? Nabla.empty(numFeatures) : null);
        this.bias = registerParameter("bias", affine ? Nabla.empty(numFeatures) : null);
        this.runningMean = registerBuffer("running_mean", trackRunningStats ? Nabla.zeros(numFeatures) : null);
        this.runningVar = registerBuffer("running_var", trackRunningStats ? Nabla.ones(numFeatures) : null);
        this.numBatchesTracked = registerBuffer("num_batches_tracked", trackRunningStats ? Nabla.tensor(0L) : null);
        resetParameters();
    }

    /** Fails unless {@code input} has the rank this layer accepts. */
    protected abstract void checkInputDim(Tensor input);

    /** Running mean 0, running variance 1, no batches tracked. */
    public void resetRunningStats() {
        if (!trackRunningStats) return;
        try (NoGrad g = NoGrad.enter()) {
            runningMean.zero_();
            runningVar.fill_(1.0);
            numBatchesTracked.zero_();
        }
    }

    /** Resets the running statistics, the weight to 1 and the bias to 0. */
    public void resetParameters() {
        resetRunningStats();
        if (affine) {
            Init.ones_(weight);
            Init.zeros_(bias);
        }
    }

    /** Normalizes the single input [N, C, *] per channel (batch statistics in training, updating the running ones). */
    @Override
    public Tensor forward(Tensor... inputs) {
        Tensor x = single(inputs);
        checkInputDim(x);
        boolean updating = isTraining() && trackRunningStats;
        long batches = updating ? numBatchesTracked.itemLong() + 1 : 0;
        double factor = momentum != null ? momentum : updating ? 1.0 / batches : 0.0;
        boolean batchStats = isTraining() || !trackRunningStats;
        Tensor out = Functional.batchNorm(x, runningMean, runningVar, weight, bias, batchStats, factor, eps);
        if (updating) {
            try (NoGrad g = NoGrad.enter()) {
                numBatchesTracked.fill_(batches);
            }
        }
        return out;
    }

    /** The number of channels. */
    public int numFeatures() {
        return numFeatures;
    }

    /** The per-channel scale, or null without affine. */
    public Parameter weight() {
        return weight;
    }

    /** The per-channel shift, or null without affine. */
    public Parameter bias() {
        return bias;
    }

    /** The running mean buffer, or null when statistics are not tracked. */
    public Tensor runningMean() {
        return runningMean;
    }

    /** The running (unbiased) variance buffer, or null when statistics are not tracked. */
    public Tensor runningVar() {
        return runningVar;
    }

    /** The INT64 scalar count of training batches seen, or null when statistics are not tracked. */
    public Tensor numBatchesTracked() {
        return numBatchesTracked;
    }

    @Override
    protected String extraRepr() {
        return numFeatures + ", eps=" + PyRepr.ofDouble(eps) + ", momentum="
                + (momentum == null ? "None" : PyRepr.ofDouble(momentum)) + ", affine=" + PyRepr.ofBoolean(affine)
                + ", track_running_stats=" + PyRepr.ofBoolean(trackRunningStats);
    }

    static void requireDims(String layer, Tensor input, int... allowed) {
        for (int d : allowed) if (input.dim() == d) return;
        StringBuilder want = new StringBuilder();
        for (int i = 0; i < allowed.length; i++) want.append(i == 0 ? "" : " or ").append(allowed[i]).append('D');
        throw new IllegalArgumentException(layer + ": expected " + want + " input (got " + input.dim() + "D input)");
    }
}
