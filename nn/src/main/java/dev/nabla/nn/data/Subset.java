package dev.nabla.nn.data;

/**
 * The samples of another dataset at the given indices, in that order, as PyTorch's {@code Subset}.
 *
 * @param <T> the sample type
 */
public final class Subset<T> implements Dataset<T> {
    private final Dataset<T> dataset;
    private final int[] indices;

    /** The samples {@code dataset.get(indices[0])}, {@code dataset.get(indices[1])}, ... (indices are checked now). */
    public Subset(Dataset<T> dataset, int[] indices) {
        int n = dataset.size();
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] < 0 || indices[i] >= n) {
                throw new IndexOutOfBoundsException("Subset: indices[" + i + "] = " + indices[i]
                        + " is out of range for a dataset of " + n + " samples");
            }
        }
        this.dataset = dataset;
        this.indices = indices.clone();
    }

    /** The dataset this subset reads from. */
    public Dataset<T> dataset() {
        return dataset;
    }

    /** The indices into {@link #dataset()} (a copy). */
    public int[] indices() {
        return indices.clone();
    }

    /** The number of indices. */
    @Override
    public int size() {
        return indices.length;
    }

    /** The sample of the underlying dataset at {@code indices[index]}. */
    @Override
    public T get(int index) {
        Dataset.checkIndex("Subset", index, indices.length);
        return dataset.get(indices[index]);
    }
}
