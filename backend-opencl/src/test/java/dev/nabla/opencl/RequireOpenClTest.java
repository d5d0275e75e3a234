package dev.nabla.opencl;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Without OpenCL the OpenCL tests skip, saying what to install, unless NABLA_REQUIRE_OPENCL=1 makes that a failure. */
class RequireOpenClTest {
    private static final String PROBLEM = "no OpenCL platform found: install an OpenCL driver (e.g. pocl-opencl-icd)";

    @Test
    void availableRuns() {
        assertDoesNotThrow(() -> OpenClCondition.decide(true, "", "1"));
        assertDoesNotThrow(() -> OpenClCondition.decide(true, "", null));
    }

    @Test
    void missingSkipsWithTheReason() {
        for (String value : new String[] {null, "", "0", "false"}) {
            TestAbortedException e = assertThrows(TestAbortedException.class, () -> OpenClCondition.decide(false, PROBLEM, value));
            assertTrue(e.getMessage().contains(PROBLEM) && e.getMessage().contains("NABLA_REQUIRE_OPENCL=1"), e.getMessage());
        }
    }

    @Test
    void missingFailsWhenRequired() {
        for (String value : new String[] {"1", "true", "TRUE"}) {
            AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> OpenClCondition.decide(false, PROBLEM, value));
            assertTrue(e.getMessage().contains(PROBLEM), e.getMessage());
        }
    }
}
