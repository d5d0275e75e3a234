package dev.nabla;

/** The pair PyTorch returns from {@code max(dim)}, {@code min(dim)}, {@code sort} and {@code topk}. */
public record ValuesIndices(Tensor values, Tensor indices) {
}
