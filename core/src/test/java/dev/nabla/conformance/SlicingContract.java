package dev.nabla.conformance;

import dev.nabla.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static dev.nabla.Nabla.tensor;
import static dev.nabla.Nabla.zeros;
import static dev.nabla.conformance.ValueAsserts.assertMessage;
import static dev.nabla.conformance.ViewContract.iota;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Views that pick parts of a tensor (narrow, select, slice, split, chunk, unbind, get), with Python's bounds rules. */
public abstract class SlicingContract extends DeviceTestBase {

    @Test
    void narrowAndSelectAreOffsetViews() {
        Tensor x = iota(3, 4);
        Tensor n = x.narrow(1, 1, 2);
        assertTrue(n.sharesStorageWith(x));
        assertEquals(1, n.storageOffset());
        assertExact(n, shape(3, 2), 1, 2, 5, 6, 9, 10);
        assertExact(x.narrow(1, -2, 2), shape(3, 2), 2, 3, 6, 7, 10, 11);
        assertExact(x.narrow(-2, 2, 1), shape(1, 4), 8, 9, 10, 11);
        assertExact(x.narrow(0, 3, 0), shape(0, 4));
        assertExact(x.select(0, -1), shape(4), 8, 9, 10, 11);
        assertExact(x.select(1, 2), shape(3), 2, 6, 10);
        assertExact(x.select(-1, -4), shape(3), 0, 4, 8);
        assertExact(x.t().select(0, 3).narrow(0, 1, 2), shape(2), 7, 11);
        assertMessage(() -> x.narrow(1, 3, 2), "narrow", "[3, 4]");
        assertMessage(() -> x.narrow(0, 4, 0), "narrow", "4", "[3, 4]");
        assertMessage(() -> x.narrow(1, 0, -1), "narrow", "[3, 4]");
        assertMessage(() -> x.select(1, 4), "select", "4", "[3, 4]");
        assertMessage(() -> x.select(0, -4), "select", "-4", "[3, 4]");
        assertMessage(() -> tensor(2.0).select(0, 0), "select");
    }

    @ParameterizedTest(name = "[{0}:{1}:{2}]")
    @CsvSource({
        "2, 5, 1, '2 3 4'",
        "-3, 100, 1, '7 8 9'",
        "-100, 3, 1, '0 1 2'",
        "1, 9, 3, '1 4 7'",
        "0, 10, 4, '0 4 8'",
        "8, 100, 5, '8'",
        "5, 2, 1, ''",
        "-1, -5, 2, ''",
        "-100, -90, 1, ''",
        "100, 200, 1, ''",
        "0, -1, 2, '0 2 4 6 8'",
        "-4, -1, 2, '6 8'",
    })
    void slicesClampLikePython(int start, int end, int step, String expected) {
        Tensor x = iota(10);
        double[] want = expected.isEmpty() ? new double[0]
                : java.util.Arrays.stream(expected.split(" ")).mapToDouble(Double::parseDouble).toArray();
        Tensor s = x.slice(0, start, end, step);
        assertExact(s, shape(want.length), want);
        assertTrue(s.sharesStorageWith(x));
        if (want.length > 0) {
            assertEquals(step, s.strides()[0]);
            assertEquals((int) want[0], s.storageOffset());
        }
    }

    @Test
    void slicesOfInnerDimsAndOfViews() {
        Tensor x = iota(3, 6);
        Tensor s = x.slice(1, 1, 6, 2);
        assertArrayEquals(shape(3, 3), s.shape());
        assertArrayEquals(shape(6, 2), s.strides());
        assertEquals(1, s.storageOffset());
        assertExact(s, shape(3, 3), 1, 3, 5, 7, 9, 11, 13, 15, 17);
        assertExact(x.slice(-1, 4, 6), shape(3, 2), 4, 5, 10, 11, 16, 17);
        assertExact(s.slice(0, 1, 3, 1).slice(1, 0, 3, 2), shape(2, 2), 7, 11, 13, 17);
        assertExact(x.t().slice(0, 2, 6, 3), shape(2, 3), 2, 8, 14, 5, 11, 17);
        assertMessage(() -> x.slice(1, 0, 6, 0), "slice", "step");
        assertMessage(() -> x.slice(2, 0, 1), "slice", "2");
    }

