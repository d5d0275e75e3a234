package dev.nabla;

/** The process-wide defaults PyTorch also keeps: the floating dtype and the device new tensors get. */
final class Defaults {
    private static volatile DType dtype = DType.FLOAT32;
    private static volatile Device device = Device.cpu();

    private Defaults() {
    }

    static DType dtype() {
        return dtype;
    }

    static void setDtype(DType d) {
        if (!d.isFloatingPoint()) {
            throw new IllegalArgumentException("setDefaultDtype: only floating dtypes can be the default, got " + d);
        }
        dtype = d;
    }

    static Device device() {
        return device;
    }

    static void setDevice(Device d) {
        Backends.of(d);
        device = d;
    }
}
