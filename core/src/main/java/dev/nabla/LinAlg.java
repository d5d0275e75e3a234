package dev.nabla;

import dev.nabla.spi.GraphOp;

import java.util.Arrays;
import java.util.function.Supplier;

/** Matrix products (mm, mv, dot, outer, bmm, matmul) reduced to one batched primitive by views. */
final class LinAlg {
    private LinAlg() {
    }

    /** The dtype the product is computed in, after checking that both operands share a supported dtype. */
    private static DType checkDtypes(String op, Tensor a, Tensor b) {
        Dispatch.sameDevice(op, a, b);
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException(op + ": expected both operands to have the same dtype, but got "
                    + a.dtype() + " and " + b.dtype());
        }
        if (a.dtype() == DType.BOOL) throw new IllegalArgumentException(op + ": not supported for torch.bool tensors");
        return Elementwise.computeType(a.dtype());
    }

    private static void requireRank(String op, String what, Tensor t, int rank) {
        if (t.dim() != rank) {
            throw new IllegalArgumentException(op + ": expected " + what + " to be " + rank + "-D, but got a " + t.dim()
                    + "-D tensor of shape " + Shapes.str(t.shape));
        }
    }

    private static void requireInner(String op, Tensor a, Tensor b, int ka, int kb) {
        if (ka != kb) {
            throw new IllegalArgumentException(op + ": cannot multiply " + Shapes.str(a.shape) + " by " + Shapes.str(b.shape)
                    + ": inner dimensions " + ka + " and " + kb + " differ");
        }
    }

    /** The batched primitive on 3-d views, in the compute dtype, converted back to the inputs' dtype. */
    private static Tensor batched(Tensor a3, Tensor b3, DType compute) {
        DType t = a3.dtype();
        return Dispatch.matmul(a3.to(compute), b3.to(compute)).to(t);
    }

    static Tensor mm(Tensor a, Tensor b) {
        Tensor direct = direct2d("mm", a, b);
        return direct != null ? direct : recorded("mm", a, b, () -> mmValue(a, b));
    }

    /**
     * A product of two matrices of one computable dtype, straight to the backend with no views in between (a tiny
     * mm spent most of its time on them), recorded as {@code kind}; null when the general path must handle it.
     */
    private static Tensor direct2d(String kind, Tensor a, Tensor b) {
        if (a.dim() != 2 || b.dim() != 2) return null;
        DType c = checkDtypes(kind, a, b);
        if (c != a.dtype()) return null;
        requireInner(kind, a, b, a.shape[1], b.shape[0]);
        return Recorder.record(Dispatch.mm(a, b), GraphOp.MATMUL, kind, a, b);
    }

    private static Tensor mmValue(Tensor a, Tensor b) {
        DType c = checkDtypes("mm", a, b);
        requireRank("mm", "the first operand", a, 2);
        requireRank("mm", "the second operand", b, 2);
        requireInner("mm", a, b, a.shape[1], b.shape[0]);
        return Views.squeeze(batched(a.unsqueeze(0), b.unsqueeze(0), c), 0);
    }

    static Tensor mv(Tensor a, Tensor v) {
        return recorded("mv", a, v, () -> mvValue(a, v));
    }

    private static Tensor mvValue(Tensor a, Tensor v) {
        DType c = checkDtypes("mv", a, v);
        requireRank("mv", "the matrix", a, 2);
        requireRank("mv", "the vector", v, 1);
        requireInner("mv", a, v, a.shape[1], v.shape[0]);
        return batched(a.unsqueeze(0), v.view(1, -1, 1), c).view(a.shape[0]);
    }

    static Tensor dot(Tensor a, Tensor b) {
        return recorded("dot", a, b, () -> dotValue(a, b));
    }

    private static Tensor dotValue(Tensor a, Tensor b) {
        DType c = checkDtypes("dot", a, b);
        requireRank("dot", "the first operand", a, 1);
        requireRank("dot", "the second operand", b, 1);
        if (a.shape[0] != b.shape[0]) {
            throw new IllegalArgumentException("dot: expected both vectors to have the same number of elements, but got "
                    + a.shape[0] + " and " + b.shape[0]);
        }
        return batched(a.view(1, 1, -1), b.view(1, -1, 1), c).view();
    }

    static Tensor outer(Tensor a, Tensor b) {
        requireRank("outer", "the first operand", a, 1);
        requireRank("outer", "the second operand", b, 1);
        return a.unsqueeze(1).mul(b.unsqueeze(0));
    }

    static Tensor bmm(Tensor a, Tensor b) {
        return recorded("bmm", a, b, () -> bmmValue(a, b));
    }

    private static Tensor bmmValue(Tensor a, Tensor b) {
        DType c = checkDtypes("bmm", a, b);
        requireRank("bmm", "the first operand", a, 3);
        requireRank("bmm", "the second operand", b, 3);
        if (a.shape[0] != b.shape[0]) {
            throw new IllegalArgumentException("bmm: batch sizes differ: " + Shapes.str(a.shape) + " and "
                    + Shapes.str(b.shape));
        }
        requireInner("bmm", a, b, a.shape[2], b.shape[1]);
        return batched(a, b, c);
    }

    static Tensor matmul(Tensor a, Tensor b) {
        Tensor direct = direct2d("matmul", a, b);
        return direct != null ? direct : recorded("matmul", a, b, () -> matmulValue(a, b));
    }

    /**
     * Computes a product without recording its internal views, then records one node for the whole product,
     * so that the graph reads {@code MmBackward0} and backward needs one rule for every entry point.
     */
    private static Tensor recorded(String kind, Tensor a, Tensor b, Supplier<Tensor> value) {
        Tensor r;
        try (NoGrad g = NoGrad.enter()) {
            r = value.get();
        }
        return Recorder.record(r, GraphOp.MATMUL, kind, a, b);
    }

    private static Tensor matmulValue(Tensor a, Tensor b) {
        if (a.dim() == 0 || b.dim() == 0) {
            throw new IllegalArgumentException("matmul: both arguments need at least 1 dimension, but got shapes "
                    + Shapes.str(a.shape) + " and " + Shapes.str(b.shape));
        }
        // Checked here so that errors name matmul and the shapes the caller passed, not those of mm/mv/dot.
        DType c = checkDtypes("matmul", a, b);
        requireInner("matmul", a, b, a.shape[a.dim() - 1], b.dim() == 1 ? b.shape[0] : b.shape[b.dim() - 2]);
        if (a.dim() == 1 && b.dim() == 1) return dotValue(a, b);
        if (a.dim() == 2 && b.dim() == 1) return mvValue(a, b);
        if (a.dim() == 1 && b.dim() == 2) return Views.squeeze(mmValue(a.unsqueeze(0), b), 0);
        if (a.dim() == 2 && b.dim() == 2) return mmValue(a, b);
        boolean vecA = a.dim() == 1;
        boolean vecB = b.dim() == 1;
        Tensor ma = vecA ? a.unsqueeze(0) : a;
        Tensor mb = vecB ? b.unsqueeze(1) : b;
        int m = ma.shape[ma.dim() - 2];
        int k = ma.shape[ma.dim() - 1];
        int n = mb.shape[mb.dim() - 1];
        Tensor out;
        int[] batch;
        if (mb.dim() == 2 && ma.isContiguous()) {
            // [..., M, K] @ [K, N] is one [B*M, K] @ [K, N] product: no per-batch work at all.
            batch = Arrays.copyOf(ma.shape, ma.dim() - 2);
            out = batched(ma.reshape(1, Shapes.numel(batch) * m, k), mb.unsqueeze(0), c);
        } else {
            batch = Shapes.broadcast("matmul", Arrays.copyOf(ma.shape, ma.dim() - 2),
                    Arrays.copyOf(mb.shape, mb.dim() - 2));
            int count = Shapes.numel(batch);
            Tensor a3 = ma.expand(concat(batch, m, k)).reshape(count, m, k);
            Tensor b3 = mb.expand(concat(batch, k, n)).reshape(count, k, n);
            out = batched(a3, b3, c);
        }
        int[] shape = concat(batch, m, n);
        Tensor r = out.view(shape);
        if (vecA) r = Views.squeeze(r, r.dim() - 2);
        if (vecB) r = Views.squeeze(r, r.dim() - 1);
        return r;
    }

    private static int[] concat(int[] batch, int x, int y) {
        int[] s = Arrays.copyOf(batch, batch.length + 2);
        s[batch.length] = x;
        s[batch.length + 1] = y;
        return s;
    }
}
