package dev.nabla.cpu;

import dev.nabla.spi.Parallelism;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.function.IntConsumer;

/**
 * The shared intra-op thread pool. Callers split work into tasks whose boundaries do not depend on the thread
 * count whenever the order of floating-point operations could change, so results are bit-identical for any setting.
 */
final class Parallel {
    private static final ForkJoinPool POOL = new ForkJoinPool(Math.max(1, Runtime.getRuntime().availableProcessors()),
            pool -> {
                ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
                t.setName("nabla-cpu-" + t.getPoolIndex());
                t.setDaemon(true);
                return t;
            }, null, false);

    private Parallel() {
    }

    /** Threads an op may use now: the configured count, or 1 inside a pool thread (no nested parallelism). */
    static int threads() {
        if (Thread.currentThread() instanceof ForkJoinWorkerThread w && w.getPool() == POOL) return 1;
        return Parallelism.numThreads();
    }

    /** Runs {@code body(0) .. body(tasks-1)}, concurrently when more than one thread is allowed. */
    static void forEach(int tasks, IntConsumer body) {
        int threads = Math.min(threads(), tasks);
        if (threads <= 1) {
            for (int t = 0; t < tasks; t++) body.accept(t);
            return;
        }
        // Task t runs on worker t % threads, so at most `threads` workers are busy whatever `tasks` is.
        ForkJoinTask<?>[] forks = new ForkJoinTask<?>[threads - 1];
        for (int w = 1; w < threads; w++) {
            int worker = w;
            forks[w - 1] = POOL.submit(() -> {
                for (int t = worker; t < tasks; t += threads) body.accept(t);
            });
        }
        RuntimeException failure = null;
        try {
            for (int t = 0; t < tasks; t += threads) body.accept(t);
        } catch (RuntimeException e) {
            failure = e;
        }
        for (ForkJoinTask<?> f : forks) {
            try {
                f.join();
            } catch (RuntimeException e) {
                if (failure == null) failure = e;
            }
        }
        if (failure != null) throw failure;
    }

    /** How many tasks of at least {@code grain} units to cut {@code work} into for the current thread count. */
    static int tasksFor(long work, long grain) {
        int threads = threads();
        if (threads <= 1 || work < 2 * grain) return 1;
        return (int) Math.min(threads, work / grain);
    }
}
