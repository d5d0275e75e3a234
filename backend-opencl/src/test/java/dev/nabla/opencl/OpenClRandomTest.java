package dev.nabla.opencl;

import dev.nabla.Device;
import dev.nabla.conformance.RandomContract;

@OnOpenCl
class OpenClRandomTest extends RandomContract {
    @Override
    protected Device device() {
        return OpenClCondition.device();
    }
}
