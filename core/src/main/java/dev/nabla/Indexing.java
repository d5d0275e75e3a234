package dev.nabla;

import dev.nabla.spi.GraphOp;
import dev.nabla.spi.Strided;

import java.util.ArrayList;
import java.util.List;

/** Index-driven ops (gather, scatter, indexSelect), reordering (flip, sort, topk), and joining (cat, stack, repeat). */
final class Indexing {
    private Indexing() {
    }

    /** The index as INT64 after checking it is an integer tensor whose values lie in [0, size). */
    static Tensor checkIndex(String op, Tensor index, int size, int dim) {
        if (!index.dtype().isIntegral()) {
            throw new IllegalArgumentException(op + ": expected an integer index tensor (int64 or int32), but got "
                    + index.dtype());
        }
        Tensor idx = index.to(DType.INT64);
        if (idx.numel() == 0) return idx;
        long lo = idx.min().itemLong();
        long hi = idx.max().itemLong();
        if (lo < 0 || hi >= size) {
            long bad = lo < 0 ? lo : hi;
            throw new IndexOutOfBoundsException(op + ": index " + bad + " is out of bounds for dimension " + dim
                    + " with size " + size);
        }
        return idx;
    }

    static Tensor indexSelect(Tensor x, int dim, Tensor index) {
        if (index.dim() > 1) {
            throw new IllegalArgumentException("indexSelect: index must be a 1-D tensor, but got shape "
                    + Shapes.str(index.shape));
        }
        Dispatch.sameDevice("indexSelect", x, index);
        Tensor src = x.dim() == 0 ? x.reshape(1) : x;
        int d = Shapes.wrapDim("indexSelect", dim, x.dim());
        Tensor idx = checkIndex("indexSelect", index.reshape(-1), src.shape[d], d);
        int[] shape = src.shape.clone();
        shape[d] = idx.numel();
        int[] idxShape = new int[src.dim()];
        java.util.Arrays.fill(idxShape, 1);
        idxShape[d] = idx.numel();
        Tensor out = Dispatch.gather(src, d, idx.view(idxShape).expand(shape));
        return x.dim() == 0 ? out.reshape(index.shape) : out;
    }

    /** Checks index rank and the per-dim size limits gather and scatter share. */
    private static void checkIndexShape(String op, Tensor self, int d, Tensor index, Tensor src) {
        if (index.dim() != self.dim()) {
            throw new IllegalArgumentException(op + ": index tensor must have the same number of dimensions as the input ("
                    + Shapes.str(index.shape) + " vs " + Shapes.str(self.shape) + ")");
        }
        for (int i = 0; i < self.dim(); i++) {
            if (i != d && index.shape[i] > self.shape[i]) {
                throw new IllegalArgumentException(op + ": size does not match at dimension " + i + ": expected index "
                        + Shapes.str(index.shape) + " to be no larger than self " + Shapes.str(self.shape)
                        + " apart from dimension " + d);
            }
            if (src != null && index.shape[i] > src.shape[i]) {
                throw new IllegalArgumentException(op + ": size does not match at dimension " + i + ": expected index "
                        + Shapes.str(index.shape) + " to be no larger than src " + Shapes.str(src.shape));
            }
        }
    }

    static Tensor gather(Tensor x, int dim, Tensor index) {
        Dispatch.sameDevice("gather", x, index);
        Tensor src = x.dim() == 0 ? x.reshape(1) : x;
        Tensor ix = index.dim() == 0 ? index.reshape(1) : index;
        int d = Shapes.wrapDim("gather", dim, x.dim());
        checkIndexShape("gather", src, d, ix, null);
        Tensor idx = checkIndex("gather", ix, src.shape[d], d);
        Tensor out = Dispatch.gather(src, d, idx);
        return index.dim() == 0 ? out.reshape() : out;
    }

    /** PyTorch's out-of-place scatter / scatter_add: a copy of {@code self} with {@code src} written at {@code index}. */
    static Tensor scatterCopy(String op, Tensor self, int dim, Tensor index, Tensor src, boolean accumulate) {
        Tensor out;
        try (NoGrad g = NoGrad.enter()) {
            out = scatter(op, self.clone(), dim, index, src, accumulate);
        }
        return Recorder.record(out, accumulate ? GraphOp.SCATTER_ADD : GraphOp.SCATTER, Shapes.wrapDim(op, dim, self.dim()),
                self, index, src);
    }

    /** The in-place forms: scatter straight into {@code self}, or, when autograd records, through a copy. */
    static Tensor scatterInPlace(String op, Tensor self, int dim, Tensor index, Tensor src, boolean accumulate) {
        InPlace.checkWritable(op, self);
        if (Recorder.needed(self, src)) return InPlace.assign(op, self, scatterCopy(op, self, dim, index, src, accumulate));
        return scatter(op, self, dim, index, src, accumulate);
    }

