package dev.nabla.cpu;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.spi.Window2d;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The CPU im2col/col2im internals: the in-image block range per tap, and results that ignore the thread count. */
class Im2ColKernelTest {

    @Test
    void blockRangesMatchABruteForceScan() {
        for (int w = 0; w <= 7; w++) {
            for (int stride = 1; stride <= 4; stride++) {
                for (int dx = -9; dx <= 9; dx++) {
                    for (int blocks = 0; blocks <= 6; blocks++) {
                        int lo = blocks;
                        int hi = blocks;
                        for (int b = blocks - 1; b >= 0; b--) if (b * stride + dx >= 0) lo = b;
                        for (int b = blocks - 1; b >= lo; b--) if (b * stride + dx >= w) hi = b;
                        // The in-image blocks form the run [lo, hi): every tap there is inside, none outside it.
                        int first = Im2Col.firstInside(dx, stride, blocks);
                        int end = Im2Col.endInside(dx, stride, w, first, blocks);
                        String at = "w=" + w + " stride=" + stride + " dx=" + dx + " blocks=" + blocks;
                        assertEquals(lo, first, "first inside, " + at);
                        assertEquals(Math.max(lo, hi), end, "end inside, " + at);
                    }
                }
            }
        }
    }

    @Test
    void resultsAreBitIdenticalForAnyThreadCount() {
        int saved = Nabla.getNumThreads();
        try {
            double[] values = new SplittableRandom(7).doubles(16 * 12 * 23 * 21, -1, 1).toArray();
            Tensor x = Nabla.tensor(values, 16, 12, 23, 21);
            Window2d g = new Window2d(3, 3, 2, 1, 2, 1, 1, 2, 21, 11);
            Nabla.setNumThreads(1);
            double[] cols1 = x.im2col(g, 0.0).toDoubleArray();
            double[] image1 = x.im2col(g, 0.0).col2im(23, 21, g).toDoubleArray();
            Nabla.setNumThreads(3);
            assertArrayEquals(cols1, x.im2col(g, 0.0).toDoubleArray());
            assertArrayEquals(image1, x.im2col(g, 0.0).col2im(23, 21, g).toDoubleArray());
        } finally {
            Nabla.setNumThreads(saved);
        }
    }
}
