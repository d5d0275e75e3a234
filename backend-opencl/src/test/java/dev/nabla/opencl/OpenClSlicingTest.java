package dev.nabla.opencl;

import dev.nabla.Device;
import dev.nabla.conformance.SlicingContract;

@OnOpenCl
class OpenClSlicingTest extends SlicingContract {
    @Override
    protected Device device() {
        return OpenClCondition.device();
    }
}
