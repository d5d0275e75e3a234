package dev.nabla.autograd;

import dev.nabla.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.nabla.Nabla.tensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tensor hooks (observe or replace a gradient) and retainGrad on non-leaves. */
class HooksTest {
    @Test
    void aLeafHookSeesAndCanReplaceTheGradientBeforeItAccumulates() throws Exception {
        Tensor x = tensor(new double[] {1, 2}).requiresGrad(true);
        List<double[]> seen = new ArrayList<>();
        AutoCloseable handle = x.registerHook(g -> {
            seen.add(g.toDoubleArray());
            return g.mul(10.0);
        });
        x.mul(3.0).sum().backward();
        assertArrayEquals(new double[] {3, 3}, seen.get(0));
        assertArrayEquals(new double[] {30, 30}, x.grad().toDoubleArray());
        handle.close();
        x.setGrad(null);
        x.mul(3.0).sum().backward();
        assertArrayEquals(new double[] {3, 3}, x.grad().toDoubleArray(), "a removed hook no longer runs");
        assertEquals(1, seen.size());
    }

    @Test
    void aHookOnAnIntermediateChangesWhatFlowsFurther() {
        Tensor x = tensor(new double[] {1, 2}).requiresGrad(true);
        Tensor h = x.mul(2.0);
        h.registerHook(g -> g.mul(0.0).add(1.0));
        h.mul(h).sum().backward();
        // dL/dh would be 2h = [4, 8]; the hook replaces it by ones, so dL/dx = 1 * 2.
        assertArrayEquals(new double[] {2, 2}, x.grad().toDoubleArray());
    }

    @Test
    void retainGradKeepsANonLeafGradient() {
        Tensor x = tensor(new double[] {1, 2}).requiresGrad(true);
        Tensor h = x.mul(2.0);
        Tensor other = x.mul(5.0);
        h.retainGrad();
        assertTrue(h.retainsGrad());
        h.mul(h).sum().add(other.sum()).backward();
        assertArrayEquals(new double[] {4, 8}, h.grad().toDoubleArray());
        assertNull(other.grad(), "non-leaves keep no gradient unless asked");
        assertArrayEquals(new double[] {8 + 5, 16 + 5}, x.grad().toDoubleArray());
    }

    @Test
    void hooksNeedATensorThatRequiresGrad() {
        assertThrows(IllegalStateException.class, () -> tensor(new double[] {1}).registerHook(g -> g));
        assertThrows(IllegalStateException.class, () -> tensor(new double[] {1}).retainGrad());
    }
}
