package dev.nabla.opencl;

import dev.nabla.conformance.DeviceTestBase;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Every conformance contract in core's test jar has an OpenCL subclass here, so a new contract cannot be forgotten. */
class ContractCoverageTest {
    private static final String PACKAGE = DeviceTestBase.class.getPackageName();

    @Test
    void everyContractRunsOnOpenCl() throws Exception {
        List<Class<?>> contracts = contracts();
        assertTrue(contracts.size() >= 22, "found only " + contracts + " in " + location());
        List<String> missing = new ArrayList<>();
        for (Class<?> contract : contracts) {
            String name = "dev.nabla.opencl.OpenCl" + contract.getSimpleName().replaceFirst("Contract$", "") + "Test";
            try {
                Class<?> test = Class.forName(name);
                if (!contract.isAssignableFrom(test) || !test.isAnnotationPresent(OnOpenCl.class)) {
                    missing.add(name + " (must extend " + contract.getSimpleName() + " and be @OnOpenCl)");
                }
            } catch (ClassNotFoundException e) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) fail("contracts without an OpenCL subclass: " + missing);
    }

    /** The abstract subclasses of DeviceTestBase in the conformance package, read from its jar or directory. */
    private static List<Class<?>> contracts() throws IOException, URISyntaxException, ClassNotFoundException {
        List<String> names = new ArrayList<>();
        Path root = location();
        String dir = PACKAGE.replace('.', '/');
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.list(root.resolve(dir))) {
                files.forEach(f -> names.add(f.getFileName().toString()));
            }
        } else {
            try (JarFile jar = new JarFile(root.toFile())) {
                jar.stream().map(e -> e.getName()).filter(n -> n.startsWith(dir + "/") && n.indexOf('/', dir.length() + 1) < 0)
                        .forEach(n -> names.add(n.substring(dir.length() + 1)));
            }
        }
        List<Class<?>> out = new ArrayList<>();
        for (String file : names) {
            if (!file.endsWith(".class") || file.contains("$")) continue;
            Class<?> c = Class.forName(PACKAGE + "." + file.substring(0, file.length() - ".class".length()));
            if (c != DeviceTestBase.class && DeviceTestBase.class.isAssignableFrom(c) && Modifier.isAbstract(c.getModifiers())) {
                out.add(c);
            }
        }
        return out;
    }

    private static Path location() throws URISyntaxException {
        return Path.of(DeviceTestBase.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
