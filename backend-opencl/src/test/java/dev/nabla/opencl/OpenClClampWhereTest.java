package dev.nabla.opencl;

import dev.nabla.Device;
import dev.nabla.conformance.ClampWhereContract;

@OnOpenCl
class OpenClClampWhereTest extends ClampWhereContract {
    @Override
    protected Device device() {
        return OpenClCondition.device();
    }
}
