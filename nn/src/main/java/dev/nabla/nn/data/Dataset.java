package dev.nabla.nn.data;

/**
 * A map-style dataset, as PyTorch's {@code torch.utils.data.Dataset}: a fixed number of samples, each fetched by
 * its index. Implementations should be safe to call from the single prefetch thread of a {@link DataLoader}.
 *
 * @param <T> the type of one sample, e.g. {@code List<Tensor>} for an (input, target) pair
 */
public interface Dataset<T> {

    /** The number of samples. */
    int size();

    /** The sample at {@code index}, for {@code 0 <= index < size()}. */
    T get(int index);

    /** Throws an {@link IndexOutOfBoundsException} naming the dataset unless {@code 0 <= index < size}. */
    static void checkIndex(String dataset, int index, int size) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(dataset + ": index " + index + " is out of range for a dataset of "
                    + size + " samples");
        }
    }
}
