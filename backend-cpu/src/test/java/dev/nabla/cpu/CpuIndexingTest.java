package dev.nabla.cpu;

import dev.nabla.Device;
import dev.nabla.conformance.IndexingContract;

class CpuIndexingTest extends IndexingContract {
    @Override
    protected Device device() {
        return Device.cpu();
    }
}
