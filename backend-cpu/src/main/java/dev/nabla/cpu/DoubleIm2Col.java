package dev.nabla.cpu;

import dev.nabla.spi.Window2d;

import java.util.Arrays;

/**
 * im2col and col2im over one (n, c) image plane of double arrays: plain loops over whole rows, with the range of
 * in-image blocks computed once per kernel tap so the inner loops carry no bounds tests.
 * Template: FloatIm2Col is generated from this file by FloatKernelsGenerator.
 */
final class DoubleIm2Col {
    private DoubleIm2Col() {
    }

    /**
     * Writes one plane's kh*kw column rows of {@code blocks} entries each, from {@code oOff} on; the image element
     * (iy, ix), for iy in [0, h) and ix in [0, w), is {@code x[xOff + iy*sy + ix*sx]}.
     */
    static void im2col(double[] x, int xOff, int sy, int sx, int h, int w, Window2d g, double pad, double[] o, int oOff) {
        int bh = g.blocksH();
        int bw = g.blocksW();
        int strideW = g.strideW();
        int step = strideW * sx;
        int row = oOff;
        for (int i = 0; i < g.kernelH(); i++) {
            int dy = i * g.dilationH() - g.padH();
            for (int j = 0; j < g.kernelW(); j++, row += bh * bw) {
                int dx = j * g.dilationW() - g.padW();
                int lo = Im2Col.firstInside(dx, strideW, bw);
                int hi = Im2Col.endInside(dx, strideW, w, lo, bw);
                for (int by = 0; by < bh; by++) {
                    int iy = by * g.strideH() + dy;
                    int r = row + by * bw;
                    if (iy < 0 || iy >= h || lo == hi) {
                        Arrays.fill(o, r, r + bw, pad);
                        continue;
                    }
                    if (lo > 0) Arrays.fill(o, r, r + lo, pad);
                    int src = xOff + iy * sy + (lo * strideW + dx) * sx;
                    if (step == 1) {
                        System.arraycopy(x, src, o, r + lo, hi - lo);
                    } else {
                        for (int bx = lo; bx < hi; bx++, src += step) o[r + bx] = x[src];
                    }
                    if (hi < bw) Arrays.fill(o, r + hi, r + bw, pad);
                }
            }
        }
    }

    /**
     * Adds one plane's kh*kw column rows into the contiguous h x w image plane at {@code oOff}; entry l of row k is
     * {@code c[cOff + k*sk + l*sl]}. Taps outside the image are dropped.
     */
    static void col2im(double[] c, int cOff, int sk, int sl, int h, int w, Window2d g, double[] o, int oOff) {
        int bh = g.blocksH();
        int bw = g.blocksW();
        int strideW = g.strideW();
        int k = 0;
        for (int i = 0; i < g.kernelH(); i++) {
            int dy = i * g.dilationH() - g.padH();
            for (int j = 0; j < g.kernelW(); j++, k++) {
                int dx = j * g.dilationW() - g.padW();
                int lo = Im2Col.firstInside(dx, strideW, bw);
                int hi = Im2Col.endInside(dx, strideW, w, lo, bw);
                if (lo == hi) continue;
                for (int by = 0; by < bh; by++) {
                    int iy = by * g.strideH() + dy;
                    if (iy < 0 || iy >= h) continue;
                    int dst = oOff + iy * w + lo * strideW + dx;
                    int src = cOff + k * sk + (by * bw + lo) * sl;
                    if (strideW == 1 && sl == 1) {
                        for (int t = 0; t < hi - lo; t++) o[dst + t] += c[src + t];
                    } else {
                        for (int bx = lo; bx < hi; bx++, dst += strideW, src += sl) o[dst] += c[src];
                    }
                }
            }
        }
    }
}
