package dev.nabla.cpu;

import dev.nabla.Device;
import dev.nabla.conformance.PromotionContract;

class CpuPromotionTest extends PromotionContract {
    @Override
    protected Device device() {
        return Device.cpu();
    }
}
