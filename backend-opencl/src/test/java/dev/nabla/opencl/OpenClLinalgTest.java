package dev.nabla.opencl;

import dev.nabla.Device;
import dev.nabla.conformance.LinalgContract;

@OnOpenCl
class OpenClLinalgTest extends LinalgContract {
    @Override
    protected Device device() {
        return OpenClCondition.device();
    }
}
