package dev.nabla.cpu;

import dev.nabla.Device;
import dev.nabla.conformance.MatmulContract;

class CpuMatmulTest extends MatmulContract {
    @Override
    protected Device device() {
        return Device.cpu();
    }
}
