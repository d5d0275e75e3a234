package dev.nabla.nn.optim;

/** Hyperparameter checks with PyTorch's messages ({@code Invalid learning rate: -1.0}). */
final class Checks {
    private Checks() {
    }

    static void nonNegative(String op, String what, double value) {
        if (!(value >= 0)) throw new IllegalArgumentException(op + ": Invalid " + what + ": " + value);
    }

    static void unitInterval(String op, String what, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(op + ": Invalid " + what + ": " + value + " (must be in [0, 1))");
        }
    }
}
