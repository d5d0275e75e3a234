package dev.nabla.autograd;

import dev.nabla.Tensor;

import java.util.Arrays;

/** The one place gradients are summed back from a broadcast shape to the shape of the input they belong to. */
final class Broadcasting {
    private Broadcasting() {
    }

    /** {@code g} summed over the leading dims and the size-1 dims that broadcasting stretched, shaped as {@code shape}. */
    static Tensor sumToShape(Tensor g, int[] shape) {
        int[] gs = g.shape();
        if (Arrays.equals(gs, shape)) return g;
        int lead = gs.length - shape.length;
        int[] dims = new int[gs.length];
        int n = 0;
        for (int d = 0; d < gs.length; d++) {
            if (d < lead || (shape[d - lead] == 1 && gs[d] != 1)) dims[n++] = d;
        }
        Tensor r = n == 0 ? g : g.sum(Arrays.copyOf(dims, n), true);
        return r.reshape(shape);
    }
}
