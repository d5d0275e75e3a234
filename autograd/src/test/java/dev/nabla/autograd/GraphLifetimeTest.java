package dev.nabla.autograd;

import dev.nabla.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.nabla.Nabla.tensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** retainGraph, the error for a second pass through a freed graph, and createGraph for higher derivatives. */
class GraphLifetimeTest {
    @Test
    void aSecondBackwardThroughAFreedGraphFailsClearly() {
        Tensor x = tensor(new double[] {1, 2}).requiresGrad(true);
        Tensor y = x.mul(x).sum();
        y.backward();
        IllegalStateException e = assertThrows(IllegalStateException.class, y::backward);
        assertTrue(e.getMessage().contains("backward through the graph a second time"), e.getMessage());
        assertTrue(e.getMessage().contains("retainGraph"), e.getMessage());
    }

    @Test
    void retainGraphAllowsAnotherPassAndGradientsAccumulate() {
        Tensor x = tensor(new double[] {1, 2}).requiresGrad(true);
        Tensor y = x.mul(x).sum();
        y.backward(tensor(1.0).to(y.dtype()), true, false);
        y.backward();
        assertArrayEquals(new double[] {4, 8}, x.grad().toDoubleArray());
    }

    @Test
    void secondDerivativeOfXCubedIsSixX() {
        Tensor x = tensor(new double[] {-1.5, 0.5, 2}).requiresGrad(true);
        Tensor y = x.pow(3.0).sum();
        Tensor dy = Autograd.grad(List.of(y), List.of(x), null, true, true).get(0);
        assertTrue(dy.requiresGrad(), "createGraph records the backward pass");
        assertArrayEquals(new double[] {3 * 2.25, 3 * 0.25, 3 * 4}, dy.toDoubleArray(), 1e-12);
        Tensor d2y = Autograd.grad(List.of(dy.sum()), List.of(x), null, false, false).get(0);
        assertArrayEquals(new double[] {-9, 3, 12}, d2y.toDoubleArray(), 1e-12);
    }

    @Test
    void backwardWithCreateGraphLeavesADifferentiableGrad() {
        Tensor x = tensor(new double[] {2}).requiresGrad(true);
        x.pow(3.0).sum().backward(tensor(1.0).to(x.dtype()), false, true);
        Tensor g = x.grad();
        assertEquals(12, g.item(), 1e-12);
        assertTrue(g.requiresGrad());
        x.setGrad(null);
        g.sum().backward();
        assertEquals(12, x.grad().item(), 1e-12, "d(3x^2)/dx = 6x at 2");
    }

    @Test
    void withoutCreateGraphTheGradIsAPlainTensor() {
        Tensor x = tensor(new double[] {2}).requiresGrad(true);
        x.pow(3.0).sum().backward();
        assertFalse(x.grad().requiresGrad());
    }
}
