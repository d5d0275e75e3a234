package dev.nabla.nn.data;

import dev.nabla.Generator;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetsTest {

    @Test
    void tensorDatasetReturnsTheRowsOfEachTensor() {
        Tensor x = Nabla.tensor(new float[] {1, 2, 3, 4, 5, 6}, 3, 2);
        Tensor y = Nabla.tensor(new long[] {7, 8, 9});
        TensorDataset d = new TensorDataset(x, y);
        assertEquals(3, d.size());
        List<Tensor> row = d.get(1);
        assertArrayEquals(new float[] {3, 4}, row.get(0).toFloatArray());
        assertArrayEquals(new int[] {2}, row.get(0).shape());
        assertEquals(8, row.get(1).itemLong());
        assertArrayEquals(new int[0], row.get(1).shape());
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> d.get(3));
        assertEquals("TensorDataset: index 3 is out of range for a dataset of 3 samples", e.getMessage());
    }

    @Test
    void tensorDatasetRejectsTensorsOfDifferentLengths() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TensorDataset(Nabla.zeros(3, 2), Nabla.zeros(4)));
        assertTrue(e.getMessage().contains("tensor 0 has shape [3, 2] and tensor 1 has shape [4]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TensorDataset(Nabla.tensor(1.0)));
    }

    @Test
    void subsetReadsTheGivenIndicesInOrder() {
        TensorDataset d = new TensorDataset(Nabla.arange(10));
        Subset<List<Tensor>> s = new Subset<>(d, new int[] {9, 0, 4});
        assertEquals(3, s.size());
        assertEquals(9, s.get(0).get(0).itemLong());
        assertEquals(0, s.get(1).get(0).itemLong());
        assertEquals(4, s.get(2).get(0).itemLong());
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                () -> new Subset<>(d, new int[] {1, 10}));
        assertEquals("Subset: indices[1] = 10 is out of range for a dataset of 10 samples", e.getMessage());
    }

    @Test
    void randomSplitCutsOnePermutationIntoDisjointPieces() {
        TensorDataset d = new TensorDataset(Nabla.arange(10));
        List<Subset<List<Tensor>>> parts = Datasets.randomSplit(d, new int[] {3, 7}, new Generator(5));
        long[] perm = Nabla.randperm(new Generator(5), 10).toLongArray();
        assertEquals(3, parts.get(0).size());
        assertEquals(7, parts.get(1).size());
        Set<Long> seen = new HashSet<>();
        int k = 0;
        for (Subset<List<Tensor>> part : parts) {
            for (int i = 0; i < part.size(); i++) {
                long sample = part.get(i).get(0).itemLong();
                assertEquals(perm[k++], sample);
                assertTrue(seen.add(sample), "sample " + sample + " is in two splits");
            }
        }
        assertEquals(10, seen.size());
    }

    @Test
    void randomSplitByFractionsGivesTheRemainderToTheFirstSplits() {
        assertSizes(new int[] {8000, 2000}, 10_000, new double[] {0.8, 0.2});
        assertSizes(new int[] {4, 3, 4}, 11, new double[] {0.3, 0.3, 0.4}); // floors 3, 3, 4 and one left over
        assertSizes(new int[] {3, 2}, 5, new double[] {0.5, 0.5});
        assertSizes(new int[] {1, 0, 2}, 3, new double[] {0.1, 0.2, 0.7}); // floors 0, 0, 2 and one left over
    }

    @Test
    void randomSplitRejectsBadLengthsAndFractions() {
        TensorDataset d = new TensorDataset(Nabla.arange(10));
        Generator g = new Generator(0);
        assertMessage(() -> Datasets.randomSplit(d, new int[] {3, 6}, g), "sum of input lengths [3, 6] = 9 does "
                + "not equal the length of the input dataset (10)");
        assertMessage(() -> Datasets.randomSplit(d, new int[] {11, -1}, g), "length at index 1 is negative");
        assertMessage(() -> Datasets.randomSplit(d, new double[] {0.5, 0.4}, g), "add up to 0.9");
        assertMessage(() -> Datasets.randomSplit(d, new double[] {1.5, -0.5}, g), "fraction at index 0 is not "
                + "between 0 and 1");
    }

    private static void assertSizes(int[] expected, int n, double[] fractions) {
        List<Subset<List<Tensor>>> parts = Datasets.randomSplit(new TensorDataset(Nabla.zeros(n)), fractions,
                new Generator(1));
        int[] sizes = parts.stream().mapToInt(Subset::size).toArray();
        assertArrayEquals(expected, sizes);
    }

    private static void assertMessage(Runnable r, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
