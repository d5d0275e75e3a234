package dev.nabla.opencl;

import dev.nabla.Device;
import dev.nabla.conformance.ReductionContract;

@OnOpenCl
class OpenClReductionTest extends ReductionContract {
    @Override
    protected Device device() {
        return OpenClCondition.device();
    }
}
