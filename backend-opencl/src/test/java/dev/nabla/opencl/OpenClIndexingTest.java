package dev.nabla.opencl;

import dev.nabla.Device;
import dev.nabla.conformance.IndexingContract;

@OnOpenCl
class OpenClIndexingTest extends IndexingContract {
    @Override
    protected Device device() {
        return OpenClCondition.device();
    }
}
