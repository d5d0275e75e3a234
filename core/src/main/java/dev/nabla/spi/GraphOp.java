package dev.nabla.spi;

/**
 * The recorded ops autograd differentiates besides the {@link UnaryOp}, {@link BinaryOp} and {@link ReduceOp}
 * primitives: views, data movement, products and custom functions. Each constant documents its inputs and the
 * attributes object its {@code GradFn} carries.
 */
public enum GraphOp {
    /** User-level matrix product (mm, mv, dot, bmm, matmul); inputs a, b; attributes: the entry point's name. */
    MATMUL,
    /** inputs cond, a, b; no attributes. */
    WHERE,
    /** dtype conversion or copy; input x; no attributes (the input's dtype is in the metadata). */
    CAST,
    /** copy to another device; input x; no attributes. */
    TO_DEVICE,
    /** inputs x, index; attributes: the dim (Integer). */
    GATHER,
    /** out-of-place scatter; inputs self, index, src; attributes: the dim (Integer). */
    SCATTER,
    /** out-of-place scatter-add; inputs self, index, src; attributes: the dim (Integer). */
    SCATTER_ADD,
    /** inputs x; attributes: the dim (Integer). */
    CUMSUM,
    /** inputs: the parts; attributes: the dim (Integer). */
    CAT,
    /** a view or copy with a new shape; input x; no attributes. */
    RESHAPE,
    /** input x; attributes: the permutation (int[]). */
    PERMUTE,
    /** a broadcast view; input x; no attributes. */
    EXPAND,
    /** a strided window of one dim; input x; attributes: int[] {dim, start, end, step}. */
    SLICE,
    /** {@code base} with the window {dim, start, end, step} replaced by src; inputs base, src; attributes: int[]. */
    SLICE_SCATTER,
    /** input x; attributes: the flipped dims (int[]). */
    FLIP,
    /** im2col of an [N, C, H, W] image into [N, C*kh*kw, L] columns; input x; attributes: the {@link Window2d}. */
    IM2COL,
    /** col2im, the adjoint of IM2COL, summing overlapping taps; input the columns; attributes: the {@link Window2d}. */
    COL2IM,
    /** a user-defined function; inputs: its tensor arguments; attributes: its {@link CustomBackward}. */
    CUSTOM
}
