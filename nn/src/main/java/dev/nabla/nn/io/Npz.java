package dev.nabla.nn.io;

import dev.nabla.Tensor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * NumPy's {@code .npz} archives: a zip file with one {@code .npy} entry per array, named {@code key.npy}, as
 * {@code np.savez} (stored) and {@code np.savez_compressed} (deflated) write them and {@code np.load} reads them.
 */
public final class Npz {
    // A fixed entry time keeps archives of the same arrays byte-identical.
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private Npz() {
    }

    /** Writes {@code arrays} uncompressed, as {@code np.savez(file, **arrays)}, atomically. */
    public static void save(Path file, Map<String, Tensor> arrays) throws IOException {
        write(file, arrays, false);
    }

    /** Writes {@code arrays} deflated, as {@code np.savez_compressed(file, **arrays)}, atomically. */
    public static void saveCompressed(Path file, Map<String, Tensor> arrays) throws IOException {
        write(file, arrays, true);
    }

    /** Reads every array of the archive by key, in archive order; a bad archive is a {@link FileFormatException}. */
    public static Map<String, Tensor> load(Path file) throws IOException {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new FileFormatException(file, "not a valid .npz (zip) archive: " + e.getMessage(), e);
        }
        try (zip) {
            Map<String, Tensor> out = new LinkedHashMap<>();
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String name = e.getName();
                if (!name.endsWith(".npy") || e.isDirectory()) {
                    throw new FileFormatException(file, "entry '" + name + "' is not a .npy file");
                }
                String key = name.substring(0, name.length() - 4);
                if (out.containsKey(key)) throw new FileFormatException(file, "duplicate entry '" + name + "'");
                try (InputStream in = zip.getInputStream(e)) {
                    out.put(key, Npy.read(in, file, name, e.getSize()));
                } catch (ZipException bad) {
                    throw new FileFormatException(file, "entry '" + name + "': corrupt data: " + bad.getMessage(), bad);
                }
            }
            return Collections.unmodifiableMap(out);
        }
    }

    private static void write(Path file, Map<String, Tensor> arrays, boolean deflate) throws IOException {
        for (String key : arrays.keySet()) {
            if (key.isEmpty()) throw new IllegalArgumentException("Npz.save: an array key must not be empty");
        }
        AtomicFile.write(file, out -> {
            try (ZipOutputStream zip = new ZipOutputStream(nonClosing(out))) {
                writeEntries(zip, arrays, deflate);
            }
        });
    }

    private static void writeEntries(ZipOutputStream zip, Map<String, Tensor> arrays, boolean deflate)
            throws IOException {
        for (Map.Entry<String, Tensor> a : arrays.entrySet()) {
            ZipEntry e = new ZipEntry(a.getKey() + ".npy");
            e.setTimeLocal(ENTRY_TIME);
            if (deflate) {
                e.setMethod(ZipEntry.DEFLATED);
            } else {
                // A stored entry's size and CRC go before its data: measure the .npy bytes first.
                CRC32 crc = new CRC32();
                CountingStream counter = new CountingStream();
                Npy.write(new CheckedOutputStream(counter, crc), a.getValue());
                e.setMethod(ZipEntry.STORED);
                e.setSize(counter.count);
                e.setCompressedSize(counter.count);
                e.setCrc(crc.getValue());
            }
            zip.putNextEntry(e);
            Npy.write(zip, a.getValue());
            zip.closeEntry();
        }
    }

    /** Counts the bytes written to it and keeps none. */
    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    /** {@code out} with {@code close()} left to its owner, so that finishing the zip does not close the file. */
    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
