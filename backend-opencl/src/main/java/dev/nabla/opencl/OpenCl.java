package dev.nabla.opencl;

import dev.nabla.Device;

/**
 * What users ask of the OpenCL backend: which devices exist and which is the default, a report for debugging a
 * set-up, and each device's memory. Devices are {@code Device.of("opencl", i)}; {@code opencl:0} is the default,
 * the device {@code -Dnabla.opencl.device} or {@code NABLA_OPENCL_DEVICE} names (an index, {@code gpu},
 * {@code cpu:1}, {@code accelerator} or part of a name), else the first GPU.
 */
public final class OpenCl {
    /** The device type of OpenCL devices. */
    public static final String TYPE = "opencl";

    private OpenCl() {
    }

    /** True when at least one OpenCL device can be used. */
    public static boolean isAvailable() {
        return !Discovery.get().devices().isEmpty();
    }

    /** Why no OpenCL device can be used, or an empty string when one can. */
    public static String unavailableReason() {
        return Discovery.get().problem();
    }

    /** How many OpenCL devices exist (0 without an OpenCL platform). */
    public static int deviceCount() {
        return Discovery.get().devices().size();
    }

    /** The device {@code opencl:index}, checked to exist. */
    public static Device device(int index) {
        Device d = Device.of(TYPE, index);
        Devices.open(d);
        return d;
    }

    /**
     * The device {@code spec} names: {@code opencl:2}, a listing number as {@link #describe()} prints it ({@code #1}
     * or {@code 1}), a type with an optional ordinal ({@code gpu}, {@code cpu:1}, {@code accelerator}) or part of a
     * device or platform name.
     */
    public static Device device(String spec) {
        String s = spec.trim();
        if (s.startsWith(TYPE + ":")) return device(Integer.parseInt(s.substring(TYPE.length() + 1)));
        if (s.startsWith("#")) s = s.substring(1);
        Discovery discovery = Discovery.get();
        if (discovery.devices().isEmpty()) throw new IllegalStateException("no OpenCL device: " + discovery.problem());
        return Device.of(TYPE, Discovery.select(s, discovery.devices()));
    }

    /** The default device, {@code opencl:0}; fails with the reason when there is none. */
    public static Device defaultDevice() {
        return device(0);
    }

    /** What the runtime reports about {@code device}. */
    public static DeviceInfo info(Device device) {
        return Devices.open(device).info();
    }

    /** A report of every platform and device (versions, memory, fp64) and of the default device, for debugging a set-up. */
    public static String describe() {
        return Discovery.get().describe();
    }

    /** The buffer pool's figures for {@code device}. */
    public static MemoryStats memoryStats(Device device) {
        return Devices.open(device).pool().stats();
    }

    /** Releases {@code device}'s cached free buffers to the driver, as {@code torch.cuda.empty_cache}. */
    public static void emptyCache(Device device) {
        Devices.open(device).pool().releaseCache();
    }

    /** Caps the bytes {@code device}'s tensors may hold; allocations past it fail as if the device were full. */
    public static void setMemoryLimit(Device device, long bytes) {
        Devices.open(device).pool().setLimit(bytes);
    }

    /** Waits until every operation enqueued on {@code device} has finished. */
    public static void synchronize(Device device) {
        Devices.open(device).finish();
    }
}
