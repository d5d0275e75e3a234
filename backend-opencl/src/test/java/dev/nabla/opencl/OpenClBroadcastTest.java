package dev.nabla.opencl;

import dev.nabla.Device;
import dev.nabla.conformance.BroadcastContract;

@OnOpenCl
class OpenClBroadcastTest extends BroadcastContract {
    @Override
    protected Device device() {
        return OpenClCondition.device();
    }
}
