package dev.nabla.cpu;

import dev.nabla.Device;
import dev.nabla.conformance.SlicingContract;

class CpuSlicingTest extends SlicingContract {
    @Override
    protected Device device() {
        return Device.cpu();
    }
}
