package dev.nabla;

import java.util.Objects;

/** Where a tensor's storage lives: a backend type (such as {@code cpu}) and a device index. */
public final class Device {
    private static final Device CPU = new Device("cpu", 0);

    private final String type;
    private final int index;

    private Device(String type, int index) {
        this.type = type;
        this.index = index;
    }

    /** The host CPU, served by the {@code nabla-backend-cpu} artifact. */
    public static Device cpu() {
        return CPU;
    }

    /** The default OpenCL device, {@code opencl:0}, served by the {@code nabla-backend-opencl} artifact. */
    public static Device opencl() {
        return of("opencl", 0);
    }

    /** The OpenCL device {@code opencl:index}. */
    public static Device opencl(int index) {
        return of("opencl", index);
    }

    /** The device of the given backend type and index, e.g. {@code of("opencl", 1)}. */
    public static Device of(String type, int index) {
        Objects.requireNonNull(type, "type");
        if (!type.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("Device: type must be lower-case letters, digits or '_', got '" + type + "'");
        }
        if (index < 0) throw new IllegalArgumentException("Device: index must be >= 0, got " + index + " for " + type);
        return type.equals("cpu") && index == 0 ? CPU : new Device(type, index);
    }

    /** Parses PyTorch-style device strings: {@code "cpu"}, {@code "opencl"}, {@code "opencl:1"}. */
    public static Device parse(String spec) {
        Objects.requireNonNull(spec, "spec");
        int colon = spec.indexOf(':');
        if (colon < 0) return of(spec, 0);
        try {
            return of(spec.substring(0, colon), Integer.parseInt(spec.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Device: expected 'type' or 'type:index', got '" + spec + "'", e);
        }
    }

    /** The backend type, e.g. {@code cpu} or {@code opencl}. */
    public String type() {
        return type;
    }

    /** The device index within its type. */
    public int index() {
        return index;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Device d && d.type.equals(type) && d.index == index;
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + index;
    }

    /** {@code cpu} for the CPU, {@code type:index} otherwise, as PyTorch prints devices. */
    @Override
    public String toString() {
        return type.equals("cpu") ? type : type + ":" + index;
    }
}
