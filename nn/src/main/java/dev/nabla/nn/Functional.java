package dev.nabla.nn;

/**
 * PyTorch's {@code torch.nn.functional}: the stateless forms of the layers and losses, as static methods
 * ({@code import static dev.nabla.nn.Functional.*;}). Each section is implemented next to its layers.
 */
public final class Functional {
    private Functional() {
    }

    // ---------------------------------------------------------------- linear, dropout, embedding, one-hot, pad

    // ---------------------------------------------------------------- normalization

    // ---------------------------------------------------------------- convolution and pooling

    // ---------------------------------------------------------------- losses
}
