package dev.nabla.nn.data;

import dev.nabla.DType;
import dev.nabla.Device;
import dev.nabla.Generator;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.TensorOptions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataLoaderTest {

    /** Samples 0..n-1 as [index] tensors, so a batch tells which samples it holds. */
    private static TensorDataset indices(int n) {
        return new TensorDataset(Nabla.arange(n));
    }

    /** Every sample index of one epoch, batch by batch. */
    private static List<long[]> epoch(DataLoader<List<Tensor>> loader) {
        List<long[]> out = new ArrayList<>();
        for (List<Tensor> batch : loader) out.add(batch.get(0).toLongArray());
        return out;
    }

    private static long[] flat(List<long[]> batches) {
        return batches.stream().flatMapToLong(Arrays::stream).toArray();
    }

    @Test
    void everyEpochVisitsEverySampleExactlyOnce() {
        for (int n : new int[] {1, 10, 23}) {
            for (int bs : new int[] {1, 4, 23, 30}) {
                for (int mode = 0; mode < 8; mode++) {
                    boolean shuffle = (mode & 1) != 0;
                    boolean dropLast = (mode & 2) != 0;
                    boolean prefetch = (mode & 4) != 0;
                    DataLoader<List<Tensor>> loader = DataLoader.builder(indices(n)).batchSize(bs).shuffle(shuffle)
                            .dropLast(dropLast).prefetch(prefetch).generator(new Generator(n * 100 + bs)).build();
                    String where = "n=" + n + " bs=" + bs + " shuffle=" + shuffle + " dropLast=" + dropLast
                            + " prefetch=" + prefetch;
                    int full = n / bs;
                    int expectedBatches = dropLast || n % bs == 0 ? full : full + 1;
                    assertEquals(expectedBatches, loader.size(), where);
                    for (int e = 0; e < 2; e++) {
                        List<long[]> batches = epoch(loader);
                        assertEquals(expectedBatches, batches.size(), where);
                        for (int b = 0; b < batches.size(); b++) {
                            int expectedSize = b < full ? bs : n % bs;
                            assertEquals(expectedSize, batches.get(b).length, where + " batch " + b);
                        }
                        long[] seen = flat(batches);
                        long[] sorted = seen.clone();
                        Arrays.sort(sorted);
                        for (int k = 1; k < sorted.length; k++) assertNotEquals(sorted[k - 1], sorted[k], where);
                        int visited = dropLast ? full * bs : n;
                        assertEquals(visited, seen.length, where);
                        if (!dropLast) {
                            for (int k = 0; k < n; k++) assertEquals(k, sorted[k], where);
                        }
                        if (!shuffle) {
                            for (int k = 0; k < seen.length; k++) assertEquals(k, seen[k], where);
                        }
                    }
                }
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameOrderAndEpochsDiffer() {
        DataLoader<List<Tensor>> a = DataLoader.builder(indices(100)).batchSize(7).shuffle(true)
                .generator(new Generator(42)).build();
        DataLoader<List<Tensor>> b = DataLoader.builder(indices(100)).batchSize(7).shuffle(true)
                .generator(new Generator(42)).prefetch(true).build();
        long[] a1 = flat(epoch(a));
        long[] a2 = flat(epoch(a));
        assertArrayEquals(a1, flat(epoch(b)));
        assertArrayEquals(a2, flat(epoch(b)));
        assertFalse(Arrays.equals(a1, a2), "two epochs gave the same order");
        long[] identity = new long[100];
        Arrays.setAll(identity, k -> k);
        assertFalse(Arrays.equals(a1, identity), "a shuffled epoch came out in order");
    }

    @Test
    void shufflingDrawsWhatPyTorchsDataLoaderDraws() {
        int n = 13;
        DataLoader<List<Tensor>> loader = DataLoader.builder(indices(n)).batchSize(5).shuffle(true)
                .generator(new Generator(7)).build();
        Generator g = new Generator(7);
        TensorOptions cpuLong = TensorOptions.of(DType.INT64).device(Device.cpu());
        for (int epoch = 0; epoch < 3; epoch++) {
            Nabla.randint(g, cpuLong, Long.MIN_VALUE, Long.MAX_VALUE); // the iterator's base seed
            long[] expected = Nabla.randperm(g, n).toLongArray();
            Nabla.randperm(g, n); // RandomSampler's trailing, empty slice of a second permutation
            assertArrayEquals(expected, flat(epoch(loader)), "epoch " + epoch);
        }
    }

    @Test
    void shufflingWithoutAGeneratorSeedsAFreshOneFromTheDefaultGenerator() {
        int n = 11;
        DataLoader<List<Tensor>> loader = DataLoader.builder(indices(n)).batchSize(4).shuffle(true).build();
        TensorOptions cpuLong = TensorOptions.of(DType.INT64).device(Device.cpu());
        Nabla.manualSeed(2024);
        long[] actual = flat(epoch(loader));
        long afterLoader = Nabla.randint(Generator.defaultGenerator(), cpuLong, 0, 1000).itemLong();

        Generator g = new Generator(2024);
        Nabla.randint(g, cpuLong, Long.MIN_VALUE, Long.MAX_VALUE);
        long seed = Nabla.randint(g, cpuLong, Long.MIN_VALUE, Long.MAX_VALUE).itemLong() - Long.MIN_VALUE;
        long[] expected = Nabla.randperm(new Generator(seed & Long.MAX_VALUE), n).toLongArray();
        assertArrayEquals(expected, actual);
        assertEquals(Nabla.randint(g, cpuLong, 0, 1000).itemLong(), afterLoader);
    }

    @Test
    void anUnshuffledEpochStillDrawsOneBaseSeed() {
        Generator used = new Generator(3);
        DataLoader<List<Tensor>> loader = DataLoader.builder(indices(5)).batchSize(2).generator(used).build();
        epoch(loader);
        Generator expected = new Generator(3);
        Nabla.randint(expected, TensorOptions.of(DType.INT64), Long.MIN_VALUE, Long.MAX_VALUE);
        assertArrayEquals(expected.getState(), used.getState());
    }

    @Test
    void aCollateFunctionMakesTheBatch() {
        DataLoader<Long> sums = DataLoader.builder(indices(10)).batchSize(4)
                .collate(samples -> samples.stream().mapToLong(s -> s.get(0).itemLong()).sum()).build();
        List<Long> out = new ArrayList<>();
        sums.forEach(out::add);
        assertEquals(List.of(0L + 1 + 2 + 3, 4L + 5 + 6 + 7, 8L + 9), out);
    }

    @Test
    void exceptionsInCollateReachTheCaller() {
        for (boolean prefetch : new boolean[] {false, true}) {
            IllegalStateException boom = new IllegalStateException("collate failed on purpose");
            DataLoader<Tensor> loader = DataLoader.builder(indices(10)).batchSize(3).prefetch(prefetch)
                    .collate(samples -> {
                        if (samples.get(0).get(0).itemLong() == 3) throw boom;
                        return samples.get(0).get(0);
                    }).build();
            BatchIterator<Tensor> it = loader.iterator();
            assertEquals(0, it.next().itemLong());
            IllegalStateException thrown = assertThrows(IllegalStateException.class, it::next);
            assertSame(boom, thrown, "prefetch=" + prefetch);
            assertFalse(it.hasNext(), "the epoch ends at a failed batch");
            assertThrows(NoSuchElementException.class, it::next);
            assertPrefetchThreadsEnd();
        }
    }

    @Test
    void exceptionsInTheDatasetReachTheCaller() {
        Dataset<Tensor> broken = new Dataset<>() {
            @Override
            public int size() {
                return 4;
            }

            @Override
            public Tensor get(int index) {
                if (index == 2) throw new IndexOutOfBoundsException("sample 2 is unreadable");
                return Nabla.tensor((long) index);
            }
        };
        DataLoader<Tensor> loader = DataLoader.builder(broken).batchSize(2).prefetch(true).build();
        BatchIterator<Tensor> it = loader.iterator();
        assertArrayEquals(new long[] {0, 1}, it.next().toLongArray());
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, it::next);
        assertEquals("sample 2 is unreadable", e.getMessage());
        assertPrefetchThreadsEnd();
    }

    @Test
    void prefetchMakesBatchesOnABackgroundThreadThatEnds() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        TensorDataset data = indices(9);
        Dataset<List<Tensor>> recording = new Dataset<>() {
            @Override
            public int size() {
                return data.size();
            }

            @Override
            public List<Tensor> get(int index) {
                threads.add(Thread.currentThread().getName());
                return data.get(index);
            }
        };
        DataLoader<List<Tensor>> loader = DataLoader.builder(recording).batchSize(2).prefetch(true).build();
        assertEquals(9, flat(epoch(loader)).length);
        assertEquals(Set.of("nabla-dataloader-prefetch"), threads);
        assertPrefetchThreadsEnd();

        BatchIterator<List<Tensor>> abandoned = loader.iterator();
        abandoned.next();
        abandoned.close();
        assertFalse(abandoned.hasNext());
        assertPrefetchThreadsEnd();
    }

    @Test
    void rejectsANonPositiveBatchSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataLoader.builder(indices(3)).batchSize(0));
        assertTrue(e.getMessage().contains("batchSize should be a positive integer, but got 0"), e.getMessage());
    }

    @Test
    void anEmptyDatasetHasNoBatches() {
        DataLoader<List<Tensor>> loader = DataLoader.builder(new TensorDataset(Nabla.zeros(0, 2))).batchSize(4)
                .shuffle(true).prefetch(true).generator(new Generator(1)).build();
        assertEquals(0, loader.size());
        assertEquals(Collections.emptyList(), epoch(loader));
    }

    private static void assertPrefetchThreadsEnd() {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().equals("nabla-dataloader-prefetch"))) {
            assertTrue(System.nanoTime() < deadline, "a prefetch thread is still running");
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
