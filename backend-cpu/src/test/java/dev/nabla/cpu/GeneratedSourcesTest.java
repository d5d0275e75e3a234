package dev.nabla.cpu;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The float kernels must be exactly what the generator makes of their double templates. */
class GeneratedSourcesTest {
    @Test
    void floatSourcesMatchTheirDoubleTemplates() throws IOException {
        for (String[] pair : FloatKernelsGenerator.PAIRS) {
            String template = Files.readString(FloatKernelsGenerator.PACKAGE_DIR.resolve(pair[0]), StandardCharsets.UTF_8);
            String actual = Files.readString(FloatKernelsGenerator.PACKAGE_DIR.resolve(pair[1]), StandardCharsets.UTF_8);
            assertEquals(FloatKernelsGenerator.generate(template, pair[0]), actual,
                    pair[1] + " is stale: run dev.nabla.cpu.FloatKernelsGenerator from backend-cpu/ to regenerate it");
        }
    }
}
