package dev.nabla;

/** A scope that turns recording back on inside a {@link NoGrad} scope, as PyTorch's {@code torch.enable_grad()}. */
public final class EnableGrad implements AutoCloseable {
    private final boolean previous;
    private final Thread owner = Thread.currentThread();

    private EnableGrad(boolean previous) {
        this.previous = previous;
    }

    /** Turns recording on for this thread until {@link #close()}. */
    public static EnableGrad enter() {
        return new EnableGrad(GradMode.set(true));
    }

    /** Restores the mode that was in force before {@link #enter()}. */
    @Override
    public void close() {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("EnableGrad: a scope must be closed on the thread that entered it");
        }
        GradMode.set(previous);
    }
}
