package dev.nabla.spi;

import dev.nabla.DType;
import dev.nabla.Device;

/**
 * What a device type implements so that tensors can live on it. Core validates every argument (shapes,
 * dtypes, devices, index ranges) and allocates every output before calling in, so a backend only computes.
 * Calls may return before the work is done (an asynchronous device enqueues it); {@link #download} waits.
 * Outputs are never aliased with inputs unless stated. Backends are found with {@link java.util.ServiceLoader}.
 */
public interface Backend {

    /** The device type served, such as {@code cpu}; matches {@link Device#type()}. */
    String deviceType();

    /** How many devices of this type exist; device indexes run from 0 to this count minus one. */
    int deviceCount();

    /** A zero-filled storage of {@code length} elements. */
    Storage allocate(Device device, DType dtype, int length);

    /** A storage holding the values of {@code array} (float[], double[], int[], long[] or boolean[] matching the dtype), which the caller hands over and never touches again. */
    Storage upload(Device device, DType dtype, Object array);

    /** The elements of {@code src} in row-major order as a new Java array of its dtype; waits for pending work. */
    Object download(Strided src);

    /** Writes {@code value} (converted to the output dtype) to every element of {@code out}. */
    void fill(Strided out, Number value);

    /** Copies {@code src} into {@code out} (same shape), converting the dtype as PyTorch casts; src may broadcast. */
    void copy(Strided out, Strided src);

    /** {@code out = op(in)}; shapes are equal; {@code out} may be {@code in} itself (same storage and layout). */
    void unary(UnaryOp op, Strided out, Strided in);

    /** {@code out = a op b}; all three have the output's shape (inputs broadcast with stride 0). */
    void binary(BinaryOp op, Strided out, Strided a, Strided b);

    /** {@code out = cond ? a : b}; cond is BOOL, a, b and out share a dtype; all have the output's shape. */
    void where(Strided out, Strided cond, Strided a, Strided b);

    /**
     * Reduces {@code in} over {@code dims} (sorted, distinct). {@code out} has the input's rank with those dims
     * of size 1. An empty reduction yields the identity (0 for SUM, 1 for PROD, true for ALL, false for ANY);
     * core rejects empty MAX, MIN, ARGMAX and ARGMIN.
     */
    void reduce(ReduceOp op, Strided out, Strided in, int[] dims);

    /** Batched product of 3-d operands: {@code out[b] = a[b] @ bm[b]}, shapes [B,M,K], [B,K,N], [B,M,N]. */
    void matmul(Strided out, Strided a, Strided bm);

    /** {@code out[..i..] = in[..index[..i..]..]} along {@code dim}; index is INT64 with in-range values and out's shape. */
    void gather(Strided out, Strided in, int dim, Strided index);

    /**
     * In place: {@code out[..index[..i..]..] = src[..i..]} along {@code dim}, or {@code +=} when
     * {@code accumulate}; index is INT64 with in-range values, src has index's shape (or broadcasts to it).
     */
    void scatter(Strided out, int dim, Strided index, Strided src, boolean accumulate);

    /** Inclusive prefix sum of {@code in} along {@code dim} into {@code out} (same shape and dtype). */
    void cumsum(Strided out, Strided in, int dim);

    /**
     * im2col: {@code out[n, (c*kh + i)*kw + j, by*blocksW + bx] = in[n, c, by*strideH - padH + i*dilationH,
     * bx*strideW - padW + j*dilationW]}, or {@code padValue} where that tap falls outside the image. {@code in} is a
     * floating [N, C, H, W] window; {@code out} is contiguous [N, C*kh*kw, blocksH*blocksW] of the same dtype.
     */
    void im2col(Strided out, Strided in, Window2d window, double padValue);

    /**
     * col2im, the adjoint of {@link #im2col}: every column entry is added to the image element its tap reads, and
     * taps outside the image are dropped. {@code in} is a floating [N, C*kh*kw, blocksH*blocksW] window; {@code out}
     * is contiguous [N, C, H, W] of the same dtype and zero-filled, as allocated.
     */
    void col2im(Strided out, Strided in, Window2d window);

    /** Writes to {@code out} (INT64) the indices that sort {@code in} along {@code dim}, stably; NaN sorts as largest. */
    void argsort(Strided out, Strided in, int dim, boolean descending);
}
