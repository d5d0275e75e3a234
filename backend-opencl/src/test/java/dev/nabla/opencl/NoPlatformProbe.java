package dev.nabla.opencl;

import dev.nabla.Device;
import dev.nabla.Nabla;

/** Run by {@link NoPlatformTest} in a JVM that sees no OpenCL platform; prints what a user would meet, one key=value a line. */
public final class NoPlatformProbe {
    private NoPlatformProbe() {
    }

    /** Prints the backend's device count and reason, the errors of using a device, and a CPU result. */
    public static void main(String[] args) {
        System.out.println("count=" + new OpenClBackend().deviceCount());
        System.out.println("reason=" + OpenCl.unavailableReason());
        try {
            OpenCl.defaultDevice();
            System.out.println("facade=no error");
        } catch (RuntimeException e) {
            System.out.println("facade=" + e.getMessage());
        }
        try {
            Nabla.ones(2).to(Device.opencl());
            System.out.println("tensor=no error");
        } catch (RuntimeException e) {
            System.out.println("tensor=" + e.getMessage());
        }
        try {
            OpenClCondition.decide(OpenCl.isAvailable(), OpenCl.unavailableReason(), System.getenv(OpenClCondition.REQUIRE));
            System.out.println("tests=run");
        } catch (org.opentest4j.TestAbortedException e) {
            System.out.println("tests=skip: " + e.getMessage());
        } catch (AssertionError e) {
            System.out.println("tests=fail: " + e.getMessage());
        }
        System.out.println("cpu=" + Nabla.ones(2).sum().item());
    }
}