    @Test
    void splitBySizeAndBySizes() {
        Tensor x = iota(5, 2);
        List<Tensor> parts = x.split(2, 0);
        assertEquals(3, parts.size());
        assertExact(parts.get(0), shape(2, 2), 0, 1, 2, 3);
        assertExact(parts.get(2), shape(1, 2), 8, 9);
        assertTrue(parts.get(1).sharesStorageWith(x));
        assertEquals(4, parts.get(1).storageOffset());
        assertEquals(1, x.split(5, 0).size());
        assertEquals(1, x.split(7, 0).size());
        List<Tensor> cols = x.split(1, -1);
        assertEquals(2, cols.size());
        assertExact(cols.get(1), shape(5, 1), 1, 3, 5, 7, 9);
        List<Tensor> sized = x.split(new int[] {1, 0, 4}, 0);
        assertEquals(3, sized.size());
        assertExact(sized.get(0), shape(1, 2), 0, 1);
        assertExact(sized.get(1), shape(0, 2));
        assertExact(sized.get(2).select(0, 3), shape(2), 8, 9);
        assertMessage(() -> x.split(new int[] {2, 2}, 0), "split", "[2, 2]", "5");
        assertMessage(() -> x.split(0, 0), "split", "0");
        List<Tensor> empty = zeros(0, 2).split(3, 0);
        assertEquals(1, empty.size());
        assertArrayEquals(shape(0, 2), empty.get(0).shape());
    }

    @ParameterizedTest(name = "size {0} into {1} chunks")
    @CsvSource({
        "5, 3, '2 2 1'",
        "6, 4, '2 2 2'",
        "6, 3, '2 2 2'",
        "7, 4, '2 2 2 1'",
        "10, 4, '3 3 3 1'",
        "1, 3, '1'",
        "3, 1, '3'",
        "0, 3, '0 0 0'",
    })
    void chunkFollowsPyTorchsUnevenRule(int size, int chunks, String sizes) {
        Tensor x = iota(2, size);
        List<Tensor> parts = x.chunk(chunks, 1);
        int[] want = java.util.Arrays.stream(sizes.split(" ")).mapToInt(Integer::parseInt).toArray();
        assertEquals(want.length, parts.size(), "number of chunks");
        int at = 0;
        for (int i = 0; i < want.length; i++) {
            Tensor p = parts.get(i);
            assertArrayEquals(shape(2, want[i]), p.shape());
            assertTrue(p.sharesStorageWith(x));
            if (want[i] > 0) assertEquals(at, p.storageOffset());
            at += want[i];
        }
        assertEquals(size, at);
    }

    @Test
    void cuttingErrors() {
        assertMessage(() -> iota(4).chunk(0, 0), "chunk", "0");
        assertMessage(() -> iota(4).chunk(2, 1), "chunk", "1");
        assertMessage(() -> tensor(1.0).chunk(2, 0), "chunk", "0-dim");
        assertMessage(() -> tensor(1.0).split(1, 0), "split", "0-dim");
        assertMessage(() -> tensor(1.0).split(new int[] {1}, 0), "split", "0-dim");
        assertMessage(() -> tensor(1.0).unbind(0), "unbind", "0-dim");
    }

    @Test
    void unbindAndGet() {
        Tensor x = iota(2, 3);
        List<Tensor> cols = x.unbind(1);
        assertEquals(3, cols.size());
        assertExact(cols.get(2), shape(2), 2, 5);
        assertTrue(cols.get(0).sharesStorageWith(x));
        List<Tensor> rows = x.unbind(-2);
        assertExact(rows.get(1), shape(3), 3, 4, 5);
        assertEquals(0, zeros(0, 3).unbind(0).size());
        Tensor y = iota(2, 3, 4);
        assertExact(y.get(1, 2), shape(4), 20, 21, 22, 23);
        assertExact(y.get(-1, -1, -1), shape(), 23);
        assertExact(y.get(0), shape(3, 4), ViewContract.iotaValues(12));
        assertExact(y.get(), shape(2, 3, 4), ViewContract.iotaValues(24));
        assertEquals(17.0, y.getDouble(1, 1, 1));
        assertEquals(6, y.transpose(0, 2).getLong(2, 1, 0));
        y.get(1, 0).fill_(-1.0);
        assertExact(y.select(2, 3).select(0, 1), shape(3), -1, 19, 23);
        assertMessage(() -> y.get(0, 0, 0, 0), "get", "too many indices", "[2, 3, 4]");
        assertMessage(() -> y.get(2), "get", "index 2", "dimension 0", "[2, 3, 4]");
        assertMessage(() -> x.unbind(2), "unbind", "2");
    }
}
