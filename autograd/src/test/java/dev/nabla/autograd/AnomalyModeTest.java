package dev.nabla.autograd;

import dev.nabla.Tensor;
import org.junit.jupiter.api.Test;

import static dev.nabla.Nabla.tensor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Anomaly mode names the op whose backward produced NaN/Inf and where its forward was called. */
class AnomalyModeTest {
    @Test
    void aNonFiniteGradientNamesTheOpAndTheForwardCallSite() {
        IllegalStateException e;
        try (AnomalyMode a = AnomalyMode.enter()) {
            assertTrue(AnomalyMode.isEnabled());
            Tensor x = tensor(new double[] {0, 4}).requiresGrad(true);
            Tensor y = x.sqrt().sum();
            e = assertThrows(IllegalStateException.class, y::backward);
        }
        assertFalse(AnomalyMode.isEnabled());
        assertTrue(e.getMessage().startsWith("Function 'SqrtBackward0' returned infinite values"), e.getMessage());
        assertTrue(e.getMessage().contains("aNonFiniteGradientNamesTheOpAndTheForwardCallSite"), e.getMessage());
        assertTrue(e.getCause().getStackTrace().length > 0, "the forward trace travels as the cause");
    }

    @Test
    void withoutAnomalyModeTheInfinityJustPropagates() {
        Tensor x = tensor(new double[] {0, 4}).requiresGrad(true);
        x.sqrt().sum().backward();
        assertEquals(Double.POSITIVE_INFINITY, x.grad().toDoubleArray()[0]);
        assertEquals(0.25, x.grad().toDoubleArray()[1]);
    }
}
