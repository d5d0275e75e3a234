package dev.nabla.opencl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Several operands walked together over one shape, with their dims merged wherever every operand is contiguous
 * across them and size-1 dims dropped. Kernels take at most {@link #MAX_RANK} dims; a longer layout is cut into
 * slabs over its leading dims, each launched on its own.
 */
final class Layout {
    /** The most dims a kernel takes (its int8 arguments). */
    static final int MAX_RANK = 8;

    private final int[] shape;
    private final int[][] strides;
    private final int[] offsets;

    private Layout(int[] shape, int[][] strides, int[] offsets) {
        this.shape = shape;
        this.strides = strides;
        this.offsets = offsets;
    }

    /** The operands with {@code offsets} and {@code strides} (one array per operand) over {@code shape}, merged. */
    static Layout of(int[] shape, int[] offsets, int[]... strides) {
        int k = strides.length;
        List<Integer> sizes = new ArrayList<>();
        List<int[]> merged = new ArrayList<>();
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] == 1) continue;
            int[] st = new int[k];
            for (int j = 0; j < k; j++) st[j] = strides[j][d];
            int last = merged.size() - 1;
            if (last >= 0 && contiguous(merged.get(last), sizes.get(last), st)) {
                sizes.set(last, sizes.get(last) * shape[d]);
            } else {
                sizes.add(shape[d]);
                merged.add(st);
            }
        }
        int rank = sizes.size();
        int[] outShape = new int[rank];
        int[][] outStrides = new int[k][rank];
        for (int i = 0; i < rank; i++) {
            outShape[rank - 1 - i] = sizes.get(i);
            for (int j = 0; j < k; j++) outStrides[j][rank - 1 - i] = merged.get(i)[j];
        }
        return new Layout(outShape, outStrides, offsets.clone());
    }

    private static boolean contiguous(int[] inner, int innerSize, int[] outer) {
        for (int j = 0; j < inner.length; j++) {
            if ((long) inner[j] * innerSize != outer[j]) return false;
        }
        return true;
    }

    int rank() {
        return shape.length;
    }

    /** Elements walked (1 for rank 0). */
    int numel() {
        int n = 1;
        for (int s : shape) n *= s;
        return n;
    }

    /** Operand {@code j}'s first element. */
    int offset(int j) {
        return offsets[j];
    }

    /** Operand {@code j}'s stride along dim {@code d}. */
    int stride(int j, int d) {
        return strides[j][d];
    }

    /** The shape padded with zeros to {@link #MAX_RANK}, as kernels take it. */
    int[] shape8() {
        return Arrays.copyOf(shape, MAX_RANK);
    }

    /** Operand {@code j}'s strides padded with zeros to {@link #MAX_RANK}. */
    int[] strides8(int j) {
        return Arrays.copyOf(strides[j], MAX_RANK);
    }

    /** Pieces of at most {@link #MAX_RANK} dims covering this layout: itself when it is short enough. */
    List<Layout> slabs() {
        int lead = shape.length - MAX_RANK;
        if (lead <= 0) return List.of(this);
        int[] inner = Arrays.copyOfRange(shape, lead, shape.length);
        int count = 1;
        for (int d = 0; d < lead; d++) count *= shape[d];
        List<Layout> out = new ArrayList<>(count);
        int[] idx = new int[lead];
        for (int s = 0; s < count; s++) {
            int[] off = offsets.clone();
            int[][] st = new int[strides.length][];
            for (int j = 0; j < strides.length; j++) {
                for (int d = 0; d < lead; d++) off[j] += idx[d] * strides[j][d];
                st[j] = Arrays.copyOfRange(strides[j], lead, shape.length);
            }
            out.add(new Layout(inner, st, off));
            for (int d = lead - 1; d >= 0; d--) {
                if (++idx[d] < shape[d]) break;
                idx[d] = 0;
            }
        }
        return out;
    }
}
