package dev.nabla.spi;

/** The attributes of a recorded reduction: the reduced dims (sorted) and whether they were kept. */
public record ReduceArgs(int[] dims, boolean keepdim) {
}