    /** Scatters into {@code self} without recording and returns it. */
    static Tensor scatter(String op, Tensor self, int dim, Tensor index, Tensor src, boolean accumulate) {
        Dispatch.sameDevice(op, self, index, src);
        if (self.dim() == 0 || index.dim() == 0 || src.dim() == 0) {
            // 0-dim operands act as 1-element vectors, as in PyTorch; the view of self keeps writes in self.
            int d = Shapes.wrapDim(op, dim, self.dim());
            scatter(op, asVector(self), d, asVector(index), asVector(src), accumulate);
            return self;
        }
        if (src.dtype() != self.dtype()) {
            throw new IllegalArgumentException(op + ": expected self.dtype to be equal to src.dtype, but got "
                    + self.dtype() + " and " + src.dtype());
        }
        int d = Shapes.wrapDim(op, dim, self.dim());
        if (index.numel() == 0) return self;
        if (src.dim() != index.dim()) {
            throw new IllegalArgumentException(op + ": index and src must have the same number of dimensions ("
                    + Shapes.str(index.shape) + " vs " + Shapes.str(src.shape) + ")");
        }
        checkIndexShape(op, self, d, index, src);
        Tensor idx = checkIndex(op, index, self.shape[d], d);
        Tensor part = src;
        for (int i = 0; i < src.dim(); i++) part = part.narrow(i, 0, index.shape[i]);
        Dispatch.scatter(self, d, idx, part, accumulate);
        self.version.bump();
        return self;
    }

    /** A 0-dim tensor as a 1-element view; other tensors unchanged. */
    private static Tensor asVector(Tensor t) {
        return t.dim() == 0 ? Views.view(t, new int[] {1}) : t;
    }

    /** A copy of {@code self} with {@code value} written at {@code index}. */
    static Tensor scatterValue(String op, Tensor self, int dim, Tensor index, double value) {
        int d = Shapes.wrapDim(op, dim, self.dim());
        if (self.dim() != 0 && index.dim() != 0) checkIndexShape(op, self, d, index, null);
        Number v = self.dtype().isFloatingPoint() ? value : Scalars.natural(value);
        Tensor src = Scalars.wrap(v, self.dtype(), self.device()).expand(index.shape);
        return scatterCopy(op, self, dim, index, src, false);
    }

    /** PyTorch's {@code slice_scatter}: a copy of {@code self} whose window [start:end:step] of dim is {@code src}. */
    static Tensor sliceScatter(Tensor self, Tensor src, int dim, int start, int end, int step) {
        Dispatch.sameDevice("sliceScatter", self, src);
        int[] window = Views.sliceWindow("sliceScatter", self, dim, start, end, step);
        Tensor out;
        try (NoGrad g = NoGrad.enter()) {
            out = self.clone();
            Tensor view = out.slice(window[0], window[1], window[2], window[3]);
            if (!java.util.Arrays.equals(view.shape, src.shape)) {
                throw new IllegalArgumentException("sliceScatter: expected src to have the shape of the slice "
                        + Shapes.str(view.shape) + ", but got " + Shapes.str(src.shape));
            }
            Dispatch.copyInto(view, src.to(self.dtype()));
        }
        return Recorder.record(out, GraphOp.SLICE_SCATTER, window, self, src);
    }

    static Tensor flip(Tensor x, int[] dims) {
        int[] wrapped = Shapes.wrapDims("flip", dims, x.dim());
        int[] d = x.dim() == 0 ? new int[0] : wrapped;
        int[] strides = x.strides.clone();
        int offset = x.offset;
        for (int i : d) {
            if (x.shape[i] == 0) continue;
            offset += (x.shape[i] - 1) * x.strides[i];
            strides[i] = -x.strides[i];
        }
        Tensor out = Dispatch.copyOf(new Strided(x.storage, x.shape, strides, offset), x.shape);
        return Recorder.record(out, GraphOp.FLIP, d, x);
    }

    static Tensor repeat(Tensor x, int[] repeats) {
        if (repeats.length < x.dim()) {
            throw new IllegalArgumentException("repeat: number of dimensions of repeat dims (" + repeats.length
                    + ") can not be smaller than number of dimensions of tensor (" + x.dim() + ")");
        }
        int lead = repeats.length - x.dim();
        int[] padded = new int[repeats.length];
        for (int i = 0; i < repeats.length; i++) {
            if (repeats[i] < 0) throw new IllegalArgumentException("repeat: repeats must be >= 0, got " + Shapes.str(repeats));
            padded[i] = i < lead ? 1 : x.shape[i - lead];
        }
        int[] interleaved = new int[2 * repeats.length];
        int[] expanded = new int[2 * repeats.length];
        int[] result = new int[repeats.length];
        for (int i = 0; i < repeats.length; i++) {
            interleaved[2 * i] = 1;
            interleaved[2 * i + 1] = padded[i];
            expanded[2 * i] = repeats[i];
            expanded[2 * i + 1] = padded[i];
            result[i] = repeats[i] * padded[i];
        }
        return x.reshape(interleaved).expand(expanded).contiguous().view(result);
    }

