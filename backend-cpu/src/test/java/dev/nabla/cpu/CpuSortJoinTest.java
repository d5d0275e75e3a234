package dev.nabla.cpu;

import dev.nabla.Device;
import dev.nabla.conformance.SortJoinContract;

class CpuSortJoinTest extends SortJoinContract {
    @Override
    protected Device device() {
        return Device.cpu();
    }
}
