package dev.nabla.nn.optim.lr;

import dev.nabla.nn.optim.Optimizer;

import java.util.List;

/**
 * PyTorch's {@code ChainedScheduler}: steps every scheduler at each step, so their chainable factors multiply
 * (for example a warm-up {@link LinearLR} together with an {@link ExponentialLR} decay).
 */
public final class ChainedScheduler implements Scheduler {
    private final List<Scheduler> schedulers;
    private final Optimizer optimizer;
    private double[] lastLr;

    /** Chains {@code schedulers}, which must all act on the same optimizer. */
    public ChainedScheduler(List<? extends Scheduler> schedulers) {
        if (schedulers.isEmpty()) {
            throw new IllegalArgumentException("ChainedScheduler expects at least one scheduler to be chained, but got "
                    + "no scheduler.");
        }
        this.optimizer = schedulers.get(0).optimizer();
        for (int i = 0; i < schedulers.size(); i++) {
            if (schedulers.get(i).optimizer() != optimizer) {
                throw new IllegalArgumentException("ChainedScheduler expects all schedulers to belong to the same "
                        + "optimizer, but the one at index " + i + " has another");
            }
        }
        this.schedulers = List.copyOf(schedulers);
        lastLr = LRScheduler.lrsOf(optimizer);
    }

    @Override
    public void step() {
        for (Scheduler s : schedulers) s.step();
        lastLr = LRScheduler.lrsOf(optimizer);
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
