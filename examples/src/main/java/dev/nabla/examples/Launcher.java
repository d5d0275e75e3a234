package dev.nabla.examples;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code java -jar nabla-examples.jar} lists the examples; {@code ... <name> [--seed N] [--epochs N]} runs one;
 * {@code ... intro} runs the introduction set end to end.
 */
public final class Launcher {
    /** Every example, in the order the introduction tells them. */
    static final List<Example> EXAMPLES = List.of(
            new TensorBasics(),
            new TwoLayerManual(),
            new TwoLayerAutograd(),
            new TwoLayerModule(),
            new TwoLayerNn(),
            new MnistMlp(),
            new MnistCnn(),
            new LrFinderExample());

    /** The examples {@code intro} runs one after another. */
    static final List<String> INTRODUCTION = List.of("tensor-basics", "two-layer-manual", "two-layer-autograd",
            "two-layer-module", "two-layer-nn");

    private Launcher() {
    }

    /** Lists or runs examples. */
    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        if (args.length == 0 || args[0].equals("list") || args[0].equals("--help")) {
            list(out);
            return;
        }
        Options options = Options.parse(args, 1);
        if (args[0].equals("intro")) {
            for (String name : INTRODUCTION) {
                out.println("==================== " + name + " ====================");
                find(name).run(options, out);
                out.println();
            }
            return;
        }
        find(args[0]).run(options, out);
    }

    static Example find(String name) {
        for (Example e : EXAMPLES) if (e.name().equals(name)) return e;
        throw new IllegalArgumentException("no example named '" + name + "'; run without arguments to list them");
    }

    private static void list(PrintStream out) {
        out.println("usage: java --add-modules jdk.incubator.vector -jar nabla-examples.jar <example> [--seed N] [--epochs N]");
        out.println("       java ... -jar nabla-examples.jar intro     (runs " + String.join(", ", INTRODUCTION) + ")");
        out.println();
        for (Example e : EXAMPLES) out.printf("  %-20s %s%n", e.name(), e.summary());
    }
}
