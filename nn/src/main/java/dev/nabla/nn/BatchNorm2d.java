package dev.nabla.nn;

import dev.nabla.Tensor;

/** Batch normalization of [N, C, H, W] inputs over channel dim 1, as PyTorch's {@code nn.BatchNorm2d}. */
public class BatchNorm2d extends BatchNormBase {

    /** eps 1e-5, momentum 0.1, affine, tracking running statistics. */
    public BatchNorm2d(int numFeatures) {
        this(numFeatures, 1e-5, 0.1, true, true);
    }

    /** The full form; a null {@code momentum} means a cumulative average. */
    public BatchNorm2d(int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        super(numFeatures, eps, momentum, affine, trackRunningStats);
    }

    @Override
    protected void checkInputDim(Tensor input) {
        requireDims("BatchNorm2d", input, 4);
    }
}
