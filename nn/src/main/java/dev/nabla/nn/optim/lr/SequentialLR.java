package dev.nabla.nn.optim.lr;

import dev.nabla.nn.optim.Optimizer;
import dev.nabla.nn.optim.ParamGroup;

import java.util.List;

/**
 * PyTorch's {@code SequentialLR}: runs each scheduler in turn, switching at the milestone epochs; at a switch the
 * next scheduler starts from its epoch 0 (its closed form, from the base learning rates). The usual warm-up is
 * {@code new SequentialLR(opt, List.of(new LinearLR(opt, 0.1, 1, 5), new CosineAnnealingLR(opt, 95)), 5)}.
 */
public final class SequentialLR implements Scheduler {
    private final Optimizer optimizer;
    private final List<LRScheduler> schedulers;
    private final int[] milestones;
    private int lastEpoch;
    private double[] lastLr;

    /** Runs {@code schedulers} (all on {@code optimizer}) in turn, switching at the increasing {@code milestones}. */
    public SequentialLR(Optimizer optimizer, List<LRScheduler> schedulers, int... milestones) {
        if (schedulers.isEmpty()) {
            throw new IllegalArgumentException("SequentialLR expects at least one scheduler, but got no scheduler.");
        }
        for (int i = 0; i < schedulers.size(); i++) {
            if (schedulers.get(i).optimizer() != optimizer) {
                throw new IllegalArgumentException("SequentialLR expects all schedulers to belong to the same optimizer, "
                        + "but got scheduler " + schedulers.get(i).getClass().getSimpleName() + " at index " + i
                        + " with another optimizer");
            }
        }
        if (milestones.length != schedulers.size() - 1) {
            throw new IllegalArgumentException("SequentialLR expects number of schedulers provided to be one more than "
                    + "the number of milestone points, but got number of schedulers " + schedulers.size()
                    + " and the number of milestones to be equal to " + milestones.length);
        }
        this.optimizer = optimizer;
        this.schedulers = List.copyOf(schedulers);
        this.milestones = milestones.clone();
        // Every scheduler made its initial step when it was built; start over from the first one's epoch 0.
        for (ParamGroup g : optimizer.paramGroups()) g.lr(g.getDouble("initial_lr"));
        for (LRScheduler s : this.schedulers) s.undoInitialStep();
        this.schedulers.get(0).initialStep();
        lastLr = this.schedulers.get(0).getLastLr();
    }

    @Override
    public void step() {
        lastEpoch++;
        int idx = 0;
        while (idx < milestones.length && milestones[idx] <= lastEpoch) idx++;
        LRScheduler scheduler = schedulers.get(idx);
        if (idx > 0 && milestones[idx - 1] == lastEpoch) scheduler.restartAt(0);
        else scheduler.step();
        lastLr = scheduler.getLastLr();
    }

    @Override
    public double[] getLastLr() {
        return lastLr.clone();
    }

    @Override
    public Optimizer optimizer() {
        return optimizer;
    }
}
