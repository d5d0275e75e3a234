package dev.nabla.autograd;

import dev.nabla.NoGrad;
import dev.nabla.Tensor;
import org.junit.jupiter.api.Test;

import static dev.nabla.Nabla.tensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** In-place writes under autograd: version-counter errors, leaf protection, and correct gradients otherwise. */
class InPlaceAutogradTest {
    @Test
    void modifyingASavedTensorInPlaceMakesBackwardFailWithPyTorchsMessage() {
        Tensor x = tensor(new double[] {1, 2}).requiresGrad(true);
        Tensor a = x.mul(2.0);
        Tensor b = a.mul(a).sum();
        a.add_(1.0);
        IllegalStateException e = assertThrows(IllegalStateException.class, b::backward);
        assertTrue(e.getMessage().startsWith("one of the variables needed for gradient computation has been modified "
                + "by an inplace operation"), e.getMessage());
        assertTrue(e.getMessage().contains("MulBackward0"), e.getMessage());
        assertTrue(e.getMessage().contains("is at version 1; expected version 0"), e.getMessage());
    }

    @Test
    void writesThatBackwardDoesNotNeedAreFine() {
        Tensor x = tensor(new double[] {1, 2}).requiresGrad(true);
        Tensor a = x.mul(2.0);
        Tensor b = a.add(1.0).sum();
        a.add_(1.0);
        b.backward();
        assertArrayEquals(new double[] {2, 2}, x.grad().toDoubleArray());
    }

    @Test
    void inPlaceOpsOnIntermediatesJoinTheGraph() {
        Tensor x = tensor(new double[] {1, 2}).requiresGrad(true);
        Tensor y = x.mul(2.0);
        y.add_(1.0).mul_(3.0).exp_();
        assertEquals("ExpBackward0", y.gradFn().name());
        y.sum().backward();
        // y = exp(3 (2x + 1)), dy/dx = 6 exp(3 (2x + 1)).
        assertArrayEquals(new double[] {6 * Math.exp(9), 6 * Math.exp(15)}, x.grad().toDoubleArray(), 1e-6 * Math.exp(15));
    }

    @Test
    void inPlaceOnALeafThatRequiresGradThrowsOutsideNoGrad() {
        Tensor w = tensor(new double[] {1, 2}).requiresGrad(true);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> w.sub_(1.0));
        assertTrue(e.getMessage().contains("leaf tensor that requires grad"), e.getMessage());
        assertArrayEquals(new double[] {1, 2}, w.toDoubleArray(), "the failed write left w unchanged");
        try (NoGrad g = NoGrad.enter()) {
            w.sub_(1.0);
        }
        assertArrayEquals(new double[] {0, 1}, w.toDoubleArray());
        assertEquals(1, w.version());
    }

    @Test
    void inPlaceIntoAViewOfAGraphTensorIsRefused() {
        Tensor x = tensor(new double[] {1, 2, 3, 4}).requiresGrad(true);
        Tensor y = x.mul(2.0);
        Tensor row = y.narrow(0, 1, 2);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> row.mul_(2.0));
        assertTrue(e.getMessage().contains("view"), e.getMessage());
    }
}
