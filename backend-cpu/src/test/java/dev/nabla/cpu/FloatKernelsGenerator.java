package dev.nabla.cpu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Derives the float sources from their double templates (as EJML does), so that the two dtypes cannot drift.
 * Run {@code main} from the backend-cpu directory to regenerate; {@link GeneratedSourcesTest} fails when stale.
 */
public final class FloatKernelsGenerator {
    /** Template file name to generated file name, both under the package directory. */
    static final List<String[]> PAIRS = List.of(
            new String[] {"DoubleKernels.java", "FloatKernels.java"},
            new String[] {"DoubleReduce.java", "FloatReduce.java"},
            new String[] {"DoubleIm2Col.java", "FloatIm2Col.java"},
            new String[] {"DoubleRowReduce.java", "FloatRowReduce.java"},
            new String[] {"DoubleGemm.java", "FloatGemm.java"},
            new String[] {"simd/DoubleGemmKernel.java", "simd/FloatGemmKernel.java"},
            new String[] {"simd/DoubleStripPacking.java", "simd/FloatStripPacking.java"},
            new String[] {"simd/DoubleScalarGemmKernel.java", "simd/FloatScalarGemmKernel.java"},
            new String[] {"simd/DoubleVectorGemmKernel.java", "simd/FloatVectorGemmKernel.java"},
            new String[] {"simd/DoubleVectorLoops.java", "simd/FloatVectorLoops.java"});

    static final Path PACKAGE_DIR = Path.of("src/main/java/dev/nabla/cpu");

    private FloatKernelsGenerator() {
    }

    /** The float source for a double template. */
    static String generate(String template, String templateName) {
        return template
                .replace("Double", "Float")
                .replace("double", "float")
                .replaceAll(" \\* Template: \\w+ is generated from this file by FloatKernelsGenerator\\.",
                        " * GENERATED from " + templateName + " by FloatKernelsGenerator: edit the template, then regenerate.");
    }

    /** Writes every generated file. */
    public static void main(String[] args) throws IOException {
        for (String[] pair : PAIRS) {
            String template = Files.readString(PACKAGE_DIR.resolve(pair[0]), StandardCharsets.UTF_8);
            Files.writeString(PACKAGE_DIR.resolve(pair[1]), generate(template, pair[0]), StandardCharsets.UTF_8);
        }
    }
}
