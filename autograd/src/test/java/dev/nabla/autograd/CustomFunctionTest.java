package dev.nabla.autograd;

import dev.nabla.Tensor;
import org.junit.jupiter.api.Test;

import static dev.nabla.Nabla.tensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A user-defined differentiable function, as torch.autograd.Function. */
class CustomFunctionTest {
    /** x * y^2, saving both inputs, with a hand-written backward. */
    static final class MulSquare extends Function {
        @Override
        protected Tensor forward(FunctionContext ctx, Tensor... in) {
            ctx.saveForBackward(in[0], in[1]);
            return in[0].mul(in[1]).mul(in[1]);
        }

        @Override
        protected Tensor[] backward(FunctionContext ctx, Tensor g) {
            Tensor[] s = ctx.savedTensors();
            Tensor gx = ctx.needsInputGrad(0) ? g.mul(s[1]).mul(s[1]) : null;
            Tensor gy = ctx.needsInputGrad(1) ? g.mul(s[0]).mul(s[1]).mul(2.0) : null;
            return new Tensor[] {gx, gy};
        }
    }

    @Test
    void backwardUsesTheHandWrittenRule() {
        Tensor x = tensor(new double[] {1, 2}).requiresGrad(true);
        Tensor y = tensor(new double[] {3, 4}).requiresGrad(true);
        Tensor z = new MulSquare().apply(x, y);
        assertEquals("MulSquareBackward", z.gradFn().name());
        z.sum().backward();
        assertArrayEquals(new double[] {9, 16}, x.grad().toDoubleArray());
        assertArrayEquals(new double[] {6, 16}, y.grad().toDoubleArray());
    }

    @Test
    void itPassesGradCheckIncludingSecondOrder() {
        Tensor x = tensor(new double[] {0.5, -1.2, 2.0}).requiresGrad(true);
        Tensor y = tensor(new double[] {1.5, 0.3, -0.7}).requiresGrad(true);
        GradCheck.check(in -> new MulSquare().apply(in[0], in[1]), x, y);
        GradCheck.checkSecondOrder(in -> new MulSquare().apply(in[0], in[1]), x, y);
    }

    @Test
    void withNoInputRequiringGradNothingIsRecorded() {
        Tensor z = new MulSquare().apply(tensor(new double[] {1}), tensor(new double[] {2}));
        assertFalse(z.requiresGrad());
        assertEquals(4, z.item());
    }

    @Test
    void modifyingASavedTensorBreaksBackward() {
        Tensor x = tensor(new double[] {1, 2}).requiresGrad(true);
        Tensor y = tensor(new double[] {3, 4});
        Tensor z = new MulSquare().apply(x, y);
        y.add_(1.0);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> z.sum().backward());
        assertTrue(e.getMessage().contains("modified by an inplace operation"), e.getMessage());
    }

    @Test
    void aWrongGradCheckReportsTheWorstElement() {
        Function wrong = new Function() {
            @Override
            protected Tensor forward(FunctionContext ctx, Tensor... in) {
                ctx.saveForBackward(in[0]);
                return in[0].mul(in[0]);
            }

            @Override
            protected Tensor[] backward(FunctionContext ctx, Tensor g) {
                return new Tensor[] {g.mul(ctx.savedTensors()[0])};
            }
        };
        Tensor x = tensor(new double[] {1, 3}).requiresGrad(true);
        GradCheckException e = assertThrows(GradCheckException.class, () -> GradCheck.check(in -> wrong.apply(in[0]), x));
        assertTrue(e.getMessage().contains("element [1] and output element [1]"), e.getMessage());
        assertTrue(e.getMessage().contains("numerical 6.0"), e.getMessage());
        assertTrue(e.getMessage().contains("analytical 3.0"), e.getMessage());
    }
}
