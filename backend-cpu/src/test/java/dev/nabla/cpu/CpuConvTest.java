package dev.nabla.cpu;

import dev.nabla.Device;
import dev.nabla.conformance.ConvContract;

class CpuConvTest extends ConvContract {
    @Override
    protected Device device() {
        return Device.cpu();
    }
}
