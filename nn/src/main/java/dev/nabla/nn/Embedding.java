package dev.nabla.nn;

import dev.nabla.Nabla;
import dev.nabla.Parameter;
import dev.nabla.Tensor;

/**
 * A lookup table of {@code num} vectors of size {@code dim}, indexed by integer tensors, as PyTorch's
 * {@code nn.Embedding}: rows start N(0, 1); an optional padding row starts at zero and never receives a gradient.
 */
public class Embedding extends Module {
    private final int numEmbeddings;
    private final int embeddingDim;
    private final Integer paddingIdx;
    private final Parameter weight;

    /** A table of {@code numEmbeddings} rows of size {@code embeddingDim}. */
    public Embedding(int numEmbeddings, int embeddingDim) {
        this(numEmbeddings, embeddingDim, null);
    }

    /** A table whose row {@code paddingIdx} (negative counts from the end; null for none) is the padding row. */
    public Embedding(int numEmbeddings, int embeddingDim, Integer paddingIdx) {
        if (numEmbeddings < 0 || embeddingDim < 0) {
            throw new IllegalArgumentException("Embedding: sizes must be >= 0, got num_embeddings=" + numEmbeddings
                    + ", embedding_dim=" + embeddingDim);
        }
        this.numEmbeddings = numEmbeddings;
        this.embeddingDim = embeddingDim;
        this.paddingIdx = paddingIdx == null ? null
                : FunctionalBasics.normalizePaddingIdx("Embedding", paddingIdx, numEmbeddings);
        this.weight = registerParameter("weight", Nabla.empty(numEmbeddings, embeddingDim));
        resetParameters();
    }

    /** Refills the table from N(0, 1) (default generator) and zeroes the padding row. */
    public void resetParameters() {
        Init.normal_(weight);
        if (paddingIdx != null) Init.zeros_(weight.select(0, paddingIdx));
    }

    /** The table, shape [num_embeddings, embedding_dim]. */
    public Parameter weight() {
        return weight;
    }

    /** The padding row in [0, num_embeddings), or null. */
    public Integer paddingIdx() {
        return paddingIdx;
    }

    /** The rows at the single input's integer indices: shape {@code indices.shape + [embedding_dim]}. */
    @Override
    public Tensor forward(Tensor... inputs) {
        return Functional.embedding(single(inputs), weight, paddingIdx);
    }

    @Override
    protected String extraRepr() {
        return numEmbeddings + ", " + embeddingDim + (paddingIdx == null ? "" : ", padding_idx=" + paddingIdx);
    }
}
