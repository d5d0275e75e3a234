package dev.nabla.cpu;

import dev.nabla.Device;
import dev.nabla.conformance.ThreadCountContract;

class CpuThreadCountTest extends ThreadCountContract {
    @Override
    protected Device device() {
        return Device.cpu();
    }
}
