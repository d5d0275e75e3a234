package dev.nabla.opencl;

import dev.nabla.Device;
import dev.nabla.conformance.ReadoutContract;

@OnOpenCl
class OpenClReadoutTest extends ReadoutContract {
    @Override
    protected Device device() {
        return OpenClCondition.device();
    }
}
