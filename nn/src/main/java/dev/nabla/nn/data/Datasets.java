package dev.nabla.nn.data;

import dev.nabla.Generator;
import dev.nabla.Nabla;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Functions over datasets, as in PyTorch's {@code torch.utils.data}: {@code random_split}. */
public final class Datasets {
    private Datasets() {
    }

    /**
     * Splits {@code dataset} into non-overlapping subsets of the given lengths, which must add up to its size, as
     * PyTorch's {@code random_split(dataset, lengths, generator)}: one {@code randperm(size)} drawn from
     * {@code generator} is cut into consecutive pieces, so a seed gives the same split as PyTorch.
     */
    public static <T> List<Subset<T>> randomSplit(Dataset<T> dataset, int[] lengths, Generator generator) {
        long sum = 0;
        for (int i = 0; i < lengths.length; i++) {
            if (lengths[i] < 0) {
                throw new IllegalArgumentException("randomSplit: length at index " + i + " is negative: " + lengths[i]);
            }
            sum += lengths[i];
        }
        if (sum != dataset.size()) {
            throw new IllegalArgumentException("randomSplit: sum of input lengths " + Arrays.toString(lengths) + " = "
                    + sum + " does not equal the length of the input dataset (" + dataset.size() + ")");
        }
        long[] perm = Nabla.randperm(generator, dataset.size()).toLongArray();
        List<Subset<T>> out = new ArrayList<>(lengths.length);
        int offset = 0;
        for (int length : lengths) {
            int[] indices = new int[length];
            for (int j = 0; j < length; j++) indices[j] = (int) perm[offset + j];
            offset += length;
            out.add(new Subset<>(dataset, indices));
        }
        return out;
    }

    /**
     * Splits {@code dataset} by fractions that add up to 1, as PyTorch's {@code random_split} with fractions: each
     * split gets {@code floor(size * fraction)} samples and the remainder goes one by one to the splits in order.
     */
    public static <T> List<Subset<T>> randomSplit(Dataset<T> dataset, double[] fractions, Generator generator) {
        double sum = 0;
        for (int i = 0; i < fractions.length; i++) {
            if (!(fractions[i] >= 0 && fractions[i] <= 1)) {
                throw new IllegalArgumentException("randomSplit: fraction at index " + i + " is not between 0 and 1: "
                        + fractions[i]);
            }
            sum += fractions[i];
        }
        // PyTorch's test: math.isclose(sum, 1) (relative tolerance 1e-9) and sum <= 1.
        if (!(Math.abs(sum - 1) <= 1e-9 * Math.max(Math.abs(sum), 1) && sum <= 1)) {
            throw new IllegalArgumentException("randomSplit: fractions " + Arrays.toString(fractions) + " add up to "
                    + sum + ", not 1");
        }
        int n = dataset.size();
        int[] lengths = new int[fractions.length];
        int assigned = 0;
        for (int i = 0; i < fractions.length; i++) {
            lengths[i] = (int) Math.floor(n * fractions[i]);
            assigned += lengths[i];
        }
        for (int i = 0; i < n - assigned; i++) lengths[i % lengths.length]++;
        return randomSplit(dataset, lengths, generator);
    }
}
