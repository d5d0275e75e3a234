package dev.nabla.nn;

import dev.nabla.NoGrad;
import dev.nabla.Tensor;

import java.util.Arrays;

/** The bodies of {@link Functional}'s normalization section, composed of differentiable Tensor ops. */
final class FunctionalNorms {
    private FunctionalNorms() {
    }

    static Tensor batchNorm(Tensor input, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
                            boolean training, double momentum, double eps) {
        if (input.dim() < 2) {
            throw new IllegalArgumentException("batchNorm: expected an input of shape [N, C, *], got "
                    + Arrays.toString(input.shape()));
        }
        int c = input.size(1);
        checkPerChannel("runningMean", runningMean, c);
        checkPerChannel("runningVar", runningVar, c);
        checkPerChannel("weight", weight, c);
        checkPerChannel("bias", bias, c);
        int[] reduce = new int[input.dim() - 1];
        int[] statShape = Tuples.alongDim(input.dim(), 1, c);
        for (int d = 0, k = 0; d < input.dim(); d++) if (d != 1) reduce[k++] = d;
        Tensor mean;
        Tensor var;
        if (training) {
            int n = c == 0 ? 0 : input.numel() / c;
            if (n <= 1) {
                throw new IllegalArgumentException("batchNorm: expected more than 1 value per channel when training, "
                        + "got input of shape " + Arrays.toString(input.shape()));
            }
            mean = input.mean(reduce, false);
            var = input.var(reduce, false, false);
            try (NoGrad g = NoGrad.enter()) {
                // PyTorch normalizes with the biased variance but tracks the unbiased one.
                if (runningMean != null) runningMean.mul_(1 - momentum).add_(mean.mul(momentum));
                if (runningVar != null) runningVar.mul_(1 - momentum).add_(var.mul(momentum * n / (n - 1.0)));
            }
        } else {
            if (runningMean == null || runningVar == null) {
                throw new IllegalArgumentException("batchNorm: runningMean and runningVar must be given in evaluation "
                        + "mode (training = false)");
            }
            mean = runningMean;
            var = runningVar;
        }
        Tensor out = input.sub(mean.reshape(statShape)).mul(var.add(eps).rsqrt().reshape(statShape));
        return affine(out, weight, bias, statShape);
    }

    private static void checkPerChannel(String name, Tensor t, int channels) {
        if (t != null && (t.dim() != 1 || t.size(0) != channels)) {
            throw new IllegalArgumentException("batchNorm: " + name + " should contain " + channels
                    + " elements (one per channel), got shape " + Arrays.toString(t.shape()));
        }
    }

    static Tensor layerNorm(Tensor input, int[] normalizedShape, Tensor weight, Tensor bias, double eps) {
        int k = normalizedShape.length;
        int[] shape = input.shape();
        boolean fits = k >= 1 && input.dim() >= k
                && Arrays.equals(Arrays.copyOfRange(shape, shape.length - k, shape.length), normalizedShape);
        if (!fits) {
            throw new IllegalArgumentException("layerNorm: given normalized_shape=" + Arrays.toString(normalizedShape)
                    + ", expected input with shape [*, " + Arrays.toString(normalizedShape).substring(1)
                    + ", but got input of size " + Arrays.toString(shape));
        }
        for (Tensor t : new Tensor[] {weight, bias}) {
            if (t != null && !Arrays.equals(t.shape(), normalizedShape)) {
                throw new IllegalArgumentException("layerNorm: weight and bias must have shape normalized_shape="
                        + Arrays.toString(normalizedShape) + ", got " + Arrays.toString(t.shape()));
            }
        }
        int[] dims = new int[k];
        for (int i = 0; i < k; i++) dims[i] = input.dim() - k + i;
        Tensor out = normalize(input, dims, eps);
        if (weight != null) out = out.mul(weight);
        return bias == null ? out : out.add(bias);
    }

    static Tensor groupNorm(Tensor input, int numGroups, Tensor weight, Tensor bias, double eps) {
        if (input.dim() < 2) {
            throw new IllegalArgumentException("groupNorm: expected an input of shape [N, C, *], got "
                    + Arrays.toString(input.shape()));
        }
        int c = input.size(1);
        if (numGroups <= 0 || c % numGroups != 0) {
            throw new IllegalArgumentException("groupNorm: expected the number of channels in the input to be divisible "
                    + "by num_groups, but got input of shape " + Arrays.toString(input.shape()) + " and num_groups="
                    + numGroups);
        }
        for (Tensor t : new Tensor[] {weight, bias}) {
            if (t != null && (t.dim() != 1 || t.size(0) != c)) {
                throw new IllegalArgumentException("groupNorm: weight and bias must have shape [" + c + "], got "
                        + Arrays.toString(t.shape()));
            }
        }
        int perGroup = c / numGroups;
        for (int d = 2; d < input.dim(); d++) perGroup *= input.size(d);
        Tensor grouped = input.reshape(input.size(0), numGroups, perGroup);
        Tensor out = normalize(grouped, new int[] {2}, eps).reshape(input.shape());
        int[] statShape = Tuples.alongDim(input.dim(), 1, c);
        return affine(out, weight, bias, statShape);
    }

    /** (x - mean) / sqrt(var + eps) over {@code dims}, with the biased variance. */
    private static Tensor normalize(Tensor x, int[] dims, double eps) {
        Tensor mean = x.mean(dims, true);
        Tensor var = x.var(dims, false, true);
        return x.sub(mean).mul(var.add(eps).rsqrt());
    }

    private static Tensor affine(Tensor x, Tensor weight, Tensor bias, int[] statShape) {
        Tensor out = weight == null ? x : x.mul(weight.reshape(statShape));
        return bias == null ? out : out.add(bias.reshape(statShape));
    }
}
