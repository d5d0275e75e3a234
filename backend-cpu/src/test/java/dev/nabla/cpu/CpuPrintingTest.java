package dev.nabla.cpu;

import dev.nabla.Device;
import dev.nabla.conformance.PrintingContract;

class CpuPrintingTest extends PrintingContract {
    @Override
    protected Device device() {
        return Device.cpu();
    }
}
