package dev.nabla.cpu;

import dev.nabla.Device;
import dev.nabla.conformance.ReductionContract;

class CpuReductionTest extends ReductionContract {
    @Override
    protected Device device() {
        return Device.cpu();
    }
}
