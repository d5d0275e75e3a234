package dev.nabla;

import dev.nabla.spi.Strided;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shape arithmetic that needs no backend: broadcasting, dim wrapping, strides. */
class ShapesTest {
    @Test
    void broadcastingAlignsRightAndStretchesOnes() {
        assertArrayEquals(new int[] {2, 3}, Shapes.broadcast("add", new int[] {2, 1}, new int[] {3}));
        assertArrayEquals(new int[] {4, 2, 3}, Shapes.broadcast("add", new int[] {4, 1, 3}, new int[] {2, 1}));
        assertArrayEquals(new int[] {0, 3}, Shapes.broadcast("add", new int[] {0, 1}, new int[] {3}));
        assertArrayEquals(new int[] {5}, Shapes.broadcast("add", new int[] {}, new int[] {5}));
    }

    @Test
    void incompatibleShapesNameTheOpShapesAndDim() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Shapes.broadcast("mul", new int[] {2, 3}, new int[] {4}));
        assertTrue(e.getMessage().startsWith("mul: shapes [2, 3] and [4] cannot be broadcast"), e.getMessage());
        assertTrue(e.getMessage().contains("size 3 and size 4"), e.getMessage());
    }

    @Test
    void dimsWrapFromTheEndAndOutOfRangeNamesTheValidRange() {
        assertEquals(2, Shapes.wrapDim("sum", -1, 3));
        assertEquals(0, Shapes.wrapDim("sum", -3, 3));
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> Shapes.wrapDim("sum", 3, 3));
        assertEquals("sum: dim 3 is out of range for a tensor of rank 3 (expected a dim in [-3, 2])", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Shapes.wrapDims("sum", new int[] {1, -2}, 3));
    }

    @Test
    void contiguousStridesAreRowMajor() {
        assertArrayEquals(new int[] {12, 4, 1}, Strided.contiguousStrides(new int[] {2, 3, 4}));
        assertArrayEquals(new int[] {}, Strided.contiguousStrides(new int[] {}));
        assertArrayEquals(new int[] {3, 3, 1}, Strided.contiguousStrides(new int[] {2, 0, 3}));
    }

    @Test
    void oversizedShapesAreRejectedBeforeAllocation() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Shapes.numel(new int[] {1 << 16, 1 << 16}));
        assertTrue(e.getMessage().contains("2^31-1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Shapes.numel(new int[] {2, -1}));
    }
}
