package dev.nabla.nn.optim.lr;

/**
 * The curve of a learning-rate range test, ready to plot ({@code lrs} against {@code smoothedLosses} on a log
 * axis), with the suggested learning rate and whether the run stopped because the loss exploded.
 */
public record LrFinderResult(double[] lrs, double[] losses, double[] smoothedLosses, double suggestedLr,
                             boolean diverged) {
}
