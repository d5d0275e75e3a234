package dev.nabla.cpu;

import dev.nabla.Device;
import dev.nabla.conformance.ElementwiseThreadCountContract;

class CpuElementwiseThreadCountTest extends ElementwiseThreadCountContract {
    @Override
    protected Device device() {
        return Device.cpu();
    }
}
