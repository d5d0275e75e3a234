package dev.nabla.opencl;

import dev.nabla.Device;
import dev.nabla.conformance.NonContiguousContract;

@OnOpenCl
class OpenClNonContiguousTest extends NonContiguousContract {
    @Override
    protected Device device() {
        return OpenClCondition.device();
    }
}
