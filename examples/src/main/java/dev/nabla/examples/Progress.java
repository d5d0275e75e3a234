package dev.nabla.examples;

import java.util.Locale;

/** The one line an epoch ends with: a bar, the samples seen, throughput, mean loss and test accuracy. */
final class Progress {
    private static final int WIDTH = 30;

    private Progress() {
    }

    /** e.g. {@code epoch 2/5 [==============================] 8000/8000  3150 samples/s  loss 0.1234  test 97.35%}. */
    static String line(int epoch, int epochs, int done, int total, double seconds, double loss, double accuracy) {
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        String bar = "=".repeat(filled) + " ".repeat(WIDTH - filled);
        double rate = seconds > 0 ? done / seconds : 0;
        return String.format(Locale.ROOT, "epoch %d/%d [%s] %d/%d  %.0f samples/s  loss %.4f  test accuracy %.2f%%",
                epoch, epochs, bar, done, total, rate, loss, 100 * accuracy);
    }
}
