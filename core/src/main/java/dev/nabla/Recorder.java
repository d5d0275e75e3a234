package dev.nabla;

/** Attaches a {@link GradFn} to an op's result when grad mode is on and an input requires grad. */
final class Recorder {
    private Recorder() {
    }

    /** True when an op over these inputs must be recorded. */
    static boolean needed(Tensor... inputs) {
        if (!GradMode.isEnabled()) return false;
        for (Tensor t : inputs) if (t.requiresGrad) return true;
        return false;
    }

    /** {@link #record(Tensor, Enum, Object, Tensor...)} for one input, with no array when nothing is recorded. */
    static Tensor record(Tensor out, Enum<?> op, Object attributes, Tensor input) {
        return input.requiresGrad ? record(out, op, attributes, new Tensor[] {input}) : out;
    }

    /** {@link #record(Tensor, Enum, Object, Tensor...)} for two inputs, with no array when nothing is recorded. */
    static Tensor record(Tensor out, Enum<?> op, Object attributes, Tensor a, Tensor b) {
        return a.requiresGrad || b.requiresGrad ? record(out, op, attributes, new Tensor[] {a, b}) : out;
    }

    /** Records {@code out = op(inputs)} if needed (only floating results can carry gradients); returns out. */
    static Tensor record(Tensor out, Enum<?> op, Object attributes, Tensor... inputs) {
        if (!out.dtype().isFloatingPoint() || !needed(inputs)) return out;
        out.gradFn = GradFn.of(op, attributes, out, inputs);
        out.requiresGrad = true;
        return out;
    }
}
