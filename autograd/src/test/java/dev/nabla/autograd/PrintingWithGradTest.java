package dev.nabla.autograd;

import dev.nabla.Tensor;
import org.junit.jupiter.api.Test;

import static dev.nabla.Nabla.tensor;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** PyTorch's autograd suffixes in printed tensors. */
class PrintingWithGradTest {
    @Test
    void leavesShowRequiresGradAndResultsShowTheirNode() {
        Tensor x = tensor(new float[] {1, 2}).requiresGrad(true);
        assertEquals("tensor([1., 2.], requires_grad=True)", x.toString());
        assertEquals("tensor([2., 4.], grad_fn=<MulBackward0>)", x.mul(2.0).toString());
        assertEquals("tensor(3., grad_fn=<SumBackward0>)", x.sum().toString());
    }
}
