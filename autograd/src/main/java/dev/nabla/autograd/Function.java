package dev.nabla.autograd;

import dev.nabla.GradFn;
import dev.nabla.NoGrad;
import dev.nabla.Tensor;

/**
 * A user-defined differentiable op, as PyTorch's {@code torch.autograd.Function}: subclass it, compute the result
 * in {@link #forward} (which does not record), return the inputs' gradients from {@link #backward}, and call
 * {@link #apply}. Backward may itself use Tensor ops, so it is differentiable again when run with createGraph.
 */
public abstract class Function {

    /** The result for these inputs; runs without recording. Save what backward needs in {@code ctx}. */
    protected abstract Tensor forward(FunctionContext ctx, Tensor... inputs);

    /** The gradient for each input (null where {@code ctx.needsInputGrad(i)} is false or none exists). */
    protected abstract Tensor[] backward(FunctionContext ctx, Tensor gradOutput);

    /** Runs forward and, when some input requires grad, records this function as the result's node. */
    public final Tensor apply(Tensor... inputs) {
        FunctionContext ctx = new FunctionContext();
        Tensor out;
        try (NoGrad g = NoGrad.enter()) {
            out = forward(ctx, inputs);
        }
        for (Tensor in : inputs) {
            if (out == in) {
                out = out.detach();
                break;
            }
        }
        return GradFn.attachCustom(out, getClass().getSimpleName(), (gradOutput, needs) -> {
            ctx.needs(needs);
            Tensor[] grads = backward(ctx, gradOutput);
            if (grads.length != inputs.length) {
                throw new IllegalStateException(getClass().getSimpleName() + ".backward returned " + grads.length
                        + " gradients, but forward took " + inputs.length + " inputs");
            }
            return grads;
        }, inputs);
    }
}
