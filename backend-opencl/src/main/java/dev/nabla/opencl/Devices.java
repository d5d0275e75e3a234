package dev.nabla.opencl;

import dev.nabla.Device;

import java.util.List;

/** The devices this JVM has opened, each on first use. */
final class Devices {
    private static ClDevice[] opened;

    private Devices() {
    }

    /** The opened device behind {@code device}, opening it now if needed; fails with the reason when it cannot be used. */
    static synchronized ClDevice open(Device device) {
        if (!device.type().equals(OpenCl.TYPE)) {
            throw new IllegalArgumentException("not an OpenCL device: " + device);
        }
        Discovery discovery = Discovery.get();
        List<Discovery.Found> found = discovery.devices();
        if (found.isEmpty()) throw new IllegalStateException(device + " is not available: " + discovery.problem());
        if (!discovery.selectionError().isEmpty()) {
            throw new IllegalStateException("the default OpenCL device cannot be chosen: " + discovery.selectionError());
        }
        if (device.index() >= found.size()) {
            throw new IllegalArgumentException("device " + device + " does not exist: there are " + found.size()
                    + " OpenCL device(s); OpenCl.describe() lists them");
        }
        if (opened == null) opened = new ClDevice[found.size()];
        ClDevice d = opened[device.index()];
        if (d == null) {
            d = new ClDevice(device, found.get(device.index()));
            opened[device.index()] = d;
        }
        return d;
    }
}
