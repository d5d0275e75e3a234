package dev.nabla.opencl;

import dev.nabla.Device;
import dev.nabla.conformance.SmokeContract;

@OnOpenCl
class OpenClSmokeTest extends SmokeContract {
    @Override
    protected Device device() {
        return OpenClCondition.device();
    }
}
