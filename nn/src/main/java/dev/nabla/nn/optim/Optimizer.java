package dev.nabla.nn.optim;

/**
 * The base of every optimizer, as PyTorch's {@code torch.optim.Optimizer}: parameter groups with their own
 * options, {@link #step()}, {@link #zeroGrad()}, and a state dict that round-trips through a checkpoint.
 */
public abstract class Optimizer {

    /** Updates every parameter from its gradient (parameters whose grad is null are skipped). */
    public abstract void step();

    /** Resets the gradients of all parameters to null. */
    public abstract void zeroGrad();

    /** The optimizer's state (per-parameter buffers, step counts, hyperparameters) as flat maps. */
    public abstract OptimizerState stateDict();

    /** Restores a state produced by {@link #stateDict()} of an optimizer of the same kind over the same parameters. */
    public abstract void loadStateDict(OptimizerState state);
}
