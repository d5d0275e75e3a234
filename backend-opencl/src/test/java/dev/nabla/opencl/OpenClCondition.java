package dev.nabla.opencl;

import dev.nabla.Device;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs a test class only where OpenCL works. Without a platform or device its tests are skipped with the reason,
 * unless {@value #REQUIRE}=1 (as CI sets it), which makes that a failure. On a device without double precision,
 * a test stopped by the backend's float64 error is skipped rather than failed.
 */
final class OpenClCondition implements BeforeAllCallback, TestExecutionExceptionHandler {
    /** The environment variable that turns a missing OpenCL device from a skip into a failure. */
    static final String REQUIRE = "NABLA_REQUIRE_OPENCL";

    /** The device the OpenCL tests run on. */
    static Device device() {
        return OpenCl.defaultDevice();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        String reason = skipReason(OpenCl.isAvailable(), OpenCl.unavailableReason());
        if (reason == null) return;
        if (required(System.getenv(REQUIRE))) fail(REQUIRE + " is set but OpenCL is unusable: " + reason);
        assumeTrue(false, reason);
    }

    /** Null when OpenCL can run the tests, else why not and what to install. */
    static String skipReason(boolean available, String problem) {
        if (available) return null;
        return problem + " -- install an OpenCL driver (e.g. pocl-opencl-icd) to run these tests; " + REQUIRE
                + "=1 makes this a failure";
    }

    /** Whether the variable's value asks for OpenCL to be required. */
    static boolean required(String value) {
        return value != null && (value.equals("1") || value.equalsIgnoreCase("true"));
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException && !OpenCl.info(device()).fp64()
                    && String.valueOf(t.getMessage()).contains("does not support float64")) {
                throw new TestAbortedException("the device has no float64: " + t.getMessage(), thrown);
            }
        }
        throw thrown;
    }
}
