package dev.nabla.cpu;

import dev.nabla.Device;
import dev.nabla.conformance.RandomContract;

class CpuRandomTest extends RandomContract {
    @Override
    protected Device device() {
        return Device.cpu();
    }
}
