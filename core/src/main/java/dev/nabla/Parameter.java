package dev.nabla;

/**
 * A tensor that is a module's learnable weight, as PyTorch's {@code nn.Parameter}: a leaf that requires grad
 * (unless asked otherwise), sharing the storage of the tensor it was made from.
 */
public final class Parameter extends Tensor {

    /** A parameter over {@code data}'s storage that requires grad. */
    public Parameter(Tensor data) {
        this(data, true);
    }

    /** A parameter over {@code data}'s storage, requiring grad or not. */
    public Parameter(Tensor data, boolean requiresGrad) {
        super(data);
        requiresGrad(requiresGrad);
    }

    /** PyTorch's {@code Parameter containing:} followed by the tensor. */
    @Override
    public String toString() {
        return "Parameter containing:\n" + super.toString();
    }
}
