package dev.nabla.opencl;

import dev.nabla.Device;
import dev.nabla.conformance.ElementwiseUnaryContract;

@OnOpenCl
class OpenClElementwiseUnaryTest extends ElementwiseUnaryContract {
    @Override
    protected Device device() {
        return OpenClCondition.device();
    }
}
