package dev.nabla.cpu;

import dev.nabla.spi.Strided;

/** The set of 1-d lines along one dim of several same-shaped operands, as a layout over the other dims. */
final class Lines {
    private Lines() {
    }

    /** A layout whose elements are the first elements of each line along {@code dim}. */
    static Layout of(int dim, Strided... operands) {
        Strided[] starts = new Strided[operands.length];
        for (int k = 0; k < operands.length; k++) {
            Strided s = operands[k];
            int[] shape = s.shape().clone();
            shape[dim] = 1;
            starts[k] = new Strided(s.storage(), shape, s.strides(), s.offset());
        }
        return Layout.of(starts);
    }
}
