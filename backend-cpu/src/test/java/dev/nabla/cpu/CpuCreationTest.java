package dev.nabla.cpu;

import dev.nabla.Device;
import dev.nabla.conformance.CreationContract;

class CpuCreationTest extends CreationContract {
    @Override
    protected Device device() {
        return Device.cpu();
    }
}