    static Tensor argsort(Tensor x, int dim, boolean descending) {
        return argsort("argsort", x, dim, descending);
    }

    private static Tensor argsort(String op, Tensor x, int dim, boolean descending) {
        if (x.dim() == 0) {
            Shapes.wrapDim(op, dim, 0);
            return Nabla.zeros(DType.INT64, new int[0]).to(x.device());
        }
        int d = Shapes.wrapDim(op, dim, x.dim());
        return Dispatch.argsort(x.to(Elementwise.computeType(x.dtype())), d, descending);
    }

    static ValuesIndices sort(Tensor x, int dim, boolean descending) {
        Tensor idx = argsort("sort", x, dim, descending);
        if (x.dim() == 0) return new ValuesIndices(x.clone(), idx);
        return new ValuesIndices(gather(x, dim, idx), idx);
    }

    static ValuesIndices topk(Tensor x, int k, int dim, boolean largest) {
        Tensor src = x.dim() == 0 ? x.reshape(1) : x;
        int d = Shapes.wrapDim("topk", dim, x.dim());
        if (k < 0 || k > src.shape[d]) {
            throw new IllegalArgumentException("topk: k (" + k + ") is out of range for dimension " + d + " of size "
                    + src.shape[d] + " (shape " + Shapes.str(x.shape) + ")");
        }
        Tensor idx = argsort(src, d, largest).narrow(d, 0, k).contiguous();
        Tensor values = gather(src, d, idx);
        if (x.dim() == 0) return new ValuesIndices(values.reshape(), idx.reshape());
        return new ValuesIndices(values, idx);
    }

    static Tensor cat(List<Tensor> tensors, int dim) {
        if (tensors.isEmpty()) throw new IllegalArgumentException("cat: expected a non-empty list of tensors");
        Tensor ref = null;
        Promotion promotion = new Promotion();
        for (Tensor t : tensors) {
            promotion.add(t);
            if (ref == null && !(t.dim() == 1 && t.numel() == 0)) ref = t;
        }
        if (ref == null) ref = tensors.get(0);
        if (ref.dim() == 0) throw new IllegalArgumentException("cat: zero-dimensional tensor (at position "
                + tensors.indexOf(ref) + ") cannot be concatenated");
        int d = Shapes.wrapDim("cat", dim, ref.dim());
        int[] shape = ref.shape.clone();
        int total = 0;
        List<Tensor> parts = new ArrayList<>();
        DType dtype = promotion.result();
        for (int i = 0; i < tensors.size(); i++) {
            Tensor t = tensors.get(i);
            if (t.dim() == 1 && t.numel() == 0 && ref.dim() != 1) continue;
            if (t.dim() != ref.dim()) {
                throw new IllegalArgumentException("cat: tensors must have the same number of dimensions: got " + ref.dim()
                        + " and " + t.dim() + " (tensor number " + i + ", shape " + Shapes.str(t.shape) + ")");
            }
            for (int j = 0; j < ref.dim(); j++) {
                if (j != d && t.shape[j] != ref.shape[j]) {
                    throw new IllegalArgumentException("cat: sizes of tensors must match except in dimension " + d
                            + ". Expected size " + ref.shape[j] + " but got size " + t.shape[j] + " for tensor number "
                            + i + " in the list (shapes " + Shapes.str(ref.shape) + " and " + Shapes.str(t.shape) + ")");
                }
            }
            total += t.shape[d];
            parts.add(t.to(dtype));
        }
        shape[d] = total;
        return Dispatch.cat(parts, d, shape, dtype);
    }

    static Tensor stack(List<Tensor> tensors, int dim) {
        if (tensors.isEmpty()) throw new IllegalArgumentException("stack: expected a non-empty list of tensors");
        int[] first = tensors.get(0).shape;
        int d = Shapes.wrapDim("stack", dim, first.length + 1);
        List<Tensor> parts = new ArrayList<>();
        for (int i = 0; i < tensors.size(); i++) {
            Tensor t = tensors.get(i);
            if (!java.util.Arrays.equals(t.shape, first)) {
                throw new IllegalArgumentException("stack: expects each tensor to be equal size, but got "
                        + Shapes.str(first) + " at entry 0 and " + Shapes.str(t.shape) + " at entry " + i);
            }
            parts.add(t.unsqueeze(d));
        }
        return cat(parts, d);
    }
}
