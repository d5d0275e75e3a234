package dev.nabla.cpu;

import dev.nabla.Device;
import dev.nabla.conformance.NonContiguousContract;

class CpuNonContiguousTest extends NonContiguousContract {
    @Override
    protected Device device() {
        return Device.cpu();
    }
}
