package dev.nabla;

/** Counts in-place writes to a storage; a tensor and all its views share one counter (autograd reads it). */
final class VersionCounter {
    private int version;

    int get() {
        return version;
    }

    void bump() {
        version++;
    }
}
