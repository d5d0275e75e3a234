package dev.nabla.opencl;

import dev.nabla.Device;
import dev.nabla.conformance.SortJoinContract;

@OnOpenCl
class OpenClSortJoinTest extends SortJoinContract {
    @Override
    protected Device device() {
        return OpenClCondition.device();
    }
}
