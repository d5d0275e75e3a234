package dev.nabla.nn.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file all at once or not at all: the bytes go to a temporary file beside the target, are forced to disk,
 * and the temporary file then replaces the target in one rename. A failure or crash on the way leaves the old
 * target (or none) in place.
 */
final class AtomicFile {
    private AtomicFile() {
    }

    /** What writes the file's contents. */
    @FunctionalInterface
    interface Body {
        /** Writes the contents to {@code out}. */
        void write(OutputStream out) throws IOException;
    }

    /** Writes {@code file} with what {@code body} writes; on any failure the temporary file is deleted. */
    static void write(Path file, Body body) throws IOException {
        Path target = file.toAbsolutePath();
        Path temp = createTemp(target);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                body.write(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** A new empty file beside {@code target}, with the default permissions a plain new file gets. */
    private static Path createTemp(Path target) throws IOException {
        for (int attempt = 0; ; attempt++) {
            String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong());
            Path temp = target.resolveSibling("." + target.getFileName() + "." + suffix + ".tmp");
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 100) throw e;
            }
        }
    }
}
