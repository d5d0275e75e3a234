package dev.nabla.nn;

import dev.nabla.DType;
import dev.nabla.Generator;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.TensorOptions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The bodies of {@link Functional}'s linear, dropout, embedding, one-hot and pad section, composed of Tensor ops. */
final class FunctionalBasics {
    private FunctionalBasics() {
    }

    static Tensor linear(Tensor input, Tensor weight, Tensor bias) {
        int inFeatures = weight.size(-1);
        if (input.dim() == 0 || input.size(-1) != inFeatures) {
            throw new IllegalArgumentException("linear: the input's last dim must match the weight's in_features: input "
                    + Arrays.toString(input.shape()) + ", weight " + Arrays.toString(weight.shape()));
        }
        Tensor out = input.matmul(weight.t());
        return bias == null ? out : out.add(bias);
    }

    /** Follows ATen's CPU dropout: a Bernoulli(1 - p) mask scaled by 1 / (1 - p); p = 1 multiplies by zero. */
    static Tensor dropout(Tensor input, double p, boolean training, Generator generator) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("dropout: probability has to be between 0 and 1, but got " + p);
        }
        if (p == 0 || !training || input.numel() == 0) return input;
        if (p == 1) return input.mul(0.0);
        Tensor noise = Nabla.emptyLike(input).bernoulli_(1 - p, generator).div_(1 - p);
        return input.mul(noise);
    }

    static Tensor embedding(Tensor indices, Tensor weight, Integer paddingIdx) {
        if (!indices.dtype().isIntegral()) {
            throw new IllegalArgumentException("embedding: expected integer (int64 or int32) indices, but got "
                    + indices.dtype());
        }
        if (weight.dim() != 2) {
            throw new IllegalArgumentException("embedding: the weight must be 2-D [num_embeddings, embedding_dim], got "
                    + Arrays.toString(weight.shape()));
        }
        int num = weight.size(0);
        Integer pad = paddingIdx == null ? null : normalizePaddingIdx("embedding", paddingIdx, num);
        if (indices.numel() > 0) {
            long lo = indices.min().itemLong();
            long hi = indices.max().itemLong();
            if (lo < 0 || hi >= num) {
                throw new IndexOutOfBoundsException("embedding: index " + (lo < 0 ? lo : hi) + " is out of range for "
                        + num + " embeddings");
            }
        }
        int[] shape = Arrays.copyOf(indices.shape(), indices.dim() + 1);
        shape[indices.dim()] = weight.size(1);
        Tensor out = weight.indexSelect(0, indices.reshape(-1)).reshape(shape);
        if (pad == null) return out;
        // Same values everywhere, but rows looked up by the padding index come from a detached copy: no gradient.
        return Nabla.where(indices.ne(pad).unsqueeze(-1), out, out.detach());
    }

    /** A padding index in [-num, num) as a row in [0, num), or an error naming {@code op}. */
    static int normalizePaddingIdx(String op, int paddingIdx, int num) {
        if (paddingIdx < -num || paddingIdx >= num) {
            throw new IllegalArgumentException(op + ": padding_idx must be within num_embeddings (" + num + "), got "
                    + paddingIdx);
        }
        return paddingIdx < 0 ? paddingIdx + num : paddingIdx;
    }

    static Tensor oneHot(Tensor indices, int numClasses) {
        if (indices.dtype() != DType.INT64) {
            throw new IllegalArgumentException("oneHot: only applicable to an int64 index tensor, got " + indices.dtype());
        }
        if (numClasses < -1) {
            throw new IllegalArgumentException("oneHot: num_classes must be -1 (inferred) or >= 0, got " + numClasses);
        }
        int classes = numClasses;
        if (indices.numel() == 0) {
            if (classes == -1) {
                throw new IllegalArgumentException("oneHot: can not infer the number of classes from an empty tensor");
            }
        } else {
            if (indices.min().itemLong() < 0) throw new IllegalArgumentException("oneHot: class values must be non-negative");
            long max = indices.max().itemLong();
            if (classes == -1) {
                classes = Math.toIntExact(max + 1);
            } else if (max >= classes) {
                throw new IllegalArgumentException("oneHot: class values must be smaller than num_classes (" + classes
                        + "), got " + max);
            }
        }
        int[] shape = Arrays.copyOf(indices.shape(), indices.dim() + 1);
        shape[indices.dim()] = classes;
        Tensor out = Nabla.zeros(TensorOptions.of(DType.INT64).device(indices.device()), shape);
        return indices.numel() == 0 ? out : out.scatter(-1, indices.unsqueeze(-1), 1.0);
    }

    /** Constant padding, pairs from the last dim backwards; negative amounts crop. Always a new tensor. */
    static Tensor pad(Tensor input, int[] pad, double value) {
        if (pad.length % 2 != 0) {
            throw new IllegalArgumentException("pad: padding length must be divisible by 2, got " + pad.length);
        }
        if (pad.length / 2 > input.dim()) {
            throw new IllegalArgumentException("pad: padding length should be less than or equal to two times the input "
                    + "dimension but got padding length " + pad.length + " and input of dimension " + input.dim());
        }
        Tensor out = input;
        boolean grown = false;
        for (int i = 0; i < pad.length / 2; i++) {
            int d = input.dim() - 1 - i;
            int before = pad[2 * i];
            int after = pad[2 * i + 1];
            int size = input.size(d);
            if (size + before + after < 0 || size + Math.min(before, 0) < 0 || size + Math.min(after, 0) < 0) {
                throw new IllegalArgumentException("pad: the input size " + size + ", plus negative padding " + before
                        + " and " + after + " resulted in a negative output size, which is invalid. Check dimension "
                        + d + " of your input " + Arrays.toString(input.shape()));
            }
            if (before < 0) out = out.narrow(d, -before, out.size(d) + before);
            if (after < 0) out = out.narrow(d, 0, out.size(d) + after);
            if (before > 0 || after > 0) {
                List<Tensor> parts = new ArrayList<>();
                if (before > 0) parts.add(block(out, d, before, value));
                parts.add(out);
                if (after > 0) parts.add(block(out, d, after, value));
                out = Nabla.cat(parts, d);
                grown = true;
            }
        }
        return grown ? out : out.clone();
    }

    private static Tensor block(Tensor like, int dim, int size, double value) {
        int[] shape = like.shape();
        shape[dim] = size;
        return Nabla.full(shape, value, TensorOptions.of(like.dtype()).device(like.device()));
    }
}
