package dev.nabla.cpu;

import dev.nabla.Device;
import dev.nabla.conformance.ViewContract;

class CpuViewTest extends ViewContract {
    @Override
    protected Device device() {
        return Device.cpu();
    }
}
