package dev.nabla.cpu;

import dev.nabla.Device;
import dev.nabla.conformance.InPlaceContract;

class CpuInPlaceTest extends InPlaceContract {
    @Override
    protected Device device() {
        return Device.cpu();
    }
}
