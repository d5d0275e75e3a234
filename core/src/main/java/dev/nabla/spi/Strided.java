package dev.nabla.spi;

import dev.nabla.DType;

import java.util.Arrays;

/**
 * A strided window onto a storage as passed to backend kernels: element {@code (i0, i1, ...)} lives at
 * {@code offset + i0*strides[0] + i1*strides[1] + ...}. Strides are in elements; a stride of 0 broadcasts,
 * and inputs (never outputs) may carry negative strides (a reversed view, used by {@code flip}).
 */
public record Strided(Storage storage, int[] shape, int[] strides, int offset) {

    /** Checks that shape and strides agree in rank. */
    public Strided {
        if (shape.length != strides.length) {
            throw new IllegalArgumentException("Strided: shape " + Arrays.toString(shape)
                    + " and strides " + Arrays.toString(strides) + " differ in rank");
        }
    }

    /** A contiguous row-major window over {@code storage} starting at element 0. */
    public static Strided contiguous(Storage storage, int[] shape) {
        return new Strided(storage, shape, contiguousStrides(shape), 0);
    }

    /** Row-major strides for a contiguous tensor of {@code shape} (a size-0 dim counts as 1, as in PyTorch). */
    public static int[] contiguousStrides(int[] shape) {
        int[] strides = new int[shape.length];
        int s = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            strides[d] = s;
            s *= Math.max(shape[d], 1);
        }
        return strides;
    }

    /** The element type of the storage. */
    public DType dtype() {
        return storage.dtype();
    }

    /** Number of dimensions. */
    public int rank() {
        return shape.length;
    }

    /** Product of the shape (1 for a scalar). */
    public int numel() {
        int n = 1;
        for (int s : shape) n *= s;
        return n;
    }

    /** True when the elements are laid out row-major with no gaps, so element i is at offset + i (always, when empty). */
    public boolean isContiguous() {
        if (numel() == 0) return true;
        int expected = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] == 1) continue;
            if (strides[d] != expected) return false;
            expected *= shape[d];
        }
        return true;
    }

    @Override
    public String toString() {
        return "Strided[" + dtype() + " shape=" + Arrays.toString(shape) + " strides=" + Arrays.toString(strides)
                + " offset=" + offset + "]";
    }
}
