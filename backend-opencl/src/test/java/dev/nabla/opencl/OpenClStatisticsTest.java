package dev.nabla.opencl;

import dev.nabla.Device;
import dev.nabla.conformance.StatisticsContract;

@OnOpenCl
class OpenClStatisticsTest extends StatisticsContract {
    @Override
    protected Device device() {
        return OpenClCondition.device();
    }
}
