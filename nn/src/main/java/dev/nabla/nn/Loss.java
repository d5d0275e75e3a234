package dev.nabla.nn;

import dev.nabla.Tensor;

import java.util.Objects;

/**
 * The base of the loss modules, as PyTorch's {@code _Loss}: a module of two inputs (prediction, target) with a
 * {@link Reduction}. Weights that PyTorch registers as buffers ({@code weight}, {@code pos_weight}) are buffers here
 * too, so they move with {@link #to} and appear in the state dict.
 */
public abstract class Loss extends Module {
    private final Reduction reduction;

    /** A loss that combines its per-element values with {@code reduction}. */
    protected Loss(Reduction reduction) {
        this.reduction = Objects.requireNonNull(reduction, "reduction");
    }

    /** How the per-element losses are combined. */
    public Reduction reduction() {
        return reduction;
    }

    /** The loss of {@code input} against {@code target}. */
    public abstract Tensor forward(Tensor input, Tensor target);

    /** {@link #forward(Tensor, Tensor)} for exactly two inputs: the prediction and the target. */
    @Override
    public final Tensor forward(Tensor... inputs) {
        if (inputs.length != 2) {
            throw new IllegalArgumentException(name() + ".forward: expected 2 input tensors (input, target), got "
                    + inputs.length);
        }
        return forward(inputs[0], inputs[1]);
    }
}
