package dev.nabla.nn.data;

import dev.nabla.Generator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Batches of a {@link Dataset}, as PyTorch's {@code torch.utils.data.DataLoader}: an {@code Iterable} whose every
 * iteration (epoch) visits each sample exactly once, in order or shuffled, optionally dropping the last incomplete
 * batch, with the next batch optionally made on a background thread while the caller works on the current one.
 *
 * <p>Random draws follow PyTorch's, so a seed gives PyTorch's order: each {@link #iterator()} draws one 64-bit
 * number (PyTorch's worker base seed) from the loader's generator, or the default generator when none is set. With
 * shuffling, the first {@code hasNext()} then draws {@code randperm(size)} from the loader's generator (without one,
 * from a fresh generator seeded by a second draw from the default generator, as {@code RandomSampler}), and an epoch
 * that runs to its end draws one more {@code randperm(size)} that PyTorch's sampler makes and discards.
 *
 * @param <B> the type of one batch
 */
public final class DataLoader<B> implements Iterable<B> {
    private final Function<int[], B> fetch;
    private final int samples;
    private final int batchSize;
    private final boolean shuffle;
    private final boolean dropLast;
    private final boolean prefetch;
    private final Generator generator;

    private DataLoader(Builder<?, B> b) {
        this.fetch = b.fetcher();
        this.samples = b.dataset.size();
        this.batchSize = b.batchSize;
        this.shuffle = b.shuffle;
        this.dropLast = b.dropLast;
        this.prefetch = b.prefetch;
        this.generator = b.generator;
    }

    /** A builder over {@code dataset}: batch size 1, no shuffling, the default collate ({@link Collate}). */
    public static <T> Builder<T, T> builder(Dataset<T> dataset) {
        return new Builder<>(dataset, Collate::defaultCollate);
    }

    /** The number of batches in one epoch, as {@code len(loader)}. */
    public int size() {
        return dropLast ? samples / batchSize : (samples + batchSize - 1) / batchSize;
    }

    /** The number of samples in the dataset. */
    public int samples() {
        return samples;
    }

    /** The largest number of samples in a batch. */
    public int batchSize() {
        return batchSize;
    }

    /** True when every epoch visits the samples in a new random order. */
    public boolean shuffles() {
        return shuffle;
    }

    /** True when an incomplete last batch is left out. */
    public boolean dropsLast() {
        return dropLast;
    }

    /** The generator the loader draws from, or null for the default generator. */
    public Generator generator() {
        return generator;
    }

    /** One epoch; close it (or run it to the end) to stop its prefetch thread early. */
    @Override
    public BatchIterator<B> iterator() {
        return new BatchIterator<>(fetch, samples, batchSize, shuffle, size(), prefetch, generator);
    }

    /**
     * Settings of a {@link DataLoader}.
     *
     * @param <T> the sample type
     * @param <B> the batch type the collate function makes
     */
    public static final class Builder<T, B> {
        private final Dataset<T> dataset;
        private final Function<? super List<T>, ? extends B> collate;
        private int batchSize = 1;
        private boolean shuffle;
        private boolean dropLast;
        private boolean prefetch;
        private Generator generator;

        private Builder(Dataset<T> dataset, Function<? super List<T>, ? extends B> collate) {
            this.dataset = dataset;
            this.collate = collate;
        }

        /** Samples per batch (positive). */
        public Builder<T, B> batchSize(int batchSize) {
            if (batchSize <= 0) {
                throw new IllegalArgumentException("DataLoader: batchSize should be a positive integer, but got "
                        + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /** Whether each epoch visits the samples in a new random order. */
        public Builder<T, B> shuffle(boolean shuffle) {
            this.shuffle = shuffle;
            return this;
        }

        /** The generator for shuffling and the per-epoch seed draw (null: the default generator). */
        public Builder<T, B> generator(Generator generator) {
            this.generator = generator;
            return this;
        }

        /** Whether to leave out the last batch when it has fewer than {@code batchSize} samples. */
        public Builder<T, B> dropLast(boolean dropLast) {
            this.dropLast = dropLast;
            return this;
        }

        /** Whether to make the next batch on a background thread while the caller uses the current one. */
        public Builder<T, B> prefetch(boolean prefetch) {
            this.prefetch = prefetch;
            return this;
        }

        /** The same settings with another function from a list of samples to a batch. */
        public <C> Builder<T, C> collate(Function<? super List<T>, ? extends C> collate) {
            Builder<T, C> b = new Builder<>(dataset, collate);
            b.batchSize = batchSize;
            b.shuffle = shuffle;
            b.dropLast = dropLast;
            b.prefetch = prefetch;
            b.generator = generator;
            return b;
        }

        /** The loader. */
        public DataLoader<B> build() {
            return new DataLoader<>(this);
        }

        private Function<int[], B> fetcher() {
            Dataset<T> d = dataset;
            Function<? super List<T>, ? extends B> c = collate;
            return indices -> {
                List<T> batch = new ArrayList<>(indices.length);
                for (int i : indices) batch.add(d.get(i));
                return c.apply(batch);
            };
        }
    }
}
