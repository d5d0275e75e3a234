package dev.nabla.cpu;

import dev.nabla.Device;
import dev.nabla.conformance.ElementwiseBinaryContract;

class CpuElementwiseBinaryTest extends ElementwiseBinaryContract {
    @Override
    protected Device device() {
        return Device.cpu();
    }
}
