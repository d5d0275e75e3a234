package dev.nabla.opencl;

import dev.nabla.Device;
import dev.nabla.conformance.ElementwiseThreadCountContract;

@OnOpenCl
class OpenClElementwiseThreadCountTest extends ElementwiseThreadCountContract {
    @Override
    protected Device device() {
        return OpenClCondition.device();
    }
}
