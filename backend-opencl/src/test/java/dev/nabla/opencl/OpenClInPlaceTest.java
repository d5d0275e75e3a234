package dev.nabla.opencl;

import dev.nabla.Device;
import dev.nabla.conformance.InPlaceContract;

@OnOpenCl
class OpenClInPlaceTest extends InPlaceContract {
    @Override
    protected Device device() {
        return OpenClCondition.device();
    }
}
