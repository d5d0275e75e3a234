package dev.nabla.opencl;

import dev.nabla.Device;
import dev.nabla.conformance.CreationContract;

@OnOpenCl
class OpenClCreationTest extends CreationContract {
    @Override
    protected Device device() {
        return OpenClCondition.device();
    }
}
