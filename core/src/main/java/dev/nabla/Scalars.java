package dev.nabla;

/** Java numbers turned into 0-dim tensors that take part in ops (and in type promotion as wrapped numbers). */
final class Scalars {
    private Scalars() {
    }

    /** A 0-dim tensor of {@code dtype} on {@code device} holding {@code value}, marked as a wrapped number. */
    static Tensor wrap(Number value, DType dtype, Device device) {
        Tensor t = Dispatch.empty(new int[0], dtype, device);
        Dispatch.fill(t, value);
        return new Tensor(t.storage, t.shape, t.strides, 0, t.version, true);
    }

    /** A whole, finite double as a Long (so integer tensors stay integer, as a Python int literal would); else the Double. */
    static Number natural(double v) {
        if (v == Math.rint(v) && !Double.isInfinite(v) && Math.abs(v) < 0x1p62) return (long) v;
        return v;
    }
}
