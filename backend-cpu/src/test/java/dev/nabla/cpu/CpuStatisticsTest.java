package dev.nabla.cpu;

import dev.nabla.Device;
import dev.nabla.conformance.StatisticsContract;

class CpuStatisticsTest extends StatisticsContract {
    @Override
    protected Device device() {
        return Device.cpu();
    }
}
