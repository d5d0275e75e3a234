package dev.nabla.opencl;

import dev.nabla.DType;
import dev.nabla.Device;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.autograd.GradCheck;
import dev.nabla.spi.Window2d;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.nabla.Nabla.randint;
import static dev.nabla.Nabla.randn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Gradients of each kernel family on OpenCL checked against finite differences in float64 (skipped on a device
 * without it), and autograd through {@code to(device)} between the CPU and OpenCL.
 */
@OnOpenCl
class GradientsOnOpenClTest {
    private Device device;

    @BeforeEach
    void seed() {
        Nabla.manualSeed(5);
        device = OpenClCondition.device();
    }

    /** A float64 leaf on the OpenCL device that requires grad. */
    private Tensor leaf(int... shape) {
        return randn(shape).to(DType.FLOAT64).to(device).requiresGrad(true);
    }

    @Test
    void elementwiseAndReductions() {
        Tensor a = leaf(3, 4);
        Tensor b = leaf(4);
        GradCheck.check(in -> in[0].mul(in[1]).sigmoid().add(in[0].div(in[1].exp())).tanh().sum(), a, b);
        GradCheck.check(in -> in[0].abs().add(0.5).pow(in[1].sigmoid()).mean(0), a, b);
        GradCheck.check(in -> Nabla.where(in[0].gt(0.0), in[0].mul(in[1]), in[1].expand(3, 4)).flip(1).cumsum(1), a, b);
        GradCheck.check(in -> in[0].softmax(1).mul(in[0].logsumexp(0)).amax(new int[] {1}, false), a);
        GradCheck.check(in -> in[0].prod(1, false).add(in[0].var(new int[] {0}, true, false).sum()), a);
    }

    @Test
    void productsIndexingSortingAndWindows() {
        Tensor a = leaf(2, 3, 4);
        Tensor b = leaf(2, 4, 5);
        GradCheck.check(in -> in[0].bmm(in[1]).transpose(1, 2).matmul(in[0].select(0, 1)), a, b);
        Tensor index = randint(0, 3, 2, 3, 4).to(device);
        GradCheck.check(in -> in[0].gather(1, index).add(in[1].narrow(2, 0, 4).narrow(1, 0, 3)), a, b);
        GradCheck.check(in -> in[1].scatterAdd(1, index, in[0]).mul(in[1]), a, b);
        GradCheck.check(in -> in[0].sort(2, true).values().mul(in[0]), a);
        Window2d window = new Window2d(2, 2, 1, 1, 1, 0, 1, 1, 4, 2);
        Tensor image = leaf(1, 2, 3, 3);
        GradCheck.check(in -> in[0].im2col(window, 0).col2im(3, 3, window).pow(2.0), image);
    }

    @Test
    void gradientsFlowAcrossToDevice() {
        Tensor x = randn(3, 4).requiresGrad(true);
        Tensor y = x.to(device).exp().mul(2.0).sum(1).to(Device.cpu()).sum();
        y.backward();
        assertEquals(Device.cpu(), x.grad().device());
        double[] expected = x.detach().exp().mul(2.0).toDoubleArray();
        assertArrayEquals(expected, x.grad().toDoubleArray(), 1e-5);
        Tensor onDevice = randn(2, 2).to(device).requiresGrad(true);
        onDevice.to(Device.cpu()).pow(2.0).sum().backward();
        assertEquals(device, onDevice.grad().device());
        assertArrayEquals(onDevice.detach().mul(2.0).toDoubleArray(), onDevice.grad().toDoubleArray(), 1e-6);
    }

    @Test
    void mixingDevicesInOneOpIsAnError() {
        Tensor cpu = randn(2, 3);
        Tensor ocl = randn(2, 3).to(device);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> cpu.add(ocl));
        assertTrue(e.getMessage().contains("cpu") && e.getMessage().contains(device.toString()), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ocl.mm(cpu.t()));
        assertArrayEquals(cpu.toFloatArray(), cpu.to(device).to(Device.cpu()).toFloatArray());
    }
}
