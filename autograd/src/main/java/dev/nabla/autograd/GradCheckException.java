package dev.nabla.autograd;

/** Thrown by {@link GradCheck} when analytical and numerical derivatives disagree. */
public final class GradCheckException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    GradCheckException(String message) {
        super(message);
    }
}
