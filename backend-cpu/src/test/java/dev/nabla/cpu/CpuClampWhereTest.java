package dev.nabla.cpu;

import dev.nabla.Device;
import dev.nabla.conformance.ClampWhereContract;

class CpuClampWhereTest extends ClampWhereContract {
    @Override
    protected Device device() {
        return Device.cpu();
    }
}
