package dev.nabla.nn.optim.lr;

import dev.nabla.nn.optim.Optimizer;

/** A learning-rate schedule stepped once per epoch (or batch) after {@code optimizer.step()}, as PyTorch's schedulers. */
public interface Scheduler {

    /** Advances the schedule by one step and writes the new learning rates into the optimizer's groups. */
    void step();

    /** The learning rate of each parameter group after the last step (PyTorch's {@code get_last_lr()}). */
    double[] getLastLr();

    /** The optimizer whose learning rates this schedule sets. */
    Optimizer optimizer();
}
