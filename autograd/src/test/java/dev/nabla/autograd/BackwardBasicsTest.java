package dev.nabla.autograd;

import dev.nabla.DType;
import dev.nabla.NoGrad;
import dev.nabla.EnableGrad;
import dev.nabla.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.nabla.Nabla.tensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The autograd program of every PyTorch tutorial: requiresGrad, backward, grad, accumulation, no-grad, detach. */
class BackwardBasicsTest {
    static Tensor leaf(double... values) {
        return tensor(values).requiresGrad(true);
    }

    @Test
    void gradientOfASumOfSquaresIsTwiceTheInput() {
        Tensor x = leaf(1, -2, 3);
        assertTrue(x.isLeaf());
        assertNull(x.grad());
        Tensor loss = x.mul(x).sum();
        assertFalse(loss.isLeaf());
        assertEquals("SumBackward0", loss.gradFn().name());
        assertEquals("MulBackward0", loss.gradFn().nextFunctions().get(0).name());
        loss.backward();
        assertArrayEquals(new double[] {2, -4, 6}, x.grad().toDoubleArray());
    }

    @Test
    void gradientsAccumulateAcrossBackwardCallsUntilReset() {
        Tensor x = leaf(1, 2);
        x.mul(3.0).sum().backward();
        x.mul(3.0).sum().backward();
        assertArrayEquals(new double[] {6, 6}, x.grad().toDoubleArray());
        x.setGrad(null);
        x.mul(x).sum().backward();
        assertArrayEquals(new double[] {2, 4}, x.grad().toDoubleArray());
    }

    @Test
    void aTensorUsedTwiceGetsBothContributions() {
        Tensor x = leaf(2);
        Tensor y = x.mul(x).add(x.mul(5.0));
        y.sum().backward();
        assertArrayEquals(new double[] {2 * 2 + 5}, x.grad().toDoubleArray());
    }

    @Test
    void mmRecordsAReadableNodeAndItsGradients() {
        Tensor a = tensor(new double[][] {{1, 2}, {3, 4}}).requiresGrad(true);
        Tensor b = tensor(new double[][] {{5, 6}, {7, 8}}).requiresGrad(true);
        Tensor c = a.mm(b);
        assertEquals("MmBackward0", c.gradFn().name());
        c.sum().backward();
        // d(sum(AB))/dA = 1 B^T: each row is the row sums of B; d/dB = A^T 1: each column is A's column sums.
        assertArrayEquals(new double[] {11, 15, 11, 15}, a.grad().toDoubleArray());
        assertArrayEquals(new double[] {4, 4, 6, 6}, b.grad().toDoubleArray());
    }

    @Test
    void noGradRecordsNothingAndNestsPerThread() throws Exception {
        Tensor x = leaf(1, 2);
        Tensor y;
        try (NoGrad g = NoGrad.enter()) {
            assertFalse(NoGrad.isGradEnabled());
            y = x.mul(2.0);
            try (EnableGrad e = EnableGrad.enter()) {
                assertTrue(x.mul(2.0).requiresGrad());
            }
            assertFalse(x.mul(2.0).requiresGrad());
            AtomicBoolean otherThreadRecords = new AtomicBoolean();
            Thread t = new Thread(() -> otherThreadRecords.set(x.mul(2.0).requiresGrad()));
            t.start();
            t.join();
            assertTrue(otherThreadRecords.get(), "grad mode is confined to the thread that entered NoGrad");
        }
        assertTrue(NoGrad.isGradEnabled());
        assertFalse(y.requiresGrad());
        assertNull(y.gradFn());
    }

    @Test
    void detachCutsTheGraphButSharesStorage() {
        Tensor x = leaf(1, 2);
        Tensor d = x.detach();
        assertFalse(d.requiresGrad());
        assertTrue(d.sharesStorageWith(x));
        Tensor y = x.mul(d).sum();
        y.backward();
        assertArrayEquals(new double[] {1, 2}, x.grad().toDoubleArray(), "d is a constant: dy/dx = d");
    }

    @Test
    void backwardOnANonScalarNeedsAGradient() {
        Tensor x = leaf(1, 2);
        Tensor y = x.mul(2.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, y::backward);
        assertTrue(e.getMessage().contains("only for scalar outputs"), e.getMessage());
        y.backward(tensor(new double[] {1, 10}));
        assertArrayEquals(new double[] {2, 20}, x.grad().toDoubleArray());
    }

    @Test
    void onlyFloatingLeavesCanRequireGradAndOnlyLeavesCanDropIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> tensor(new long[] {1, 2}).requiresGrad(true));
        assertTrue(e.getMessage().contains("floating point"), e.getMessage());
        Tensor y = leaf(1).mul(2.0);
        assertThrows(IllegalStateException.class, () -> y.requiresGrad(false));
        assertThrows(IllegalStateException.class, () -> tensor(new double[] {1}).sum().backward());
    }

    @Test
    void functionalGradLeavesGradAlone() {
        Tensor x = leaf(3);
        Tensor y = x.mul(x).mul(x).sum();
        List<Tensor> g = Autograd.grad(y, x);
        assertArrayEquals(new double[] {27}, g.get(0).toDoubleArray());
        assertNull(x.grad());
    }

    @Test
    void integerOutputsNeverRequireGrad() {
        Tensor x = leaf(1.5, -2.5);
        assertFalse(x.gt(0.0).requiresGrad());
        assertFalse(x.argmax().requiresGrad());
        assertEquals(DType.FLOAT64, x.floor().dtype());
        assertSame(null, x.floor().grad());
    }
}
