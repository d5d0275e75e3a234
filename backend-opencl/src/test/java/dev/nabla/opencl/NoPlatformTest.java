package dev.nabla.opencl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A JVM whose ICD loader finds no platform (an empty OCL_ICD_VENDORS folder) loads the backend without crashing,
 * counts 0 devices, says why when a device is used, keeps the CPU working, and skips or (NABLA_REQUIRE_OPENCL=1)
 * fails the OpenCL tests.
 */
class NoPlatformTest {
    @TempDir
    Path vendors;

    private Map<String, String> probe(String require) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), NoPlatformProbe.class.getName());
        pb.environment().put("OCL_ICD_VENDORS", vendors.toString());
        pb.environment().remove("OPENCL_VENDOR_PATH");
        pb.environment().remove(Discovery.ENV);
        if (require == null) pb.environment().remove(OpenClCondition.REQUIRE);
        else pb.environment().put(OpenClCondition.REQUIRE, require);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the probe hung");
        assertEquals(0, p.exitValue(), "the probe JVM failed:\n" + out);
        Map<String, String> lines = new HashMap<>();
        for (String line : out.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0 && List.of("count", "reason", "facade", "tensor", "tests", "cpu").contains(line.substring(0, eq))) {
                lines.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        assertEquals(6, lines.size(), out);
        assumeTrue(lines.get("count").equals("0"), "this OpenCL loader ignores OCL_ICD_VENDORS, so it cannot be hidden");
        return lines;
    }

    @Test
    void withoutAPlatformNothingCrashesAndTheReasonIsGiven() throws Exception {
        Map<String, String> r = probe(null);
        assertTrue(r.get("reason").startsWith("no OpenCL platform found: install an OpenCL driver (e.g. pocl-opencl-icd"),
                r.get("reason"));
        assertTrue(r.get("facade").contains(r.get("reason")), r.get("facade"));
        assertTrue(r.get("tensor").contains("opencl:0"), r.get("tensor"));
        assertTrue(r.get("tests").startsWith("skip: no OpenCL platform found"), r.get("tests"));
        assertEquals("2.0", r.get("cpu"));
    }

    @Test
    void requiringOpenClTurnsTheSkipIntoAFailure() throws Exception {
        Map<String, String> r = probe("1");
        assertTrue(r.get("tests").startsWith("fail: NABLA_REQUIRE_OPENCL=1 but OpenCL is unusable: no OpenCL platform"),
                r.get("tests"));
    }
}
