package dev.nabla.cpu;

import dev.nabla.Device;
import dev.nabla.conformance.ReadoutContract;

class CpuReadoutTest extends ReadoutContract {
    @Override
    protected Device device() {
        return Device.cpu();
    }
}
