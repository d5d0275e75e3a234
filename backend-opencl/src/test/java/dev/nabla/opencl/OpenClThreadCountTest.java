package dev.nabla.opencl;

import dev.nabla.Device;
import dev.nabla.conformance.ThreadCountContract;

@OnOpenCl
class OpenClThreadCountTest extends ThreadCountContract {
    @Override
    protected Device device() {
        return OpenClCondition.device();
    }
}
