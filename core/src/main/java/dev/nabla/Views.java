package dev.nabla;

import dev.nabla.spi.GraphOp;
import dev.nabla.spi.Strided;

import java.util.ArrayList;
import java.util.List;

/** Ops that reinterpret a tensor's layout without touching its elements; every result shares the storage. */
final class Views {
    private Views() {
    }

    /** A view with the given layout over the same storage and version counter (not recorded for autograd). */
    static Tensor make(Tensor base, int[] shape, int[] strides, int offset) {
        Tensor v = new Tensor(base.storage, shape, strides, offset, base.version, false);
        v.viewBase = base.viewBase != null ? base.viewBase : base;
        return v;
    }

    /** A view recorded as {@code op} of {@code x}, so gradients flow back through it. */
    private static Tensor recorded(Tensor x, GraphOp op, Object attributes, int[] shape, int[] strides, int offset) {
        return Recorder.record(make(x, shape, strides, offset), op, attributes, x);
    }

    /** A same-elements view with a new shape, recorded as a reshape. */
    private static Tensor reshaped(Tensor x, int[] shape, int[] strides) {
        return recorded(x, GraphOp.RESHAPE, null, shape, strides, x.offset);
    }

    /** A view with a contiguous layout of {@code shape}; the caller knows {@code x} is contiguous. */
    static Tensor viewUnchecked(Tensor x, int[] shape) {
        return make(x, shape, Strided.contiguousStrides(shape), x.offset);
    }

