package dev.nabla.opencl;

import dev.nabla.Device;
import dev.nabla.conformance.ViewContract;

@OnOpenCl
class OpenClViewTest extends ViewContract {
    @Override
    protected Device device() {
        return OpenClCondition.device();
    }
}
