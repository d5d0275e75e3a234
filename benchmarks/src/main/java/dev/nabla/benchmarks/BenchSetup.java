package dev.nabla.benchmarks;

import dev.nabla.Device;
import dev.nabla.Nabla;
import dev.nabla.Tensor;

/**
 * What every benchmark's setup does first: the intra-op thread count, and the device tensors are created on,
 * from the system property {@code nabla.bench.device} ("cpu" unless set, e.g. "opencl" on a GPU machine).
 */
public final class BenchSetup {
    /** The system property naming the device. */
    public static final String DEVICE_PROPERTY = "nabla.bench.device";

    private static final boolean ON_DEVICE = !device().type().equals("cpu");

    private BenchSetup() {
    }

    /**
     * Returns {@code t} once the work that produced it is done: on an asynchronous device, reads one element (which
     * waits for the queue); on the CPU, where ops return finished, does nothing.
     */
    public static Tensor sync(Tensor t) {
        if (ON_DEVICE) t.reshape(-1).narrow(0, 0, 1).item();
        return t;
    }

    /** Sets the thread count and the default device, then seeds the default generator. */
    public static void apply(int threads, long seed) {
        Nabla.setNumThreads(threads);
        Nabla.setDefaultDevice(device());
        Nabla.manualSeed(seed);
    }

    /** The device named by {@value #DEVICE_PROPERTY}, the CPU by default. */
    public static Device device() {
        return Device.parse(System.getProperty(DEVICE_PROPERTY, "cpu"));
    }
}
