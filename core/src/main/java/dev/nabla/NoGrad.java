package dev.nabla;

/**
 * A scope in which no op records the autograd graph, as PyTorch's {@code torch.no_grad()}:
 * {@code try (var g = NoGrad.enter()) { w.sub_(w.grad().mul(lr)); }}. Scopes nest and are confined to the thread.
 */
public final class NoGrad implements AutoCloseable {
    private final boolean previous;
    private final Thread owner = Thread.currentThread();

    private NoGrad(boolean previous) {
        this.previous = previous;
    }

    /** Turns recording off on this thread until {@link #close()}. */
    public static NoGrad enter() {
        return new NoGrad(GradMode.set(false));
    }

    /** True when ops on this thread currently record the graph, as {@code torch.is_grad_enabled()}. */
    public static boolean isGradEnabled() {
        return GradMode.isEnabled();
    }

    /** Restores the mode that was in force before {@link #enter()}. */
    @Override
    public void close() {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("NoGrad: a scope must be closed on the thread that entered it");
        }
        GradMode.set(previous);
    }
}
