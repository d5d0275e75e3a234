package dev.nabla.opencl;

import dev.nabla.Device;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs a test class only where OpenCL works. Without a platform or device its tests are disabled with the reason
 * (reported as skipped), unless {@value #REQUIRE}=1 (as CI sets it), which makes that a failure. On a device without
 * double precision, a test stopped by the backend's float64 error is skipped rather than failed.
 */
final class OpenClCondition implements ExecutionCondition, BeforeAllCallback, TestExecutionExceptionHandler {
    /** The environment variable that turns a missing OpenCL device from a skip into a failure. */
    static final String REQUIRE = "NABLA_REQUIRE_OPENCL";

    /** The device the OpenCL tests run on. */
    static Device device() {
        return OpenCl.defaultDevice();
    }

    /** Disables the tests, with the reason, where OpenCL is unusable and not required; reports list them as skipped. */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        try {
            decide(OpenCl.isAvailable(), OpenCl.unavailableReason(), System.getenv(REQUIRE));
        } catch (TestAbortedException e) {
            return ConditionEvaluationResult.disabled(e.getMessage());
        } catch (AssertionError e) {
            return ConditionEvaluationResult.enabled("OpenCL is required: the tests fail before they run");
        }
        return ConditionEvaluationResult.enabled("OpenCL is available");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        decide(OpenCl.isAvailable(), OpenCl.unavailableReason(), System.getenv(REQUIRE));
    }

    /**
     * Returns when OpenCL can run the tests; otherwise fails when {@code required} is 1 or true, and else aborts
     * (skips) with the reason and what to install.
     */
    static void decide(boolean available, String problem, String required) {
        if (available) return;
        String reason = problem + " -- needed to run these tests";
        if (required != null && (required.equals("1") || required.equalsIgnoreCase("true"))) {
            fail(REQUIRE + "=" + required + " but OpenCL is unusable: " + reason);
        }
        throw new TestAbortedException(reason + " (" + REQUIRE + "=1 makes this a failure)");
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
