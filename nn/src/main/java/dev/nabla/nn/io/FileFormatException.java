package dev.nabla.nn.io;

import java.io.IOException;
import java.nio.file.Path;

/** A file that is corrupt, truncated or otherwise breaks its format; the message names the file and the problem. */
public class FileFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /** The {@code problem} found in {@code file}. */
    public FileFormatException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    /** The {@code problem} found in {@code file}, caused by {@code cause}. */
    public FileFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }
}
