package dev.nabla.opencl;

import dev.nabla.Device;
import dev.nabla.conformance.PromotionContract;

@OnOpenCl
class OpenClPromotionTest extends PromotionContract {
    @Override
    protected Device device() {
        return OpenClCondition.device();
    }
}
