package dev.nabla.cpu;

import dev.nabla.Device;
import dev.nabla.conformance.BroadcastContract;

class CpuBroadcastTest extends BroadcastContract {
    @Override
    protected Device device() {
        return Device.cpu();
    }
}
