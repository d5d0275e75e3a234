package dev.nabla.opencl;

import dev.nabla.Device;
import dev.nabla.conformance.ElementwiseBinaryContract;

@OnOpenCl
class OpenClElementwiseBinaryTest extends ElementwiseBinaryContract {
    @Override
    protected Device device() {
        return OpenClCondition.device();
    }
}
