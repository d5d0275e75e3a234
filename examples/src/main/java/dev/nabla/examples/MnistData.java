package dev.nabla.examples;

import dev.nabla.Tensor;
import dev.nabla.nn.data.Mnist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The 10,000-digit MNIST sample that ships with the repository, found from the root or from a module directory. */
final class MnistData {
    private MnistData() {
    }

    /** The data directory: {@code --data}, else {@code data/mnist-10k} here or one level up. */
    static Path directory(Options options) {
        Path given = options.path("data", null);
        if (given != null) return given;
        for (Path p : new Path[] {Path.of("data/mnist-10k"), Path.of("../data/mnist-10k")}) {
            if (Files.isDirectory(p)) return p;
        }
        throw new IllegalArgumentException("cannot find the MNIST sample in data/mnist-10k (run from the repository "
                + "root, or pass --data <directory>)");
    }

    /** The normalized training split, cut to its first {@code --subset} digits when that option is given. */
    static Mnist.Split train(Options options) throws IOException {
        return cut(Mnist.load(directory(options), true, true), options.integer("subset", 0));
    }

    /** The normalized test split, cut like the training split (to a quarter of the subset). */
    static Mnist.Split test(Options options) throws IOException {
        int subset = options.integer("subset", 0);
        return cut(Mnist.load(directory(options), false, true), subset == 0 ? 0 : Math.max(subset / 4, 1));
    }

    private static Mnist.Split cut(Mnist.Split split, int n) {
        if (n <= 0 || n >= split.size()) return split;
        Tensor images = split.images().narrow(0, 0, n).contiguous();
        Tensor labels = split.labels().narrow(0, 0, n).contiguous();
        return new Mnist.Split(images, labels);
    }
}
