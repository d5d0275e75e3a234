package dev.nabla.cpu;

import dev.nabla.Device;
import dev.nabla.conformance.SmokeContract;

class CpuSmokeTest extends SmokeContract {
    @Override
    protected Device device() {
        return Device.cpu();
    }
}
