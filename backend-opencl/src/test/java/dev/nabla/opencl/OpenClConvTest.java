package dev.nabla.opencl;

import dev.nabla.Device;
import dev.nabla.conformance.ConvContract;

@OnOpenCl
class OpenClConvTest extends ConvContract {
    @Override
    protected Device device() {
        return OpenClCondition.device();
    }
}
