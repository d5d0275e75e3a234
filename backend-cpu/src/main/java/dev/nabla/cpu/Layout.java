package dev.nabla.cpu;

import dev.nabla.spi.Strided;

/**
 * Several operands of one logical shape, with size-1 dims dropped and adjacent dims merged wherever every
 * operand allows it (the coalescing that makes most kernels see one long contiguous run).
 */
final class Layout {
    final int[] shape;
    /** strides[k][d]: operand k's stride for dim d. */
    final int[][] strides;
    final int[] offsets;
    final int numel;

    private Layout(int[] shape, int[][] strides, int[] offsets, int numel) {
        this.shape = shape;
        this.strides = strides;
        this.offsets = offsets;
        this.numel = numel;
    }

    /** Coalesces operands that all have the shape of the first. */
    static Layout of(Strided... operands) {
        int[] shape = operands[0].shape();
        int k = operands.length;
        int rank = 0;
        int[] dims = new int[shape.length];
        int numel = 1;
        for (int d = 0; d < shape.length; d++) {
            numel *= shape[d];
            if (shape[d] != 1) dims[rank++] = d;
        }
        int[] s = new int[rank];
        int[][] st = new int[k][rank];
        int r = -1;
        for (int i = 0; i < rank; i++) {
            int d = dims[i];
            boolean merge = r >= 0;
            for (int j = 0; j < k && merge; j++) {
                merge = st[j][r] == operands[j].strides()[d] * shape[d];
            }
            if (merge) {
                s[r] *= shape[d];
                for (int j = 0; j < k; j++) st[j][r] = operands[j].strides()[d];
            } else {
                r++;
                s[r] = shape[d];
                for (int j = 0; j < k; j++) st[j][r] = operands[j].strides()[d];
            }
        }
        int newRank = r + 1;
        int[] finalShape = java.util.Arrays.copyOf(s, newRank);
        int[][] finalStrides = new int[k][];
        int[] offsets = new int[k];
        for (int j = 0; j < k; j++) {
            finalStrides[j] = java.util.Arrays.copyOf(st[j], newRank);
            offsets[j] = operands[j].offset();
        }
        return new Layout(finalShape, finalStrides, offsets, numel);
    }

    int rank() {
        return shape.length;
    }

    /** True when operand k is row-major contiguous in this (coalesced) shape: a single dim of stride 1, or none. */
    boolean contiguous(int k) {
        return shape.length == 0 || (shape.length == 1 && strides[k][0] == 1);
    }

    /** True when operand k has stride 0 everywhere: one element repeated. */
    boolean scalar(int k) {
        return allZero(strides[k]);
    }

    /** True when every stride is 0: the operand is one element repeated. */
    static boolean allZero(int[] strides) {
        for (int s : strides) if (s != 0) return false;
        return true;
    }

    /** The storage position of operand k's element at row-major linear index {@code linear}. */
    int position(int k, int linear) {
        int p = offsets[k];
        int[] st = strides[k];
        for (int d = shape.length - 1; d >= 0; d--) {
            int size = shape[d];
            p += (linear % size) * st[d];
            linear /= size;
        }
        return p;
    }

    /** Receives one run along the innermost dim: each operand's storage position of its first element, and the length. */
    @FunctionalInterface
    interface RunVisitor {
        void run(int[] positions, int length);
    }

    /** The inner stride of operand k (0 for a scalar layout). */
    int innerStride(int k) {
        return shape.length == 0 ? 0 : strides[k][shape.length - 1];
    }

    /** Visits the elements with linear index in [start, end) as runs along the innermost dim. */
    void forEachRun(int start, int end, RunVisitor visitor) {
        int k = offsets.length;
        int[] pos = new int[k];
        if (shape.length == 0) {
            if (start < end) {
                System.arraycopy(offsets, 0, pos, 0, k);
                visitor.run(pos, 1);
            }
            return;
        }
        int rank = shape.length;
        int last = rank - 1;
        int[] idx = new int[rank];
        int rem = start;
        for (int d = last; d >= 0; d--) {
            idx[d] = rem % shape[d];
            rem /= shape[d];
        }
        for (int j = 0; j < k; j++) {
            int p = offsets[j];
            for (int d = 0; d < rank; d++) p += idx[d] * strides[j][d];
            pos[j] = p;
        }
        int at = start;
        while (at < end) {
            int len = Math.min(shape[last] - idx[last], end - at);
            visitor.run(pos, len);
            at += len;
            idx[last] += len;
            for (int j = 0; j < k; j++) pos[j] += len * strides[j][last];
            for (int d = last; d > 0 && idx[d] == shape[d]; d--) {
                idx[d] = 0;
                idx[d - 1]++;
                for (int j = 0; j < k; j++) pos[j] += strides[j][d - 1] - shape[d] * strides[j][d];
            }
        }
    }
}
