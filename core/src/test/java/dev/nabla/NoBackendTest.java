package dev.nabla;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** core's own tests run with no backend on the class path, as a user who forgot the CPU artifact would. */
class NoBackendTest {
    @Test
    void firstTensorOperationNamesTheArtifactToAdd() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Nabla.zeros(2, 3));
        assertTrue(e.getMessage().contains("dev.nabla:nabla-backend-cpu"), e.getMessage());
        assertTrue(e.getMessage().contains("'cpu'"), e.getMessage());
    }
}
