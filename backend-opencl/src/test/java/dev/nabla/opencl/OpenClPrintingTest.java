package dev.nabla.opencl;

import dev.nabla.Device;
import dev.nabla.conformance.PrintingContract;

@OnOpenCl
class OpenClPrintingTest extends PrintingContract {
    @Override
    protected Device device() {
        return OpenClCondition.device();
    }
}
