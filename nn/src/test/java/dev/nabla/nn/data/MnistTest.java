package dev.nabla.nn.data;

import dev.nabla.DType;
import dev.nabla.Tensor;
import dev.nabla.nn.io.FileFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MnistTest {
    /** The class counts over all 10,000 digits, from data/mnist-10k/README.md. */
    private static final long[] README_CLASS_COUNTS = {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978};

    @TempDir
    Path dir;

    @Test
    void readsTheSharedSampleWithTheREADMEsCounts() throws IOException {
        Mnist.Split train = Mnist.load(SampleData.mnist10k(), true);
        Mnist.Split test = Mnist.load(SampleData.mnist10k(), false);
        assertArrayEquals(new int[] {8000, 28, 28}, train.images().shape());
        assertArrayEquals(new int[] {2000, 28, 28}, test.images().shape());
        assertArrayEquals(new int[] {8000}, train.labels().shape());
        assertArrayEquals(new int[] {2000}, test.labels().shape());
        assertEquals(DType.FLOAT32, train.images().dtype());
        assertEquals(DType.INT64, train.labels().dtype());
        long[] counts = new long[10];
        for (long label : train.labels().toLongArray()) counts[(int) label]++;
        for (long label : test.labels().toLongArray()) counts[(int) label]++;
        assertArrayEquals(README_CLASS_COUNTS, counts);
        assertEquals(10_000, Arrays.stream(counts).sum());
        // The first training labels, as Python's gzip module and a byte slice decode them.
        assertArrayEquals(new long[] {9, 7, 4, 8, 0, 9, 9, 5, 3, 9}, Arrays.copyOf(train.labels().toLongArray(), 10));
        float[] pixels = test.images().toFloatArray();
        for (float p : pixels) assertTrue(p >= 0 && p <= 255 && p == Math.rint(p), "pixel " + p);
        assertEquals(8000, train.dataset().size());
    }

    @Test
    void normalizationMatchesToTensorThenNormalize() throws IOException {
        Mnist.Split train = Mnist.load(SampleData.mnist10k(), true, true);
        float[] x = train.images().toFloatArray();
        double mean = 0;
        for (float v : x) mean += v;
        mean /= x.length;
        double var = 0;
        for (float v : x) var += (v - mean) * (v - mean);
        double std = Math.sqrt(var / x.length);
        assertEquals(0, mean, 0.05, "MNIST's mean 0.1307 and std 0.3081 should centre the sample");
        assertEquals(1, std, 0.05);

        Tensor raw = dev.nabla.Nabla.tensor(new float[] {0, 255, 51});
        assertArrayEquals(new float[] {(float) (-0.1307 / 0.3081), (float) ((1 - 0.1307) / 0.3081),
                (float) ((0.2 - 0.1307) / 0.3081)}, Mnist.normalize(raw).toFloatArray(), 1e-5f);
    }

    @Test
    void rawAndGzipFilesGiveTheSameTensorsWhateverTheirNames() throws IOException {
        Path sample = SampleData.mnist10k();
        for (String name : new String[] {"t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"}) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(sample.resolve(name + ".gz")))) {
                Files.write(dir.resolve(name), in.readAllBytes());
            }
        }
        Mnist.Split gz = Mnist.load(sample, false);
        Mnist.Split raw = Mnist.load(dir, false);
        assertArrayEquals(gz.images().toFloatArray(), raw.images().toFloatArray());
        assertArrayEquals(gz.labels().toLongArray(), raw.labels().toLongArray());

        Path rawNamedGz = Files.copy(dir.resolve("t10k-labels-idx1-ubyte"), dir.resolve("labels-really-raw.gz"));
        Path gzNamedRaw = Files.copy(sample.resolve("t10k-labels-idx1-ubyte.gz"), dir.resolve("labels-really-gz"));
        assertArrayEquals(gz.labels().toLongArray(), Idx.readLabels(rawNamedGz).toLongArray());
        assertArrayEquals(gz.labels().toLongArray(), Idx.readLabels(gzNamedRaw).toLongArray());
    }

    @Test
    void readsAHandAssembledIdxFile() throws IOException {
        Path images = write("images", idx(2051, new int[] {2, 2, 3}, 0, 255, 128, 7, 1, 2, 3, 4, 5, 6, 200, 9));
        Tensor t = Idx.readImages(images);
        assertArrayEquals(new int[] {2, 2, 3}, t.shape());
        assertArrayEquals(new float[] {0, 255, 128, 7, 1, 2, 3, 4, 5, 6, 200, 9}, t.toFloatArray());
        Path labels = write("labels", gzip(idx(2049, new int[] {2}, 9, 0)));
        assertArrayEquals(new long[] {9, 0}, Idx.readLabels(labels).toLongArray());
        Mnist.Split split = Mnist.read(images, labels);
        assertEquals(2, split.size());
    }

    @Test
    void rejectsCorruptIdxFilesNamingTheFileAndTheProblem() throws IOException {
        byte[] good = idx(2051, new int[] {2, 2, 2}, 1, 2, 3, 4, 5, 6, 7, 8);
        assertImagesRejected(idx(2049, new int[] {8}, 1, 2, 3, 4, 5, 6, 7, 8),
                "wrong magic number 2049 (0x801); an idx3-ubyte image file starts with 2051 (0x803)");
        assertImagesRejected(Arrays.copyOf(good, 10), "truncated header: 10 bytes, while an idx3-ubyte image header "
                + "has 16");
        assertImagesRejected(new byte[0], "truncated header: 0 bytes");
        assertImagesRejected(Arrays.copyOf(good, good.length - 1), "truncated payload: the header sizes [2, 2, 2] "
                + "need 8 bytes of data, but the file has only 7");
        assertImagesRejected(Arrays.copyOf(good, good.length + 3), "header/length mismatch: more data follows the 8 "
                + "bytes");
        byte[] gz = gzip(good);
        assertImagesRejected(Arrays.copyOf(gz, gz.length - 12), "truncated gzip data");
        byte[] garbled = gz.clone();
        for (int i = 12; i < garbled.length - 8; i++) garbled[i] ^= 0x5a;
        assertImagesRejected(garbled, "corrupt gzip data");
        assertImagesRejected(idx(2051, new int[] {-1, 28, 28}), "describe more bytes than an array can hold");
    }

    @Test
    void rejectsMismatchedOrOutOfRangeLabels() throws IOException {
        Path images = write("images", idx(2051, new int[] {3, 1, 1}, 1, 2, 3));
        Path twoLabels = write("two", idx(2049, new int[] {2}, 1, 2));
        FileFormatException e = assertThrows(FileFormatException.class, () -> Mnist.read(images, twoLabels));
        assertTrue(e.getMessage().startsWith(twoLabels + ": labels/images count mismatch: 2 labels for the 3 images"),
                e.getMessage());
        Path badLabel = write("bad", idx(2049, new int[] {3}, 1, 10, 2));
        e = assertThrows(FileFormatException.class, () -> Mnist.read(images, badLabel));
        assertTrue(e.getMessage().endsWith("label 10 at index 1 is not a digit 0-9"), e.getMessage());
        assertThrows(NoSuchFileException.class, () -> Mnist.load(dir.resolve("nowhere"), true));
    }

    private void assertImagesRejected(byte[] contents, String problem) throws IOException {
        Path file = write("corrupt", contents);
        FileFormatException e = assertThrows(FileFormatException.class, () -> Idx.readImages(file));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    private Path write(String name, byte[] contents) throws IOException {
        return Files.write(dir.resolve(name), contents);
    }

    /** An IDX file: big-endian magic and sizes, then the given bytes. */
    private static byte[] idx(int magic, int[] sizes, int... data) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * sizes.length + data.length);
        b.putInt(magic);
        for (int s : sizes) b.putInt(s);
        for (int v : data) b.put((byte) v);
        return b.array();
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        }
        return out.toByteArray();
    }
}
