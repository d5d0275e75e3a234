package dev.nabla.nn.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where the repository's sample data lies, from the nn module (as Maven runs tests) or the repository root. */
public final class SampleData {
    private SampleData() {
    }

    /** The directory of the 10,000-digit MNIST sample ({@code data/mnist-10k} at the repository root). */
    public static Path mnist10k() {
        List<Path> tried = List.of(Path.of("..", "data", "mnist-10k"), Path.of("data", "mnist-10k"));
        for (Path p : tried) {
            if (Files.isRegularFile(p.resolve("train-images-idx3-ubyte.gz"))) return p;
        }
        throw new IllegalStateException("the MNIST sample is in neither " + tried + " (working directory "
                + Path.of("").toAbsolutePath() + ")");
    }
}
