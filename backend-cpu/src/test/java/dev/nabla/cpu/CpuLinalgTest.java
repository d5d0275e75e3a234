package dev.nabla.cpu;

import dev.nabla.Device;
import dev.nabla.conformance.LinalgContract;

class CpuLinalgTest extends LinalgContract {
    @Override
    protected Device device() {
        return Device.cpu();
    }
}
