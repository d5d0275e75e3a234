package dev.nabla;

import dev.nabla.spi.BinaryOp;

import java.util.Arrays;

/**
 * In-place writes ({@code add_}, {@code fill_}, {@code copy_} ...): the result must keep the target's shape and be
 * castable to its dtype, the target must not have overlapping elements, and each write bumps the version counter.
 */
final class InPlace {
    private InPlace() {
    }

    /** Rejects targets whose elements overlap (a stride-0 dim of size &gt; 1, as from expand). */
    static void checkWritable(String op, Tensor self) {
        for (int d = 0; d < self.dim(); d++) {
            if (self.strides[d] == 0 && self.shape[d] > 1) {
                throw new IllegalArgumentException(op + ": unsupported operation: more than one element of the written-to "
                        + "tensor refers to a single memory location (shape " + Shapes.str(self.shape) + ", strides "
                        + Shapes.str(self.strides) + "); clone() the tensor before writing to it");
            }
        }
    }

    /**
     * Writes an already computed {@code result} into {@code self}. When autograd records, {@code self} then stands
     * for the result in the graph (PyTorch's history rebase): its gradient flows into the result's node.
     */
    static Tensor assign(String op, Tensor self, Tensor result) {
        checkWritable(op, self);
        checkResult(op, self, result);
        boolean recording = GradMode.isEnabled() && (self.requiresGrad || result.requiresGrad);
        if (recording) checkAutograd(op, self);
        Dispatch.copyInto(self, result);
        self.version.bump();
        if (recording) {
            self.gradFn = result.gradFn;
            self.requiresGrad = result.requiresGrad;
        }
        return self;
    }

    /** The in-place writes autograd cannot follow: into a leaf that requires grad, or into a view of a graph tensor. */
    private static void checkAutograd(String op, Tensor self) {
        if (self.requiresGrad && self.isLeaf()) {
            throw new IllegalStateException(op + ": a leaf tensor that requires grad is being used in an in-place "
                    + "operation; do the update inside NoGrad.enter(), or on a clone()");
        }
        if (self.viewBase != null && (self.viewBase.requiresGrad || self.requiresGrad)) {
            throw new IllegalStateException(op + ": in-place writes into a view of a tensor that takes part in autograd "
                    + "are not supported; clone() the view first, or write inside NoGrad.enter()");
        }
    }

    static Tensor binary(String op, BinaryOp bop, Tensor self, Tensor other, double alpha) {
        checkWritable(op, self);
        Dispatch.sameDevice(op, self, other);
        if (alpha == 1 && !Recorder.needed(self, other) && canWriteDirectly(bop, self, other)) {
            checkShape(op, self, Shapes.broadcast(op, self.shape, other.shape));
            Dispatch.binaryInto(bop, self, self, other);
            self.version.bump();
            return self;
        }
        Tensor result = switch (bop) {
            case ADD -> Elementwise.add(op, self, other, alpha);
            case SUB -> Elementwise.sub(op, self, other, alpha);
            case DIV -> Elementwise.div(self, other);
            default -> Elementwise.binary(op, bop, self, other);
        };
        return assign(op, self, result);
    }

    static Tensor binary(String op, BinaryOp bop, Tensor self, double value) {
        Number v = self.dtype().isFloatingPoint() ? value : Scalars.natural(value);
        DType t = self.dtype();
        if (Promotion.of(self, v) == t && computesInPlace(bop, t) && !Recorder.needed(self)) {
            checkWritable(op, self);
            Dispatch.binaryInto(bop, self, self, Scalars.wrap(v, t, self.device()));
            self.version.bump();
            return self;
        }
        Tensor result = bop == BinaryOp.DIV ? Elementwise.div(self, value) : Elementwise.binary(op, bop, self, v);
        return assign(op, self, result);
    }

    /** {@code maskedFill_}: writes {@code value} where {@code mask} is true, straight into self when nothing records. */
    static Tensor maskedFill(Tensor self, Tensor mask, double value) {
        Tensor filled = Elementwise.maskedFillValue(self, mask, value);
        if (Recorder.needed(self) || (mask.storage == self.storage && !sameLayout(Dispatch.broadcastTo(mask,
                self.shape), self))) {
            return assign("maskedFill_", self, Elementwise.maskedFill(self, mask, filled));
        }
        checkWritable("maskedFill_", self);
        Dispatch.sameDevice("maskedFill_", self, mask);
        checkShape("maskedFill_", self, Shapes.broadcast("maskedFill_", mask.shape, self.shape));
        Dispatch.whereInto(self, mask, filled, self);
        self.version.bump();
        return self;
    }

    static Tensor fill(String op, Tensor self, Number value) {
        checkWritable(op, self);
        if (!self.dtype().isFloatingPoint() && (value instanceof Double d) && d != Math.rint(d)) {
            throw new IllegalArgumentException(op + ": cannot write the non-integer value " + d + " into a "
                    + self.dtype() + " tensor");
        }
        if (GradMode.isEnabled() && self.requiresGrad) {
            checkAutograd(op, self);
            self.gradFn = null;
            self.requiresGrad = false;
        }
        Dispatch.fill(self, value);
        self.version.bump();
        return self;
    }

    static Tensor copy(Tensor self, Tensor src) {
        checkWritable("copy_", self);
        checkShape("copy_", self, Shapes.broadcast("copy_", self.shape, src.shape));
        if (GradMode.isEnabled() && (self.requiresGrad || src.requiresGrad)) {
            Tensor value = src.to(self.device()).to(self.dtype()).expand(self.shape);
            return assign("copy_", self, value.storage == self.storage ? value.clone() : value);
        }
        Tensor from = src.device().equals(self.device()) ? src : src.to(self.device());
        if (from.storage == self.storage && !sameLayout(from, self)) from = from.clone();
        Dispatch.copyInto(self, from);
        self.version.bump();
        return self;
    }

    /** True when the backend may read {@code other} while writing {@code self} with no temporary. */
    private static boolean canWriteDirectly(BinaryOp op, Tensor self, Tensor other) {
        DType t = self.dtype();
        if (other.dtype() != t || !computesInPlace(op, t)) return false;
        return other.storage != self.storage || sameLayout(Dispatch.broadcastTo(other, self.shape), self);
    }

    /** True when op on two t operands is computed in t itself, so its result can go straight into a t tensor. */
    private static boolean computesInPlace(BinaryOp op, DType t) {
        return Elementwise.computeType(t) == t && (op != BinaryOp.DIV || t.isFloatingPoint());
    }

    private static boolean sameLayout(dev.nabla.spi.Strided a, Tensor b) {
        return a.offset() == b.offset && Arrays.equals(a.shape(), b.shape) && Arrays.equals(a.strides(), b.strides);
    }

    private static boolean sameLayout(Tensor a, Tensor b) {
        return sameLayout(a.strided(), b);
    }

    private static void checkResult(String op, Tensor self, Tensor result) {
        checkShape(op, self, result.shape);
        if (!Promotion.canCast(result.dtype(), self.dtype())) {
            throw new IllegalArgumentException(op + ": result type " + result.dtype() + " can't be cast to the desired "
                    + "output type " + self.dtype());
        }
    }

    private static void checkShape(String op, Tensor self, int[] shape) {
        if (!Arrays.equals(shape, self.shape)) {
            throw new IllegalArgumentException(op + ": output with shape " + Shapes.str(self.shape)
                    + " doesn't match the broadcast shape " + Shapes.str(shape));
        }
    }
}
