package dev.nabla.nn.data;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.nn.io.FileFormatException;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reader of the IDX files MNIST ships in: a big-endian header (magic number {@code 0x0000 08 nd}: unsigned bytes
 * in {@code nd} dimensions, then {@code nd} 32-bit sizes) followed by the bytes in row-major order. A file may be
 * raw or gzip-compressed; which is told by its first bytes, not by its name.
 */
public final class Idx {
    /** The magic number of an {@code idx3-ubyte} image file (2051). */
    public static final int IMAGES_MAGIC = 0x803;
    /** The magic number of an {@code idx1-ubyte} label file (2049). */
    public static final int LABELS_MAGIC = 0x801;

    private Idx() {
    }

    /** The images of an idx3-ubyte file as a FLOAT32 tensor [N, rows, cols] holding the pixel values 0..255. */
    public static Tensor readImages(Path file) throws IOException {
        Contents c = read(file, IMAGES_MAGIC, "idx3-ubyte image");
        float[] pixels = new float[c.bytes.length];
        for (int i = 0; i < pixels.length; i++) pixels[i] = c.bytes[i] & 0xff;
        return Nabla.tensor(pixels, c.dims);
    }

    /** The labels of an idx1-ubyte file as an INT64 tensor [N]. */
    public static Tensor readLabels(Path file) throws IOException {
        Contents c = read(file, LABELS_MAGIC, "idx1-ubyte label");
        long[] labels = new long[c.bytes.length];
        for (int i = 0; i < labels.length; i++) labels[i] = c.bytes[i] & 0xff;
        return Nabla.tensor(labels, c.dims);
    }

    private record Contents(int[] dims, byte[] bytes) {
    }

    private static Contents read(Path file, int magic, String kind) throws IOException {
        try (InputStream in = open(file)) {
            int rank = magic & 0xff;
            byte[] header = in.readNBytes(4 + 4 * rank);
            if (header.length < 4) {
                throw new FileFormatException(file, "truncated header: " + header.length + " bytes, while an "
                        + kind + " file starts with a 4-byte magic number");
            }
            ByteBuffer h = ByteBuffer.wrap(header); // big-endian, as IDX is
            int found = h.getInt();
            if (found != magic) {
                throw new FileFormatException(file, "wrong magic number " + found + " (0x"
                        + Integer.toHexString(found) + "); an " + kind + " file starts with " + magic + " (0x"
                        + Integer.toHexString(magic) + ")");
            }
            if (header.length < 4 + 4 * rank) {
                throw new FileFormatException(file, "truncated header: " + header.length + " bytes, while an " + kind
                        + " header has " + (4 + 4 * rank) + " (magic number and " + rank + " sizes)");
            }
            int[] dims = new int[rank];
            long total = 1;
            for (int d = 0; d < rank; d++) {
                long size = h.getInt() & 0xffffffffL;
                total *= size;
                if (size > Integer.MAX_VALUE || total > Integer.MAX_VALUE - 8) {
                    throw new FileFormatException(file, "header sizes " + sizes(header, rank)
                            + " describe more bytes than an array can hold");
                }
                dims[d] = (int) size;
            }
            byte[] payload = in.readNBytes((int) total);
            if (payload.length < total) {
                throw new FileFormatException(file, "truncated payload: the header sizes " + Arrays.toString(dims)
                        + " need " + total + " bytes of data, but the file has only " + payload.length);
            }
            if (in.read() != -1) {
                throw new FileFormatException(file, "header/length mismatch: more data follows the " + total
                        + " bytes that the header sizes " + Arrays.toString(dims) + " describe");
            }
            return new Contents(dims, payload);
        } catch (EOFException e) {
            throw new FileFormatException(file, "truncated gzip data: " + e.getMessage(), e);
        } catch (ZipException e) {
            throw new FileFormatException(file, "corrupt gzip data: " + e.getMessage(), e);
        }
    }

    /** The file's bytes, decompressed when it starts with the gzip magic bytes 1f 8b. */
    private static InputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            return gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
        } catch (IOException | RuntimeException e) {
            raw.close();
            if (e instanceof ZipException || e instanceof EOFException) {
                throw new FileFormatException(file, "corrupt gzip header: " + e.getMessage(), e);
            }
            throw e;
        }
    }

    private static String sizes(byte[] header, int rank) {
        ByteBuffer h = ByteBuffer.wrap(header, 4, 4 * rank);
        long[] s = new long[rank];
        for (int d = 0; d < rank; d++) s[d] = h.getInt() & 0xffffffffL;
        return Arrays.toString(s);
    }
}
