package dev.nabla.cpu;

import dev.nabla.Device;
import dev.nabla.conformance.ElementwiseUnaryContract;

class CpuElementwiseUnaryTest extends ElementwiseUnaryContract {
    @Override
    protected Device device() {
        return Device.cpu();
    }
}
