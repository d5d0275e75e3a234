package dev.nabla.autograd;

import dev.nabla.Tensor;
import org.junit.jupiter.api.Test;

import static dev.nabla.autograd.GradCase.leaf;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checker the tables rely on: it rejects wrong gradients and accepts the cases the tables need. */
class GradCheckSelfTest {

    /** sin with the derivative of -cos (a sign error). */
    static final class WrongSin extends Function {
        @Override
        protected Tensor forward(FunctionContext ctx, Tensor... inputs) {
            ctx.saveForBackward(inputs[0]);
            return inputs[0].sin();
        }

        @Override
        protected Tensor[] backward(FunctionContext ctx, Tensor g) {
            return new Tensor[] {g.mul(ctx.savedTensors()[0].cos()).neg()};
        }
    }

    @Test
    void aWrongBackwardIsRejectedWithTheWorstElement() {
        GradCheckException e = assertThrows(GradCheckException.class,
                () -> GradCheck.check(x -> new WrongSin().apply(x[0]), leaf(0, 2, 3)));
        assertTrue(e.getMessage().contains("Jacobian mismatch for input 0 (shape [2, 3])"), e.getMessage());
    }

    @Test
    void anOutputCutOffFromItsInputsIsRejected() {
        GradCheckException e = assertThrows(GradCheckException.class,
                () -> GradCheck.check(x -> x[0].detach().exp(), leaf(0, 3)));
        assertTrue(e.getMessage().contains("does not require grad, but it depends on the inputs"), e.getMessage());
    }

    @Test
    void scalarOutputsAndGradientsConstantInTheInputsPass() {
        assertDoesNotThrow(() -> GradCheck.check(x -> x[0].square().sum(), leaf(0, 2, 3)));
        // The gradient of 2x does not depend on x: the second derivative is zero and nothing records it.
        assertDoesNotThrow(() -> GradCheck.checkSecondOrder(x -> x[0].mul(2.0), leaf(0, 3)));
    }

    /** sin with a correct derivative computed from a detached input, so it cannot be differentiated again. */
    static final class OpaqueSin extends Function {
        @Override
        protected Tensor forward(FunctionContext ctx, Tensor... inputs) {
            ctx.saveForBackward(inputs[0]);
            return inputs[0].sin();
        }

        @Override
        protected Tensor[] backward(FunctionContext ctx, Tensor g) {
            return new Tensor[] {g.mul(ctx.savedTensors()[0].detach().cos())};
        }
    }

    @Test
    void aBackwardThatIsRightOnlyAtFirstOrderIsRejectedAtSecondOrder() {
        assertDoesNotThrow(() -> GradCheck.check(x -> new OpaqueSin().apply(x[0]), leaf(0, 3)));
        assertThrows(GradCheckException.class,
                () -> GradCheck.checkSecondOrder(x -> new OpaqueSin().apply(x[0]), leaf(0, 3)));
    }
}
