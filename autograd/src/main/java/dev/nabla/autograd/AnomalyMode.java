package dev.nabla.autograd;

import dev.nabla.GradFn;

/**
 * PyTorch's {@code detect_anomaly}: while enabled, every recorded op remembers where its forward was called, and a
 * backward that produces NaN or infinite values fails naming the op and that place. Costs time; use for debugging.
 */
public final class AnomalyMode implements AutoCloseable {
    private final boolean previous;

    private AnomalyMode(boolean previous) {
        this.previous = previous;
    }

    /** Turns anomaly detection on until the returned scope is closed. */
    public static AnomalyMode enter() {
        AnomalyMode scope = new AnomalyMode(isEnabled());
        set(true);
        return scope;
    }

    /** Turns anomaly detection on or off for the whole process, as {@code set_detect_anomaly}. */
    public static void set(boolean on) {
        GradFn.captureForwardTraces(on);
    }

    /** True while anomaly detection is on. */
    public static boolean isEnabled() {
        return GradFn.capturesForwardTraces();
    }

    /** Restores the state from before {@link #enter()}. */
    @Override
    public void close() {
        set(previous);
    }
}
