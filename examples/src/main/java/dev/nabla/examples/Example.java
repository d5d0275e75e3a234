package dev.nabla.examples;

import java.io.PrintStream;

/** A runnable example: a name for the launcher, a one-line summary, and a body that prints to {@code out}. */
interface Example {
    /** The name the launcher runs it by, e.g. {@code tensor-basics}. */
    String name();

    /** One line for the launcher's list. */
    String summary();

    /** Runs the example with parsed options, printing everything to {@code out}. */
    void run(Options options, PrintStream out) throws Exception;
}
