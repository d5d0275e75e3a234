package dev.nabla.opencl;

import dev.nabla.Device;
import dev.nabla.conformance.MatmulContract;

@OnOpenCl
class OpenClMatmulTest extends MatmulContract {
    @Override
    protected Device device() {
        return OpenClCondition.device();
    }
}
