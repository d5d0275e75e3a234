package dev.nabla;

/** Copies tensor values back to Java: whole arrays and single items. */
final class Readout {
    private Readout() {
    }

    /** The only element, as Double for floating dtypes and Long otherwise. */
    static Number item(Tensor t) {
        int n = t.numel();
        if (n != 1) {
            throw new IllegalArgumentException("item: a tensor with " + n + " elements (shape " + Shapes.str(t.shape)
                    + ") cannot be converted to a scalar; it needs exactly one element");
        }
        return HostArrays.get(Dispatch.download(t), 0);
    }

    /** All elements in row-major order as the Java array type of {@code as}. */
    static Object toArray(Tensor t, DType as) {
        Object host = Dispatch.download(t);
        return t.dtype() == as ? host : HostArrays.convert(host, as);
    }
}
