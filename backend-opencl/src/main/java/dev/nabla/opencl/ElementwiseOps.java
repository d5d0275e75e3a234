package dev.nabla.opencl;

import dev.nabla.DType;
import dev.nabla.spi.BinaryOp;
import dev.nabla.spi.Strided;
import dev.nabla.spi.UnaryOp;

import java.util.function.Consumer;

/** fill, copy, unary, binary and where: one work item per output element, from program {@code elementwise.cl}. */
final class ElementwiseOps {
    private ElementwiseOps() {
    }

    static void fill(Strided out, Number value) {
        run(out.dtype(), "fill_1d", "fill_nd", new Strided[] {out}, l -> l.value(out.dtype(), value));
    }

    static void copy(Strided out, Strided src) {
        OpenClStorage to = OpenClBackend.storage(out);
        OpenClStorage from = OpenClBackend.storage(src);
        int n = out.numel();
        if (n > 0 && out.dtype() == src.dtype() && to != from && out.isContiguous() && src.isContiguous()) {
            long size = ClTypes.size(out.dtype());
            to.owner().copyBytes(from, src.offset() * size, to, out.offset() * size, n * size);
            return;
        }
        String name = "copy_from_" + ClTypes.cType(src.dtype());
        run(out.dtype(), name + "_1d", name + "_nd", new Strided[] {out, src}, l -> { });
    }

    static void unary(UnaryOp op, Strided out, Strided in) {
        if (!defined(op, in.dtype())) {
            throw OpenClBackend.unsupported(op, in.dtype());
        }
        run(in.dtype(), "unary_1d_" + op, "unary_nd", new Strided[] {out, in}, l -> l.i(op.ordinal()));
    }

    static void binary(BinaryOp op, Strided out, Strided a, Strided b) {
        if (!defined(op, a.dtype())) {
            throw OpenClBackend.unsupported(op, a.dtype());
        }
        String name = op.isComparison() ? "compare" : "binary";
        run(a.dtype(), name + "_1d_" + op, name + "_nd", new Strided[] {out, a, b}, l -> l.i(op.ordinal()));
    }

    static void where(Strided out, Strided cond, Strided a, Strided b) {
        run(out.dtype(), "where_1d", "where_nd", new Strided[] {out, cond, a, b}, l -> { });
    }

    /** Whether the kernels compute {@code op} on {@code t}; a new op fails to compile here until it has a kernel. */
    static boolean defined(UnaryOp op, DType t) {
        return switch (op) {
            case NEG, ABS, SIGN, RELU -> t.isFloatingPoint() || t.isIntegral();
            case EXP, LOG, LOG1P, EXPM1, SQRT, RSQRT, RECIPROCAL, SIN, COS, TAN, TANH, SIGMOID, GELU, SILU, SOFTPLUS,
                 ERF, FLOOR, CEIL, ROUND -> t.isFloatingPoint();
            case LOGICAL_NOT -> t == DType.BOOL;
        };
    }

    /** Whether the kernels compute {@code op} on inputs of {@code t}; a new op fails to compile here until it has one. */
    static boolean defined(BinaryOp op, DType t) {
        return switch (op) {
            case ADD, SUB, MUL, POW, MAXIMUM, MINIMUM -> t.isFloatingPoint() || t.isIntegral();
            case DIV -> t.isFloatingPoint();
            case EQ, NE, LT, LE, GT, GE -> true;
            case LOGICAL_AND, LOGICAL_OR -> t == DType.BOOL;
        };
    }

    /**
     * Launches kernel {@code oneDim} (when the operands merge to one dim) or {@code manyDims} of the elementwise
     * program for {@code type}: per operand (output first) its buffer, offset and stride(s); then the shape, rank and
     * count for the latter, or the count for the former; then what {@code tail} adds.
     */
    static void run(DType type, String oneDim, String manyDims, Strided[] operands, Consumer<Launch> tail) {
        Strided out = operands[0];
        if (out.numel() == 0) return;
        int[] offsets = new int[operands.length];
        int[][] strides = new int[operands.length][];
        for (int j = 0; j < operands.length; j++) {
            offsets[j] = operands[j].offset();
            strides[j] = operands[j].strides();
        }
        Layout layout = Layout.of(out.shape(), offsets, strides);
        ClDevice device = OpenClBackend.storage(out).owner();
        if (layout.rank() <= 1) {
            Launch l = device.launch("elementwise", type, oneDim);
            for (int j = 0; j < operands.length; j++) {
                l.buf(operands[j]).i(layout.offset(j)).i(layout.rank() == 0 ? 0 : layout.stride(j, 0));
            }
            int n = layout.numel();
            l.i(n);
            tail.accept(l);
            l.run(n);
            return;
        }
        for (Layout slab : layout.slabs()) {
            Launch l = device.launch("elementwise", type, manyDims);
            for (int j = 0; j < operands.length; j++) l.buf(operands[j]).i(slab.offset(j)).i8(slab.strides8(j));
            int n = slab.numel();
            l.i8(slab.shape8()).i(slab.rank()).i(n);
            tail.accept(l);
            l.run(n);
        }
    }
}
