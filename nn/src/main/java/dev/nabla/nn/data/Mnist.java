package dev.nabla.nn.data;

import dev.nabla.Tensor;
import dev.nabla.nn.io.FileFormatException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The MNIST digits from a directory in the original distribution's layout ({@code train-images-idx3-ubyte},
 * {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte}, {@code t10k-labels-idx1-ubyte}, each raw or
 * with a {@code .gz} suffix), with the normalization of PyTorch's classic MNIST example.
 */
public final class Mnist {
    /** The mean pixel of the MNIST training set scaled to [0, 1], as in {@code Normalize((0.1307,), ...)}. */
    public static final double MEAN = 0.1307;
    /** The pixel standard deviation after scaling to [0, 1], as in {@code Normalize(..., (0.3081,))}. */
    public static final double STD = 0.3081;
    /** The number of classes (digits 0 to 9). */
    public static final int CLASSES = 10;

    private Mnist() {
    }

    /**
     * One split: images as FLOAT32 [N, 28, 28] (pixel values 0..255, or normalized) and labels as INT64 [N].
     *
     * @param images the images
     * @param labels the digit of each image
     */
    public record Split(Tensor images, Tensor labels) {
        /** The split as a dataset of {@code [image, label]} pairs. */
        public TensorDataset dataset() {
            return new TensorDataset(images, labels);
        }

        /** The number of digits. */
        public int size() {
            return labels.size(0);
        }
    }

    /** The training split ({@code train = true}) or the test split ({@code t10k}), pixel values 0..255. */
    public static Split load(Path directory, boolean train) throws IOException {
        String prefix = train ? "train" : "t10k";
        return read(find(directory, prefix + "-images-idx3-ubyte"), find(directory, prefix + "-labels-idx1-ubyte"));
    }

    /** As {@link #load(Path, boolean)}, with the images normalized by {@link #normalize} when asked. */
    public static Split load(Path directory, boolean train, boolean normalized) throws IOException {
        Split raw = load(directory, train);
        return normalized ? new Split(normalize(raw.images()), raw.labels()) : raw;
    }

    /** Images and labels from the two IDX files, checked to hold the same number of digits, each label 0..9. */
    public static Split read(Path imagesFile, Path labelsFile) throws IOException {
        Tensor images = Idx.readImages(imagesFile);
        Tensor labels = Idx.readLabels(labelsFile);
        if (images.size(0) != labels.size(0)) {
            throw new FileFormatException(labelsFile, "labels/images count mismatch: " + labels.size(0)
                    + " labels for the " + images.size(0) + " images of " + imagesFile);
        }
        long[] values = labels.toLongArray();
        for (int i = 0; i < values.length; i++) {
            if (values[i] >= CLASSES) {
                throw new FileFormatException(labelsFile, "label " + values[i] + " at index " + i
                        + " is not a digit 0-9");
            }
        }
        return new Split(images, labels);
    }

    /**
     * {@code ToTensor()} then {@code Normalize((0.1307,), (0.3081,))}: pixel values 0..255 become
     * {@code (v / 255 - 0.1307) / 0.3081}, in the images' floating dtype; {@code Mnist::normalize} is a transform.
     */
    public static Tensor normalize(Tensor images) {
        return images.div(255.0).sub(MEAN).div(STD);
    }

    /** {@code name} in {@code directory}, raw or with {@code .gz}; an error naming both when neither exists. */
    private static Path find(Path directory, String name) throws NoSuchFileException {
        Path raw = directory.resolve(name);
        if (Files.isRegularFile(raw)) return raw;
        Path gz = directory.resolve(name + ".gz");
        if (Files.isRegularFile(gz)) return gz;
        throw new NoSuchFileException(raw.toString(), gz.toString(), "MNIST: neither file exists");
    }
}
