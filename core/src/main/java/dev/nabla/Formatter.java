package dev.nabla;

/** PyTorch-style printing of tensors. */
final class Formatter {
    private Formatter() {
    }

    static String format(Tensor t) {
        return "tensor(" + java.util.Arrays.toString(t.toDoubleArray()) + ")";
    }
}
