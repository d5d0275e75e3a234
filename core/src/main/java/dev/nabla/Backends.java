package dev.nabla;

import dev.nabla.spi.Backend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/** Finds the backend for a device type through {@link ServiceLoader}, once per type. */
final class Backends {
    private static final Logger LOG = LoggerFactory.getLogger(Backends.class);
    private static final Map<String, Backend> BY_TYPE = new ConcurrentHashMap<>();

    private Backends() {
    }

    /** The backend serving {@code device}, or an error that names the artifact to add. */
    static Backend of(Device device) {
        Backend backend = BY_TYPE.computeIfAbsent(device.type(), Backends::load);
        if (device.index() >= backend.deviceCount()) {
            throw new IllegalArgumentException("device " + device + " does not exist: the " + device.type()
                    + " backend has " + backend.deviceCount() + " device(s)");
        }
        return backend;
    }

    private static Backend load(String type) {
        for (Backend b : ServiceLoader.load(Backend.class, Backends.class.getClassLoader())) {
            if (b.deviceType().equals(type)) {
                LOG.debug("Nabla backend for '{}': {}", type, b.getClass().getName());
                return b;
            }
        }
        throw new IllegalStateException("No Nabla backend for device type '" + type + "' is on the class path: add "
                + "the dependency dev.nabla:nabla-backend-" + type + " (for the CPU: dev.nabla:nabla-backend-cpu)");
    }
}
