package dev.nabla;

/**
 * The keyword arguments of PyTorch's factories ({@code dtype=}, {@code device=}) as an immutable value:
 * {@code zeros(TensorOptions.of(DType.INT64).device(gpu), 2, 3)}. Unset fields take the process defaults.
 */
public final class TensorOptions {
    private static final TensorOptions DEFAULTS = new TensorOptions(null, null);

    private final DType dtype;
    private final Device device;

    private TensorOptions(DType dtype, Device device) {
        this.dtype = dtype;
        this.device = device;
    }

    /** Options with every field unset. */
    public static TensorOptions defaults() {
        return DEFAULTS;
    }

    /** Options with the given dtype. */
    public static TensorOptions of(DType dtype) {
        return new TensorOptions(dtype, null);
    }

    /** Options with the given device. */
    public static TensorOptions on(Device device) {
        return new TensorOptions(null, device);
    }

    /** A copy with the dtype set. */
    public TensorOptions dtype(DType dtype) {
        return new TensorOptions(dtype, device);
    }

    /** A copy with the device set. */
    public TensorOptions device(Device device) {
        return new TensorOptions(dtype, device);
    }

    /** The dtype, or {@code fallback} when unset. */
    public DType dtypeOr(DType fallback) {
        return dtype != null ? dtype : fallback;
    }

    /** The device, or the default device when unset. */
    public Device deviceOrDefault() {
        return device != null ? device : Defaults.device();
    }

    @Override
    public String toString() {
        return "TensorOptions(dtype=" + dtype + ", device=" + device + ")";
    }
}
