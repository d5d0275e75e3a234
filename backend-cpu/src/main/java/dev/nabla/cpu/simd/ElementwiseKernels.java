package dev.nabla.cpu.simd;

import dev.nabla.DType;
import dev.nabla.spi.BinaryOp;
import dev.nabla.spi.UnaryOp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Elementwise loops over runs of operands that each start at their own offset and are either dense or one element
 * repeated (a scalar), so that views at different offsets and broadcast scalars need no staging copies. Chosen once
 * per JVM by {@link VectorChoice}: the Vector API loops when {@code jdk.incubator.vector} is readable and the CPU
 * suits them, else {@link #plain()}, which has no loops and leaves every op to the backend's plain-Java kernels; the
 * system property {@code nabla.cpu.vector=false} forces the latter. Arrays are float[] or double[] by dtype, and
 * boolean[] for conditions and comparison results.
 */
public abstract class ElementwiseKernels {
    private static final Logger LOG = LoggerFactory.getLogger(ElementwiseKernels.class);
    private static final String VECTOR_KERNELS = "dev.nabla.cpu.simd.VectorElementwiseKernels";

    ElementwiseKernels() {
    }

    /** The loops picked at start-up. */
    public static ElementwiseKernels get() {
        return Holder.INSTANCE;
    }

    /** No loops at all: every op runs the plain-Java kernels. */
    public static ElementwiseKernels plain() {
        return PlainHolder.INSTANCE;
    }

    /** The Vector API loops; throws {@link UnsupportedOperationException} when the module is not readable. */
    public static ElementwiseKernels vector() {
        VectorChoice.requireAvailable("loops");
        return VectorHolder.INSTANCE;
    }

    /** Why these loops would be slower than plain Java on this JVM, or null when they are not. */
    public String unsuitable() {
        return null;
    }

    /** A short description, for logs. */
    public abstract String name();

    /**
     * The fewest elements worth these loops: below it the plain kernels are about as fast, and they do not suffer
     * the Vector API's slow start (each loop runs about a hundred times slower until C2 compiles it).
     */
    public int minElements() {
        return Integer.MAX_VALUE;
    }

    /** True when {@link #unary} runs op on tensors of dtype t. */
    public abstract boolean supports(UnaryOp op, DType t);

    /** True when {@link #binary} runs op (arithmetic or comparison) on inputs of dtype t. */
    public abstract boolean supports(BinaryOp op, DType t);

    /** True when {@link #where} runs on values of dtype t. */
    public abstract boolean supportsWhere(DType t);

    /** {@code o[oo+i] = op(a[ao+i])} for i &lt; n, or {@code op(a[ao])} everywhere when {@code as}. */
    public abstract void unary(UnaryOp op, Object a, int ao, boolean as, Object o, int oo, int n);

    /** {@code o[oo+i] = a[ao+i] op b[bo+i]} for i &lt; n, where a scalar operand reads one element throughout. */
    public abstract void binary(BinaryOp op, Object a, int ao, boolean as, Object b, int bo, boolean bs, Object o,
                                int oo, int n);

    /** {@code o[oo+i] = c[co+i] ? a[ao+i] : b[bo+i]} for i &lt; n over a dense c; a scalar a or b reads one element. */
    public abstract void where(boolean[] c, int co, Object a, int ao, boolean as, Object b, int bo, boolean bs,
                               Object o, int oo, int n);

    @Override
    public String toString() {
        return name();
    }

    private static final class Holder {
        static final ElementwiseKernels INSTANCE = VectorChoice.pick(LOG, "elementwise", "loops",
                ElementwiseKernels::plain, ElementwiseKernels::vector, ElementwiseKernels::unsuitable,
                ElementwiseKernels::name);
    }

    private static final class VectorHolder {
        static final ElementwiseKernels INSTANCE = VectorChoice.load(VECTOR_KERNELS, ElementwiseKernels.class);
    }

    private static final class PlainHolder {
        static final ElementwiseKernels INSTANCE = new ElementwiseKernels() {
            @Override
            public String name() {
                return "plain Java loops";
            }

            @Override
            public boolean supports(UnaryOp op, DType t) {
                return false;
            }

            @Override
            public boolean supports(BinaryOp op, DType t) {
                return false;
            }

            @Override
            public boolean supportsWhere(DType t) {
                return false;
            }

            @Override
            public void unary(UnaryOp op, Object a, int ao, boolean as, Object o, int oo, int n) {
                throw new UnsupportedOperationException(name() + " have no loop for " + op);
            }

            @Override
            public void binary(BinaryOp op, Object a, int ao, boolean as, Object b, int bo, boolean bs, Object o,
                               int oo, int n) {
                throw new UnsupportedOperationException(name() + " have no loop for " + op);
            }

            @Override
            public void where(boolean[] c, int co, Object a, int ao, boolean as, Object b, int bo, boolean bs,
                              Object o, int oo, int n) {
                throw new UnsupportedOperationException(name() + " have no loop for where");
            }
        };
    }
}
