package dev.nabla.nn.optim.lr;

import dev.nabla.NoGrad;
import dev.nabla.Tensor;
import dev.nabla.nn.Loss;
import dev.nabla.nn.Module;
import dev.nabla.nn.optim.Optimizer;
import dev.nabla.nn.optim.OptimizerState;
import dev.nabla.nn.optim.ParamGroup;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The learning-rate range test (Smith; fastai's {@code lr_find}): trains with a learning rate that rises
 * exponentially from {@link #startLr(double)} to {@link #endLr(double)}, one batch per step, records the loss,
 * smooths it with a bias-corrected exponential moving average, stops once the smoothed loss exceeds
 * {@link #divergeThreshold(double)} times the best one, and suggests the rate where the smoothed loss falls fastest
 * against {@code log(lr)}. The model's and optimizer's state are restored afterwards (gradients are left null), so
 * training can start from where it was.
 */
public final class LrFinder {
    private final Module model;
    private final Optimizer optimizer;
    private double startLr = 1e-7;
    private double endLr = 10;
    private int numIter;
    private double smoothing = 0.98;
    private double divergeThreshold = 4;
    private int skipStart = 10;
    private int skipEnd = 5;

    /** A finder that trains and restores {@code model} (parameters and buffers) with {@code optimizer}. */
    public LrFinder(Module model, Optimizer optimizer) {
        this.model = model;
        this.optimizer = optimizer;
    }

    /** A finder over the optimizer's parameters alone (restored afterwards); for a model with buffers pass the model. */
    public LrFinder(Optimizer optimizer) {
        this(null, optimizer);
    }

    /** The learning rate of the first step (default 1e-7). */
    public LrFinder startLr(double startLr) {
        this.startLr = startLr;
        return this;
    }

    /** The learning rate of the last step (default 10). */
    public LrFinder endLr(double endLr) {
        this.endLr = endLr;
        return this;
    }

    /** The number of steps; 0 (default) means one pass over the batches. */
    public LrFinder numIter(int numIter) {
        this.numIter = numIter;
        return this;
    }

    /** The EMA factor of the smoothed loss, in [0, 1) (default 0.98). */
    public LrFinder smoothing(double smoothing) {
        this.smoothing = smoothing;
        return this;
    }

    /** Stop once the smoothed loss exceeds this many times the best smoothed loss (default 4). */
    public LrFinder divergeThreshold(double divergeThreshold) {
        this.divergeThreshold = divergeThreshold;
        return this;
    }

    /** Points left out at the start and end of the curve when looking for the steepest descent (default 10 and 5). */
    public LrFinder skip(int start, int end) {
        this.skipStart = start;
        this.skipEnd = end;
        return this;
    }

    /** The test over {@code batches} of {input, target}: each step minimizes {@code criterion(model(input), target)}. */
    public LrFinderResult rangeTest(Iterable<Tensor[]> batches, Loss criterion) {
        if (model == null) {
            throw new IllegalStateException("LrFinder: rangeTest with a criterion needs the model; "
                    + "use new LrFinder(model, optimizer)");
        }
        return rangeTest(batches, b -> criterion.forward(model.forward(b[0]), b[1]));
    }

    /**
     * The test over {@code batches}, each turned into a loss by {@code batchLoss}. Without {@link #numIter(int)} the
     * number of steps is the number of batches (a collection's size, else counted by a first pass); with it the
     * batches are cycled as often as needed.
     */
    public LrFinderResult rangeTest(Iterable<Tensor[]> batches, Function<Tensor[], Tensor> batchLoss) {
        int n = numIter > 0 ? numIter : count(batches);
        AtomicReference<Iterator<Tensor[]>> it = new AtomicReference<>(batches.iterator());
        return rangeTest(n, () -> {
            if (!it.get().hasNext()) it.set(batches.iterator());
            if (!it.get().hasNext()) throw new IllegalArgumentException("LrFinder: no batches");
            return batchLoss.apply(it.get().next());
        });
    }

    /** The test over {@code steps} steps; {@code nextLoss} computes the loss of the next batch (forward only). */
    public LrFinderResult rangeTest(int steps, Supplier<Tensor> nextLoss) {
        check(steps);
        OptimizerState savedOptimizer = optimizer.stateDict();
        Map<Tensor, Tensor> savedTensors = snapshot();
        List<Double> lrs = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        List<Double> smoothed = new ArrayList<>();
        boolean diverged = false;
        try {
            double avg = 0;
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < steps; i++) {
                double lr = steps == 1 ? startLr : startLr * Math.pow(endLr / startLr, (double) i / (steps - 1));
                for (ParamGroup g : optimizer.paramGroups()) g.lr(lr);
                optimizer.zeroGrad();
                Tensor loss = nextLoss.get();
                loss.backward();
                optimizer.step();
                double raw = loss.item();
                avg = smoothing * avg + (1 - smoothing) * raw;
                double s = avg / (1 - Math.pow(smoothing, i + 1));
                lrs.add(lr);
                losses.add(raw);
                smoothed.add(s);
                if (!Double.isFinite(s) || (i > 0 && s > divergeThreshold * best)) {
                    diverged = true;
                    break;
                }
                best = Math.min(best, s);
            }
        } finally {
            restore(savedTensors, savedOptimizer);
        }
        double[] x = toArray(lrs);
        double[] y = toArray(smoothed);
        return new LrFinderResult(x, toArray(losses), y, steepest(x, y), diverged);
    }

    private void check(int steps) {
        if (steps <= 0) throw new IllegalArgumentException("LrFinder: the number of steps must be positive, got " + steps);
        if (!(startLr > 0 && endLr > startLr)) {
            throw new IllegalArgumentException("LrFinder: expected 0 < startLr < endLr, got " + startLr + " and " + endLr);
        }
        if (!(smoothing >= 0 && smoothing < 1)) {
            throw new IllegalArgumentException("LrFinder: smoothing must be in [0, 1), got " + smoothing);
        }
        if (!(divergeThreshold > 1)) {
            throw new IllegalArgumentException("LrFinder: divergeThreshold must exceed 1, got " + divergeThreshold);
        }
    }

    private static int count(Iterable<Tensor[]> batches) {
        if (batches instanceof Collection<?> c) return c.size();
        int n = 0;
        for (Iterator<Tensor[]> it = batches.iterator(); it.hasNext(); it.next()) n++;
        return n;
    }

    /** Copies of everything the test changes: the model's state dict, or the optimizer's parameters. */
    private Map<Tensor, Tensor> snapshot() {
        List<Tensor> targets = new ArrayList<>();
        if (model != null) targets.addAll(model.stateDict().values());
        else for (ParamGroup g : optimizer.paramGroups()) targets.addAll(g.params());
        Map<Tensor, Tensor> copies = new LinkedHashMap<>();
        try (NoGrad g = NoGrad.enter()) {
            for (Tensor t : targets) copies.put(t, t.detach().clone());
        }
        return copies;
    }

    private void restore(Map<Tensor, Tensor> saved, OptimizerState savedOptimizer) {
        try (NoGrad g = NoGrad.enter()) {
            for (Map.Entry<Tensor, Tensor> e : saved.entrySet()) e.getKey().copy_(e.getValue());
        }
        optimizer.loadStateDict(savedOptimizer);
        optimizer.zeroGrad();
    }

    /**
     * The learning rate where the smoothed loss falls fastest against {@code log(lr)}: the most negative slope
     * (central differences inside, one-sided at the ends) over the curve without its first and last points, or
     * over the whole curve when too short; NaN with fewer than two points.
     */
    private double steepest(double[] lrs, double[] loss) {
        int from = skipStart;
        int to = loss.length - skipEnd;
        if (to - from < 2) {
            from = 0;
            to = loss.length;
        }
        if (to - from < 2) return Double.NaN;
        int best = from;
        double bestSlope = Double.POSITIVE_INFINITY;
        for (int i = from; i < to; i++) {
            int lo = Math.max(i - 1, from);
            int hi = Math.min(i + 1, to - 1);
            double slope = (loss[hi] - loss[lo]) / (Math.log(lrs[hi]) - Math.log(lrs[lo]));
            if (slope < bestSlope) {
                bestSlope = slope;
                best = i;
            }
        }
        return lrs[best];
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
