package dev.nabla.cpu;

import dev.nabla.spi.Strided;
import dev.nabla.spi.Window2d;

import java.util.function.IntConsumer;

/**
 * The CPU im2col and col2im: the (n, c) planes are independent, so they are split over the pool and each runs a
 * dtype-specific loop ({@link DoubleIm2Col}, {@link FloatIm2Col}). Every output element is written by one
 * plane in a fixed order, so results do not depend on the thread count.
 */
final class Im2Col {
    private Im2Col() {
    }

    static void im2col(Strided out, Strided in, Window2d g, double pad) {
        int[] s = in.shape();
        int[] st = in.strides();
        int channels = s[1];
        int planeSize = g.kernelSize() * g.blocks();
        Object x = CpuStorage.array(in);
        Object o = CpuStorage.array(out);
        forPlanes(s[0] * channels, planeSize, p -> {
            int xOff = in.offset() + (p / channels) * st[0] + (p % channels) * st[1];
            int oOff = out.offset() + p * planeSize;
            if (o instanceof float[] of) {
                FloatIm2Col.im2col((float[]) x, xOff, st[2], st[3], s[2], s[3], g, (float) pad, of, oOff);
            } else {
                DoubleIm2Col.im2col((double[]) x, xOff, st[2], st[3], s[2], s[3], g, pad, (double[]) o, oOff);
            }
        });
    }

    static void col2im(Strided out, Strided in, Window2d g) {
        int[] s = out.shape();
        int[] st = in.strides();
        int channels = s[1];
        int kernel = g.kernelSize();
        int planeSize = s[2] * s[3];
        Object c = CpuStorage.array(in);
        Object o = CpuStorage.array(out);
        forPlanes(s[0] * channels, (long) kernel * g.blocks(), p -> {
            int cOff = in.offset() + (p / channels) * st[0] + (p % channels) * kernel * st[1];
            int oOff = out.offset() + p * planeSize;
            if (o instanceof float[] of) {
                FloatIm2Col.col2im((float[]) c, cOff, st[1], st[2], s[2], s[3], g, of, oOff);
            } else {
                DoubleIm2Col.col2im((double[]) c, cOff, st[1], st[2], s[2], s[3], g, (double[]) o, oOff);
            }
        });
    }

    /** Runs {@code plane} for each of {@code planes} planes, in contiguous runs, one run per task. */
    private static void forPlanes(int planes, long planeWork, IntConsumer plane) {
        if (planes == 0 || planeWork == 0) return;
        int tasks = Math.min(planes, Parallel.tasksFor(planes * planeWork, ElementwiseLoop.GRAIN));
        int per = (planes + tasks - 1) / tasks;
        Parallel.forEach(tasks, t -> {
            for (int p = t * per, end = Math.min(planes, p + per); p < end; p++) plane.accept(p);
        });
    }

    /** The first block index whose tap, at {@code bx*stride + dx}, is at or right of column 0 (at most {@code blocks}). */
    static int firstInside(int dx, int stride, int blocks) {
        long first = Math.max(0, Math.floorDiv(-(long) dx + stride - 1, stride));
        return (int) Math.min(first, blocks);
    }

    /** The first block index at or after {@code lo} whose tap is at or right of column {@code w} (at most {@code blocks}). */
    static int endInside(int dx, int stride, int w, int lo, int blocks) {
        long end = Math.floorDiv((long) w - dx + stride - 1, stride);
        return (int) Math.max(lo, Math.min(end, blocks));
    }
}
