package dev.nabla.nn.data;

import dev.nabla.DType;
import dev.nabla.Device;
import dev.nabla.Generator;
import dev.nabla.Nabla;
import dev.nabla.TensorOptions;

import java.lang.ref.Cleaner;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One epoch of a {@link DataLoader}. With prefetch, a single daemon thread makes batch {@code i + 1} while the
 * caller holds batch {@code i}; the thread stops when the epoch ends, when a batch fails (its exception is rethrown
 * to the caller, and the epoch ends there), on {@link #close()}, or once an abandoned iterator is garbage.
 *
 * @param <B> the batch type
 */
public final class BatchIterator<B> implements Iterator<B>, AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();

    private final Function<int[], B> fetch;
    private final int samples;
    private final int batchSize;
    private final boolean shuffle;
    private final boolean prefetch;
    private final Generator generator;
    private final int batches;

    private int[] order;
    private int next;
    private boolean finished;
    private ExecutorService worker;
    private Cleaner.Cleanable stopWorker;
    private Future<B> pending;

    BatchIterator(Function<int[], B> fetch, int samples, int batchSize, boolean shuffle, int batches,
                  boolean prefetch, Generator generator) {
        this.fetch = fetch;
        this.samples = samples;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.prefetch = prefetch;
        this.generator = generator;
        this.batches = batches;
        draw64(generator != null ? generator : Generator.defaultGenerator());
    }

    /** True while the epoch has batches left; the first call draws the epoch's order. */
    @Override
    public boolean hasNext() {
        if (order == null && !finished) start();
        if (next < batches && !finished) return true;
        if (!finished) {
            finished = true;
            // RandomSampler's last `yield from randperm(n)[:0]`: drawn when the epoch runs to its end.
            if (shuffle && generator != null && samples > 0) Nabla.randperm(generator, samples);
            stopWorker(true);
        }
        return false;
    }

    /** The next batch; a failure to make it is rethrown here and ends the epoch. */
    @Override
    public B next() {
        if (!hasNext()) throw new NoSuchElementException("DataLoader: the epoch has no more batches");
        int i = next++;
        try {
            if (worker == null) return fetch.apply(indices(i));
            Future<B> current = pending;
            pending = next < batches ? submit(next) : null;
            B batch = await(current);
            if (pending == null) stopWorker(true);
            return batch;
        } catch (RuntimeException | Error e) {
            finished = true;
            stopWorker(false);
            throw e;
        }
    }

    /** Ends the epoch now and stops the prefetch thread; later {@code hasNext()} calls return false. */
    @Override
    public void close() {
        finished = true;
        stopWorker(false);
    }

    private void start() {
        if (shuffle && samples > 0) {
            Generator g = generator;
            // Without a generator PyTorch's RandomSampler seeds a fresh one from random_() on the default one.
            if (g == null) g = new Generator(draw64(Generator.defaultGenerator()) & Long.MAX_VALUE);
            long[] perm = Nabla.randperm(g, samples).toLongArray();
            order = new int[samples];
            for (int k = 0; k < samples; k++) order[k] = (int) perm[k];
        } else {
            order = new int[samples];
            Arrays.setAll(order, k -> k);
        }
        if (prefetch && batches > 0) {
            worker = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "nabla-dataloader-prefetch");
                t.setDaemon(true);
                return t;
            });
            stopWorker = CLEANER.register(this, worker::shutdownNow);
            pending = submit(0);
        }
    }

    private int[] indices(int batch) {
        return Arrays.copyOfRange(order, batch * batchSize, Math.min(samples, (batch + 1) * batchSize));
    }

    private Future<B> submit(int batch) {
        int[] idx = indices(batch);
        Function<int[], B> f = fetch;
        return worker.submit(() -> f.apply(idx));
    }

    private B await(Future<B> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) throw (RuntimeException) cause;
            if (cause instanceof Error) throw (Error) cause;
            throw new IllegalStateException("DataLoader: making a batch failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("DataLoader: interrupted while waiting for the next batch", e);
        }
    }

    private void stopWorker(boolean idle) {
        if (worker == null) return;
        ExecutorService w = worker;
        worker = null;
        pending = null;
        stopWorker.clean();
        if (idle) {
            try {
                w.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One 64-bit draw, as PyTorch's {@code torch.empty((), dtype=torch.int64).random_(generator=g)}. */
    private static long draw64(Generator g) {
        // [MIN, MAX) spans 2^64 - 1 values: one random64() draw, returned as itself (but for the all-ones draw).
        long v = Nabla.randint(g, TensorOptions.of(DType.INT64).device(Device.cpu()), Long.MIN_VALUE, Long.MAX_VALUE)
                .itemLong();
        return v - Long.MIN_VALUE;
    }
}
