package dev.nabla.nn.optim.lr;

import dev.nabla.nn.optim.Optimizer;
import dev.nabla.nn.optim.ParamGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The base of the formula schedulers, as PyTorch's {@code LRScheduler}. Constructing one records each group's
 * {@code initial_lr} (unless a scheduler already did) as the base learning rates, and makes the initial step, which
 * sets the learning rate of epoch 0; each {@link #step()} then moves one epoch on, with the chainable
 * {@link #getLr()} that derives the new rate from the current one, so several schedulers can act on one optimizer.
 */
public abstract class LRScheduler implements Scheduler {
    private static final Logger LOG = LoggerFactory.getLogger(LRScheduler.class);

    /** The optimizer whose groups this scheduler sets. */
    protected final Optimizer optimizer;
    /** Each group's {@code initial_lr}. */
    protected final double[] baseLrs;
    private final long optimizerStepsAtStart;
    private int lastEpoch = -1;
    private int stepCount;
    private boolean initial;
    private double[] lastLr;

    /** A scheduler over {@code optimizer}'s groups; subclasses call {@link #initialStep()} last in their constructor. */
    protected LRScheduler(Optimizer optimizer) {
        this.optimizer = optimizer;
        List<ParamGroup> groups = optimizer.paramGroups();
        baseLrs = new double[groups.size()];
        for (int i = 0; i < baseLrs.length; i++) {
            ParamGroup g = groups.get(i);
            if (!g.has("initial_lr")) g.set("initial_lr", g.lr());
            baseLrs[i] = g.getDouble("initial_lr");
        }
        optimizerStepsAtStart = optimizer.stepCount();
    }

    /**
     * PyTorch's initial step: sets the learning rates of epoch 0. A subclass calls it last in its constructor,
     * once the fields that {@link #getLr()} reads are set.
     */
    protected final void initialStep() {
        stepCount = 0;
        initial = true;
        try {
            step();
        } finally {
            initial = false;
        }
    }

    /** Moves to the next epoch and sets each group's learning rate from {@link #getLr()}. */
    @Override
    public void step() {
        if (stepCount == 1 && optimizer.stepCount() == optimizerStepsAtStart) {
            LOG.warn("Detected call of lr_scheduler.step() before optimizer.step(). You should call them in the order "
                    + "optimizer.step() then scheduler.step(); otherwise the first value of the learning rate schedule "
                    + "is skipped.");
        }
        stepCount++;
        lastEpoch++;
        apply(getLr());
    }

    /**
     * The learning rates for {@link #lastEpoch()}, PyTorch's chainable {@code get_lr}: computed from the groups'
     * current rates where PyTorch does so, so schedulers compose.
     */
    protected abstract double[] getLr();

    /** The closed form {@code f(base_lr, epoch)}, used when a {@link SequentialLR} restarts this scheduler; null if none. */
    protected double[] getClosedFormLr() {
        return null;
    }

    /** True during the initial step made by the constructor. */
    protected final boolean isInitial() {
        return initial;
    }

    /** The current epoch: 0 after construction, incremented by each step. */
    public int lastEpoch() {
        return lastEpoch;
    }

    /** The learning rate each group has now. */
    protected final double[] currentLrs() {
        return lrsOf(optimizer);
    }

    /** The learning rate each of {@code optimizer}'s groups has now. */
    static double[] lrsOf(Optimizer optimizer) {
        return optimizer.paramGroups().stream().mapToDouble(ParamGroup::lr).toArray();
    }

    @Override
    public double[] getLastLr() {
        return lastLr.clone();
    }

    @Override
    public Optimizer optimizer() {
        return optimizer;
    }

    /** Jumps to {@code epoch} using the closed form where there is one (PyTorch's {@code _update_lr(epoch)}). */
    final void restartAt(int epoch) {
        lastEpoch = epoch;
        double[] closed = getClosedFormLr();
        apply(closed != null ? closed : getLr());
    }

    /** Takes back the epoch counted by the initial step, as {@link SequentialLR} does for the schedulers it holds. */
    final void undoInitialStep() {
        lastEpoch--;
    }

    private void apply(double[] lrs) {
        List<ParamGroup> groups = optimizer.paramGroups();
        for (int i = 0; i < lrs.length; i++) groups.get(i).lr(lrs[i]);
        lastLr = currentLrs();
    }
}