    /** Resolves a single -1 in a requested shape and checks the element count. */
    static int[] inferShape(String op, int[] requested, int numel) {
        int[] shape = requested.clone();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == -1) {
                if (infer >= 0) throw new IllegalArgumentException(op + ": only one dimension can be inferred (-1), got "
                        + Shapes.str(requested));
                infer = i;
            } else if (shape[i] < 0) {
                throw new IllegalArgumentException(op + ": invalid shape dimension " + shape[i] + " in "
                        + Shapes.str(requested));
            } else {
                known *= shape[i];
            }
        }
        if (infer >= 0) {
            if (known == 0 || numel % known != 0) {
                throw new IllegalArgumentException(op + ": shape " + Shapes.str(requested) + " is invalid for input of size "
                        + numel);
            }
            shape[infer] = (int) (numel / known);
        } else if (known != numel) {
            throw new IllegalArgumentException(op + ": shape " + Shapes.str(requested) + " is invalid for input of size "
                    + numel);
        }
        return shape;
    }

    /**
     * Strides that let {@code x}'s elements be read in {@code shape} without copying, or null when the layout
     * forbids it (PyTorch's {@code computeStride}: each run of merged dims must be contiguous within itself).
     */
    static int[] viewStrides(Tensor x, int[] shape) {
        int[] oldShape = x.shape;
        int[] oldStrides = x.strides;
        int[] strides = new int[shape.length];
        if (oldShape.length == 0 || Shapes.numel(oldShape) == 0) return Strided.contiguousStrides(shape);
        int viewD = shape.length - 1;
        long chunkBase = oldStrides.length == 0 ? 1 : oldStrides[oldStrides.length - 1];
        long tensorNumel = 1;
        long viewNumel = 1;
        for (int d = oldShape.length - 1; d >= 0; d--) {
            tensorNumel *= oldShape[d];
            boolean endOfChunk = d == 0 || (oldShape[d - 1] != 1 && oldStrides[d - 1] != tensorNumel * chunkBase);
            if (endOfChunk) {
                while (viewD >= 0 && (viewNumel < tensorNumel || shape[viewD] == 1)) {
                    strides[viewD] = (int) (viewNumel * chunkBase);
                    viewNumel *= shape[viewD];
                    viewD--;
                }
                if (viewNumel != tensorNumel) return null;
                if (d > 0) {
                    chunkBase = oldStrides[d - 1];
                    tensorNumel = 1;
                    viewNumel = 1;
                }
            }
        }
        if (viewD != -1) return null;
        return strides;
    }

    static Tensor view(Tensor x, int[] requested) {
        int[] shape = inferShape("view", requested, x.numel());
        int[] strides = viewStrides(x, shape);
        if (strides == null) {
            throw new IllegalArgumentException("view: size " + Shapes.str(shape) + " is not compatible with input of shape "
                    + Shapes.str(x.shape) + " and strides " + Shapes.str(x.strides)
                    + " (at least one dimension spans across two contiguous subspaces); use reshape(...) instead");
        }
        return reshaped(x, shape, strides);
    }

    static Tensor reshape(Tensor x, int[] requested) {
        int[] shape = inferShape("reshape", requested, x.numel());
        int[] strides = viewStrides(x, shape);
        if (strides != null) return reshaped(x, shape, strides);
        Tensor copy = x.clone();
        return reshaped(copy, shape, Strided.contiguousStrides(shape));
    }

    static Tensor permute(Tensor x, int[] dims) {
        int rank = x.dim();
        if (dims.length != rank) {
            throw new IllegalArgumentException("permute: number of dims " + dims.length + " in " + Shapes.str(dims)
                    + " does not match the tensor's rank " + rank + " (shape " + Shapes.str(x.shape) + ")");
        }
        int[] shape = new int[rank];
        int[] strides = new int[rank];
        boolean[] seen = new boolean[rank];
        int[] perm = new int[rank];
        for (int i = 0; i < rank; i++) {
            int d = Shapes.wrapDim("permute", dims[i], rank);
            if (seen[d]) throw new IllegalArgumentException("permute: dim " + d + " repeats in " + Shapes.str(dims));
            seen[d] = true;
            shape[i] = x.shape[d];
            strides[i] = x.strides[d];
            perm[i] = d;
        }
        return recorded(x, GraphOp.PERMUTE, perm, shape, strides, x.offset);
    }

    static Tensor transpose(Tensor x, int dim0, int dim1) {
        int rank = x.dim();
        if (rank == 0) {
            Shapes.wrapDim("transpose", dim0, 0);
            Shapes.wrapDim("transpose", dim1, 0);
            return reshaped(x, x.shape, x.strides);
        }
        int[] perm = Shapes.allDims(rank);
        int a = Shapes.wrapDim("transpose", dim0, rank);
        int b = Shapes.wrapDim("transpose", dim1, rank);
        perm[a] = b;
        perm[b] = a;
        return permute(x, perm);
    }

    static Tensor t(Tensor x) {
        if (x.dim() > 2) {
            throw new IllegalArgumentException("t: expects a tensor with <= 2 dimensions, but got shape "
                    + Shapes.str(x.shape) + "; use transpose(dim0, dim1) or permute");
        }
        return x.dim() < 2 ? reshaped(x, x.shape, x.strides) : transpose(x, 0, 1);
    }

    static Tensor expand(Tensor x, int[] sizes) {
        int rank = sizes.length;
        if (rank < x.dim()) {
            throw new IllegalArgumentException("expand: the number of sizes provided (" + rank + ") must be greater or "
                    + "equal to the number of dimensions in the tensor (" + x.dim() + "), shape " + Shapes.str(x.shape));
        }
        int lead = rank - x.dim();
        int[] shape = new int[rank];
        int[] strides = new int[rank];
        for (int i = 0; i < rank; i++) {
            int want = sizes[i];
            if (i < lead) {
                if (want < 0) throw new IllegalArgumentException("expand: -1 is not allowed for the new leading dim " + i
                        + " in " + Shapes.str(sizes));
                shape[i] = want;
                strides[i] = 0;
                continue;
            }
            int have = x.shape[i - lead];
            if (want == -1 || want == have) {
                shape[i] = have;
                strides[i] = x.strides[i - lead];
            } else if (have == 1 && want >= 0) {
                shape[i] = want;
                strides[i] = 0;
            } else {
                throw new IllegalArgumentException("expand: the expanded size of the tensor (" + want + ") must match the "
                        + "existing size (" + have + ") at non-singleton dimension " + i + ".  Target sizes: "
                        + Shapes.str(sizes) + ".  Tensor sizes: " + Shapes.str(x.shape));
            }
        }
        Shapes.numel(shape);
        return recorded(x, GraphOp.EXPAND, null, shape, strides, x.offset);
    }

    static Tensor squeeze(Tensor x) {
        int n = 0;
        for (int s : x.shape) if (s != 1) n++;
        int[] shape = new int[n];
        int[] strides = new int[n];
        for (int d = 0, j = 0; d < x.dim(); d++) {
            if (x.shape[d] != 1) {
                shape[j] = x.shape[d];
                strides[j++] = x.strides[d];
            }
        }
        return reshaped(x, shape, strides);
    }

    static Tensor squeeze(Tensor x, int dim) {
        if (x.dim() == 0) {
            Shapes.wrapDim("squeeze", dim, 0);
            return reshaped(x, x.shape, x.strides);
        }
        int d = Shapes.wrapDim("squeeze", dim, x.dim());
        if (x.shape[d] != 1) return reshaped(x, x.shape, x.strides);
        return reshaped(x, remove(x.shape, d), remove(x.strides, d));
    }

    static Tensor unsqueeze(Tensor x, int dim) {
        int d = Shapes.wrapDim("unsqueeze", dim, x.dim() + 1);
        int stride = d < x.dim() ? x.shape[d] * x.strides[d] : 1;
        return reshaped(x, insert(x.shape, d, 1), insert(x.strides, d, stride));
    }

    static Tensor flatten(Tensor x, int startDim, int endDim) {
        if (x.dim() == 0) return reshape(x, new int[] {1});
        int s = Shapes.wrapDim("flatten", startDim, x.dim());
        int e = Shapes.wrapDim("flatten", endDim, x.dim());
        if (s > e) throw new IllegalArgumentException("flatten: start_dim " + startDim + " cannot come after end_dim "
                + endDim + " for shape " + Shapes.str(x.shape));
        if (s == e) return reshaped(x, x.shape, x.strides);
        int[] shape = new int[x.dim() - (e - s)];
        int j = 0;
        for (int d = 0; d < s; d++) shape[j++] = x.shape[d];
        int merged = 1;
        for (int d = s; d <= e; d++) merged *= x.shape[d];
        shape[j++] = merged;
        for (int d = e + 1; d < x.dim(); d++) shape[j++] = x.shape[d];
        return reshape(x, shape);
    }

    static Tensor unflatten(Tensor x, int dim, int[] sizes) {
        int d = Shapes.wrapDim("unflatten", dim, x.dim());
        if (sizes.length == 0) throw new IllegalArgumentException("unflatten: sizes must be non-empty");
        int[] inner;
        try {
            inner = inferShape("unflatten", sizes, x.shape[d]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unflatten: provided sizes " + Shapes.str(sizes) + " don't multiply up to "
                    + "the size of dim " + dim + " (" + x.shape[d] + ") in the input tensor of shape " + Shapes.str(x.shape), e);
        }
        int[] shape = new int[x.dim() - 1 + inner.length];
        System.arraycopy(x.shape, 0, shape, 0, d);
        System.arraycopy(inner, 0, shape, d, inner.length);
        System.arraycopy(x.shape, d + 1, shape, d + inner.length, x.dim() - d - 1);
        return view(x, shape);
    }

    static Tensor narrow(Tensor x, int dim, int start, int length) {
        if (x.dim() == 0) throw new IllegalArgumentException("narrow: cannot be applied to a 0-dim tensor");
        int d = Shapes.wrapDim("narrow", dim, x.dim());
        int size = x.shape[d];
        int s = start < 0 ? start + size : start;
        if (s < 0 || s > size) {
            throw new IndexOutOfBoundsException("narrow: start " + start + " is out of range for dim " + d + " of size "
                    + size + " (shape " + Shapes.str(x.shape) + ")");
        }
        if (length < 0 || s + length > size) {
            throw new IndexOutOfBoundsException("narrow: start (" + s + ") + length (" + length + ") exceeds the size "
                    + size + " of dim " + d + " (shape " + Shapes.str(x.shape) + ")");
        }
        return sliced(x, d, s, length);
    }

    /** {@link #narrow} of a checked dim d and range [s, s + length). */
    private static Tensor sliced(Tensor x, int d, int s, int length) {
        int[] shape = x.shape.clone();
        shape[d] = length;
        return recorded(x, GraphOp.SLICE, new int[] {d, s, s + length, 1}, shape, x.strides, x.offset + s * x.strides[d]);
    }

    static Tensor select(Tensor x, int dim, int index) {
        if (x.dim() == 0) throw new IndexOutOfBoundsException("select: cannot be applied to a 0-dim tensor");
        int d = Shapes.wrapDim("select", dim, x.dim());
        int size = x.shape[d];
        if (index < -size || index >= size) {
            throw new IndexOutOfBoundsException("select: index " + index + " is out of bounds for dimension " + d
                    + " with size " + size + " (shape " + Shapes.str(x.shape) + ")");
        }
        return selected(x, d, index < 0 ? index + size : index);
    }

    /** {@link #select} of a checked dim d and index i in [0, size). */
    private static Tensor selected(Tensor x, int d, int i) {
        Tensor row = sliced(x, d, i, 1);
        return reshaped(row, remove(row.shape, d), remove(row.strides, d));
    }

    /** {@code x[i0, i1, ...]}: one select per given index, leading dims first; errors name {@code op} and x's dim. */
    static Tensor index(String op, Tensor x, int[] index) {
        if (index.length > x.dim()) {
            throw new IndexOutOfBoundsException(op + ": too many indices (" + index.length + ") for a tensor of rank "
                    + x.dim() + " (shape " + Shapes.str(x.shape) + ")");
        }
        Tensor r = x;
        for (int d = 0; d < index.length; d++) {
            int size = x.shape[d];
            if (index[d] < -size || index[d] >= size) {
                throw new IndexOutOfBoundsException(op + ": index " + index[d] + " is out of bounds for dimension " + d
                        + " with size " + size + " (shape " + Shapes.str(x.shape) + ")");
            }
            r = selected(r, 0, index[d] < 0 ? index[d] + size : index[d]);
        }
        return r;
    }

    /** Python's slice rules for one dim: {dim, start, end, step} with negative bounds wrapped and clamped. */
    static int[] sliceWindow(String op, Tensor x, int dim, int start, int end, int step) {
        if (x.dim() == 0) throw new IllegalArgumentException(op + ": cannot be applied to a 0-dim tensor");
        int d = Shapes.wrapDim(op, dim, x.dim());
        if (step <= 0) throw new IllegalArgumentException(op + ": step must be positive, got " + step);
        int size = x.shape[d];
        long s = start < 0 ? (long) start + size : start;
        long e = end < 0 ? (long) end + size : end;
        s = Math.min(Math.max(s, 0), size);
        e = Math.min(Math.max(e, s), size);
        return new int[] {d, (int) s, (int) e, step};
    }

    static Tensor slice(Tensor x, int dim, int start, int end, int step) {
        int[] w = sliceWindow("slice", x, dim, start, end, step);
        int d = w[0];
        int[] shape = x.shape.clone();
        int[] strides = x.strides.clone();
        shape[d] = (w[2] - w[1] + step - 1) / step;
        strides[d] = x.strides[d] * step;
        return recorded(x, GraphOp.SLICE, w, shape, strides, x.offset + w[1] * x.strides[d]);
    }

    /** Rejects 0-dim tensors for ops that need a dim to cut along. */
    private static void requireDims(String op, Tensor x) {
        if (x.dim() == 0) throw new IllegalArgumentException(op + ": expects at least a 1-dimensional tensor, got a 0-dim one");
    }

    static List<Tensor> split(Tensor x, int splitSize, int dim) {
        requireDims("split", x);
        int d = Shapes.wrapDim("split", dim, x.dim());
        if (splitSize <= 0 && !(splitSize == 0 && x.shape[d] == 0)) {
            throw new IllegalArgumentException("split: split_size must be positive, got " + splitSize);
        }
        List<Tensor> out = new ArrayList<>();
        int size = x.shape[d];
        if (size == 0) {
            out.add(narrow(x, d, 0, 0));
            return out;
        }
        for (int at = 0; at < size; at += splitSize) out.add(narrow(x, d, at, Math.min(splitSize, size - at)));
        return out;
    }

    static List<Tensor> split(Tensor x, int[] sizes, int dim) {
        requireDims("split", x);
        int d = Shapes.wrapDim("split", dim, x.dim());
        long total = 0;
        for (int s : sizes) {
            if (s < 0) throw new IllegalArgumentException("split: sizes must be >= 0, got " + Shapes.str(sizes));
            total += s;
        }
        if (total != x.shape[d]) {
            throw new IllegalArgumentException("split: split sizes " + Shapes.str(sizes) + " add up to " + total
                    + " but dim " + d + " has size " + x.shape[d] + " (shape " + Shapes.str(x.shape) + ")");
        }
        List<Tensor> out = new ArrayList<>();
        int at = 0;
        for (int s : sizes) {
            out.add(narrow(x, d, at, s));
            at += s;
        }
        return out;
    }

    static List<Tensor> chunk(Tensor x, int chunks, int dim) {
        requireDims("chunk", x);
        if (chunks <= 0) throw new IllegalArgumentException("chunk: number of chunks must be positive, got " + chunks);
        int d = Shapes.wrapDim("chunk", dim, x.dim());
        int size = x.shape[d];
        // An empty dim gives `chunks` empty pieces, as PyTorch (split would give only one).
        if (size == 0) return split(x, new int[chunks], d);
        return split(x, (size + chunks - 1) / chunks, d);
    }

    static List<Tensor> unbind(Tensor x, int dim) {
        requireDims("unbind", x);
        int d = Shapes.wrapDim("unbind", dim, x.dim());
        List<Tensor> out = new ArrayList<>();
        for (int i = 0; i < x.shape[d]; i++) out.add(select(x, d, i));
        return out;
    }

    static int[] remove(int[] a, int i) {
        int[] r = new int[a.length - 1];
        System.arraycopy(a, 0, r, 0, i);
        System.arraycopy(a, i + 1, r, i, a.length - i - 1);
        return r;
    }

    static int[] insert(int[] a, int i, int v) {
        int[] r = new int[a.length + 1];
        System.arraycopy(a, 0, r, 0, i);
        r[i] = v;
        System.arraycopy(a, i, r, i + 1, a.length - i);
        return r;
    }
}
