package dev.nabla.nn.data;

import dev.nabla.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Tensors that share their first dimension, as PyTorch's {@code TensorDataset}: sample {@code i} is the list of
 * the i-th rows ({@code [x[i], y[i]]}), as views that share the tensors' storage.
 */
public final class TensorDataset implements Dataset<List<Tensor>> {
    private final List<Tensor> tensors;
    private final int size;

    /** A dataset over {@code tensors}, which must all have at least one dimension and the same size in dim 0. */
    public TensorDataset(Tensor... tensors) {
        if (tensors.length == 0) throw new IllegalArgumentException("TensorDataset: expected at least one tensor");
        for (int i = 0; i < tensors.length; i++) {
            if (tensors[i].dim() == 0) {
                throw new IllegalArgumentException("TensorDataset: tensor " + i + " is 0-dim; every tensor needs a "
                        + "first dimension to index samples by");
            }
            if (tensors[i].size(0) != tensors[0].size(0)) {
                throw new IllegalArgumentException("TensorDataset: size mismatch between tensors: tensor 0 has shape "
                        + Arrays.toString(tensors[0].shape()) + " and tensor " + i + " has shape "
                        + Arrays.toString(tensors[i].shape()) + "; all must have the same size in dim 0");
            }
        }
        this.tensors = List.of(tensors);
        this.size = tensors[0].size(0);
    }

    /** The tensors this dataset indexes, in the order given. */
    public List<Tensor> tensors() {
        return tensors;
    }

    /** The shared size of dim 0. */
    @Override
    public int size() {
        return size;
    }

    /** The i-th row of every tensor. */
    @Override
    public List<Tensor> get(int index) {
        Dataset.checkIndex("TensorDataset", index, size);
        List<Tensor> rows = new ArrayList<>(tensors.size());
        for (Tensor t : tensors) rows.add(t.get(index));
        return List.copyOf(rows);
    }
}
