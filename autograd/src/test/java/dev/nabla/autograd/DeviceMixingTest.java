package dev.nabla.autograd;

import dev.nabla.Tensor;
import org.junit.jupiter.api.Test;

import static dev.nabla.Nabla.tensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With a second device on the class path: ops refuse to mix devices, to() moves, and gradients follow the move. */
class DeviceMixingTest {
    @Test
    void anOpOverTwoDevicesNamesBoth() {
        Tensor a = tensor(new double[] {1, 2});
        Tensor b = tensor(new double[] {3, 4}).to(MirrorBackend.MIRROR);
        assertEquals(MirrorBackend.MIRROR, b.device());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.add(b));
        assertTrue(e.getMessage().contains("cpu") && e.getMessage().contains("mirror:0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> a.mm(b.reshape(2, 1)));
        assertThrows(IllegalArgumentException.class, () -> dev.nabla.Nabla.cat(a, b));
    }

    @Test
    void copyBetweenDevicesAndGradientsAcrossTo() {
        Tensor x = tensor(new double[] {1, 2}).requiresGrad(true);
        Tensor onMirror = x.to(MirrorBackend.MIRROR);
        Tensor back = onMirror.mul(3.0).to(dev.nabla.Device.cpu());
        back.sum().backward();
        assertArrayEquals(new double[] {3, 3}, x.grad().toDoubleArray());
        Tensor target = tensor(new double[] {0, 0});
        target.copy_(onMirror.detach());
        assertArrayEquals(new double[] {1, 2}, target.toDoubleArray(), "copy_ moves across devices");
    }
}
