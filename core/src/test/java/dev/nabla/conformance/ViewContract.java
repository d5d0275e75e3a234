package dev.nabla.conformance;

import dev.nabla.DType;
import dev.nabla.Tensor;
import org.junit.jupiter.api.Test;

import static dev.nabla.Nabla.tensor;
import static dev.nabla.Nabla.zeros;
import static dev.nabla.conformance.ValueAsserts.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Layout-changing views (view, reshape, permute, transpose, t, expand, squeeze, flatten): their shapes, strides
 * and offsets, that they alias their base and share its version, and that errors name the op and the shapes.
 */
public abstract class ViewContract extends DeviceTestBase {

    /** 0, 1, 2, ... as float64. */
    static double[] iotaValues(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = i;
        return v;
    }

    /** A fresh float64 tensor holding 0, 1, 2, ... in the given shape. */
    static Tensor iota(int... shape) {
        return tensor(iotaValues(Ref.numel(shape)), shape);
    }

    @Test
    void viewOfAContiguousTensorSharesStorage() {
        Tensor x = iota(2, 3, 4);
        Tensor v = x.view(4, 6);
        assertTrue(v.sharesStorageWith(x));
        assertArrayEquals(shape(6, 1), v.strides());
        assertExact(v.select(0, 1), shape(6), 6, 7, 8, 9, 10, 11);
        assertArrayEquals(shape(12, 2), x.view(-1, 2).shape());
        assertArrayEquals(shape(24), x.view(-1).shape());
        assertArrayEquals(shape(), tensor(5.0).view().shape());
        assertArrayEquals(shape(1, 1), tensor(5.0).view(1, -1).shape());
        assertArrayEquals(shape(0), zeros(0, 3).view(-1).shape());
    }

    @Test
    void viewOfAStridedTensorSplitsDimsWhereTheLayoutAllows() {
        double[] base = iotaValues(12);
        Tensor t = tensor(base, 3, 4).t();
        Tensor v = t.view(2, 2, 3);
        assertTrue(v.sharesStorageWith(t));
        assertArrayEquals(shape(2, 1, 4), v.strides());
        assertExact(v, shape(2, 2, 3), Ref.strided(base, shape(2, 2, 3), shape(2, 1, 4), 0));
        assertArrayEquals(shape(4, 1, 3), t.view(4, 1, 3).shape());
        Tensor cols = iota(4, 6).slice(1, 0, 6, 2);
        assertArrayEquals(shape(2, 2, 3), cols.view(2, 2, 3).shape());
        assertExact(cols.view(2, 2, 3).select(0, 1), shape(2, 3), 12, 14, 16, 18, 20, 22);
    }

    @Test
    void viewErrorsExplainTheLayoutAndSuggestReshape() {
        Tensor t = iota(2, 3).t();
        assertMessage(() -> t.view(6), "view", "[6]", "[3, 2]", "reshape");
        assertMessage(() -> iota(4, 6).narrow(1, 0, 3).view(12), "view", "[4, 3]", "[6, 1]");
        assertExact(iota(4, 6).slice(1, 0, 6, 2).view(12).slice(0, 0, 12, 5), shape(3), 0, 10, 20);
        assertMessage(() -> iota(2, 3).view(4, 2), "view", "[4, 2]", "6");
        assertMessage(() -> iota(2, 3).view(-1, -1), "view", "-1");
        assertMessage(() -> zeros(0, 3).view(-1, 0), "view", "[-1, 0]");
    }

    @Test
    void reshapeViewsWhenPossibleAndCopiesOtherwise() {
        double[] base = iotaValues(12);
        Tensor x = tensor(base, 3, 4);
        Tensor r = x.reshape(2, 6);
        assertTrue(r.sharesStorageWith(x));
        assertEquals(x.version(), r.version());
        Tensor t = x.t();
        assertTrue(t.reshape(2, 2, 3).sharesStorageWith(x));
        Tensor flat = t.reshape(-1);
        assertFalse(flat.sharesStorageWith(x));
        assertTrue(flat.isContiguous());
        assertExact(flat, shape(12), Ref.strided(base, shape(4, 3), shape(1, 4), 0));
        flat.fill_(-1.0);
        assertExact(x.select(0, 0), shape(4), 0, 1, 2, 3);
        Tensor e = tensor(new double[] {1, 2}, 2, 1).expand(2, 3);
        assertFalse(e.reshape(6).sharesStorageWith(e));
        assertExact(e.reshape(6), shape(6), 1, 1, 1, 2, 2, 2);
        assertTrue(e.reshape(2, 3, 1).sharesStorageWith(e));
        assertMessage(() -> x.reshape(5, -1), "reshape", "[5, -1]", "12");
    }

    @Test
    void permuteAndTransposeSwapShapesAndStrides() {
        Tensor x = iota(2, 3, 4);
        Tensor p = x.permute(2, 0, 1);
        assertArrayEquals(shape(4, 2, 3), p.shape());
        assertArrayEquals(shape(1, 12, 4), p.strides());
        assertTrue(p.sharesStorageWith(x));
        assertExact(p.select(0, 1), shape(2, 3), 1, 5, 9, 13, 17, 21);
        assertArrayEquals(shape(4, 2, 3), x.permute(-1, 0, -2).shape());
        Tensor tr = x.transpose(0, 2);
        assertArrayEquals(shape(4, 3, 2), tr.shape());
        assertArrayEquals(shape(1, 4, 12), tr.strides());
        assertArrayEquals(shape(2, 4, 3), x.transpose(-1, -2).shape());
        assertExact(x.transpose(1, 2).get(1, 3), shape(3), 15, 19, 23);
        assertMessage(() -> x.permute(0, 1), "permute", "[0, 1]", "[2, 3, 4]");
        assertMessage(() -> x.permute(0, 1, 1), "permute", "[0, 1, 1]");
        assertMessage(() -> x.transpose(0, 3), "transpose", "3");
        assertExact(tensor(2.0).transpose(0, -1), shape(), 2);
        assertMessage(() -> tensor(2.0).transpose(0, 1), "transpose", "1");
    }

    @Test
    void tTransposesUpToTwoDimsOnly() {
        Tensor m = iota(2, 3);
        assertArrayEquals(shape(3, 2), m.t().shape());
        assertArrayEquals(shape(1, 3), m.t().strides());
        assertExact(m.t(), shape(3, 2), 0, 3, 1, 4, 2, 5);
        assertExact(iota(3).t(), shape(3), 0, 1, 2);
        assertExact(tensor(4.0).t(), shape(), 4);
        assertMessage(() -> iota(2, 3, 4).t(), "t", "[2, 3, 4]");
    }

    @Test
    void expandRepeatsSizeOneDimsWithStrideZero() {
        Tensor col = tensor(new double[] {1, 2, 3}, 3, 1);
        Tensor e = col.expand(3, 4);
        assertArrayEquals(shape(1, 0), e.strides());
        assertTrue(e.sharesStorageWith(col));
        assertFalse(e.isContiguous());
        assertExact(e, shape(3, 4), 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3);
        assertArrayEquals(shape(3, 5), col.expand(-1, 5).shape());
        Tensor lead = col.expand(2, 3, 2);
        assertArrayEquals(shape(2, 3, 2), lead.shape());
        assertArrayEquals(shape(0, 1, 0), lead.strides());
        assertExact(lead.select(0, 1), shape(3, 2), 1, 1, 2, 2, 3, 3);
        assertArrayEquals(shape(3, 0), col.expand(3, 0).shape());
        assertArrayEquals(shape(2, 3), tensor(7.0).expand(2, 3).shape());
        assertExact(col.expandAs(zeros(2, 3, 3)).select(0, 0), shape(3, 3), 1, 1, 1, 2, 2, 2, 3, 3, 3);
        assertMessage(() -> col.expand(4, 4), "expand", "[4, 4]", "[3, 1]");
        assertMessage(() -> col.expand(-1, 3, 4), "expand", "-1");
        assertMessage(() -> col.expand(4), "expand", "[3, 1]");
        assertMessage(() -> e.fill_(0.0), "fill_", "[3, 4]");
    }

    @Test
    void squeezeAndUnsqueezeWithNegativeDims() {
        Tensor x = iota(1, 3, 1, 2);
        assertArrayEquals(shape(3, 2), x.squeeze().shape());
        assertArrayEquals(shape(3, 1, 2), x.squeeze(0).shape());
        assertArrayEquals(shape(1, 3, 2), x.squeeze(-2).shape());
        assertArrayEquals(shape(1, 3, 1, 2), x.squeeze(1).shape());
        assertTrue(x.squeeze().sharesStorageWith(x));
        assertArrayEquals(shape(), tensor(new double[] {4}, 1, 1).squeeze().shape());
        Tensor m = iota(2, 3);
        assertArrayEquals(shape(1, 2, 3), m.unsqueeze(0).shape());
        assertArrayEquals(shape(2, 3, 1), m.unsqueeze(-1).shape());
        assertArrayEquals(shape(2, 1, 3), m.unsqueeze(-2).shape());
        assertArrayEquals(shape(1, 2, 3), m.unsqueeze(-3).shape());
        assertArrayEquals(shape(3, 3, 1), m.unsqueeze(1).strides());
        assertArrayEquals(shape(1), tensor(4.0).unsqueeze(0).shape());
        assertExact(m.t().unsqueeze(1), shape(3, 1, 2), 0, 3, 1, 4, 2, 5);
        assertMessage(() -> m.unsqueeze(3), "unsqueeze", "3");
        assertMessage(() -> m.unsqueeze(-4), "unsqueeze", "-4");
        assertMessage(() -> x.squeeze(4), "squeeze", "4");
    }

    @Test
    void flattenAndUnflatten() {
        Tensor x = iota(2, 3, 4);
        assertArrayEquals(shape(24), x.flatten().shape());
        assertArrayEquals(shape(2, 12), x.flatten(1, 2).shape());
        assertArrayEquals(shape(6, 4), x.flatten(0, 1).shape());
        assertArrayEquals(shape(2, 12), x.flatten(-2, -1).shape());
        assertArrayEquals(shape(2, 3, 4), x.flatten(1, 1).shape());
        assertTrue(x.flatten().sharesStorageWith(x));
        assertArrayEquals(shape(1), tensor(3.0).flatten().shape());
        Tensor t = x.transpose(0, 2);
        assertFalse(t.flatten().sharesStorageWith(x));
        assertExact(t.flatten(1, 2).select(0, 1), shape(6), 1, 13, 5, 17, 9, 21);
        assertArrayEquals(shape(2, 3, 4), x.flatten(1, 2).unflatten(1, 3, 4).shape());
        assertArrayEquals(shape(2, 3, 2, 2), x.unflatten(-1, 2, -1).shape());
        assertTrue(x.unflatten(0, 1, 2).sharesStorageWith(x));
        assertExact(x.unflatten(2, 2, 2).get(1, 2, 1), shape(2), 22, 23);
        assertMessage(() -> x.flatten(2, 1), "flatten", "[2, 3, 4]");
        assertMessage(() -> x.unflatten(1, 2, 2), "unflatten", "[2, 2]", "[2, 3, 4]");
    }

    @Test
    void contiguityStridesAndOffsets() {
        Tensor x = iota(2, 3, 4);
        assertArrayEquals(shape(12, 4, 1), x.strides());
        assertEquals(0, x.storageOffset());
        assertTrue(x.isContiguous());
        assertSame(x, x.contiguous());
        Tensor s = x.select(1, 2);
        assertArrayEquals(shape(12, 1), s.strides());
        assertEquals(8, s.storageOffset());
        Tensor n = x.narrow(2, 1, 2).narrow(0, 1, 1);
        assertEquals(13, n.storageOffset());
        assertFalse(n.isContiguous());
        assertTrue(x.narrow(0, 1, 1).isContiguous());
        assertTrue(x.narrow(1, 1, 2).narrow(0, 1, 1).isContiguous());
        Tensor t = x.transpose(0, 1);
        assertFalse(t.isContiguous());
        Tensor c = t.contiguous();
        assertTrue(c.isContiguous());
        assertFalse(c.sharesStorageWith(x));
        assertArrayEquals(shape(8, 4, 1), c.strides());
        assertEquals(0, c.storageOffset());
        assertExact(c.get(2, 1), shape(4), 20, 21, 22, 23);
        assertEquals(DType.FLOAT64, c.dtype());
        Tensor empty = zeros(3, 0).t();
        assertTrue(empty.isContiguous());
        assertSame(empty, empty.contiguous());
    }

    @Test
    void writesThroughViewsReachTheBaseAndBack() {
        Tensor base = zeros(DType.FLOAT64, 3, 4);
        base.select(0, 1).fill_(5.0);
        base.t().narrow(0, 2, 1).fill_(7.0);
        base.slice(1, 1, 4, 2).select(0, 2).copy_(tensor(new double[] {8, 9}));
        assertExact(base, shape(3, 4), 0, 0, 7, 0, 5, 5, 7, 5, 0, 8, 7, 9);
        Tensor window = base.view(2, 6).narrow(1, 4, 2);
        base.fill_(1.0);
        assertExact(window, shape(2, 2), 1, 1, 1, 1);
        base.get(1).copy_(tensor(new double[] {1, 2, 3, 4}));
        assertExact(window, shape(2, 2), 1, 2, 1, 1);
        window.copy_(tensor(new double[] {-1, -2}));
        assertExact(base.flatten(), shape(12), 1, 1, 1, 1, -1, -2, 3, 4, 1, 1, -1, -2);
        base.unsqueeze(0).expand(2, 3, 4).select(0, 1).select(1, 0).fill_(6.0);
        assertExact(base.select(1, 0), shape(3), 6, 6, 6);
    }

    @Test
    void viewsShareTheVersionCounter() {
        Tensor base = zeros(DType.FLOAT64, 2, 3);
        Tensor t = base.t();
        Tensor row = base.select(0, 1);
        Tensor other = zeros(DType.FLOAT64, 2, 3);
        int start = base.version();
        row.fill_(2.0);
        assertEquals(start + 1, base.version());
        assertEquals(base.version(), t.version());
        assertEquals(base.version(), row.version());
        t.copy_(other.t());
        assertEquals(start + 2, row.version());
        assertEquals(0, other.version());
        Tensor copy = t.reshape(6);
        assertEquals(0, copy.version());
        copy.fill_(1.0);
        assertEquals(start + 2, base.version());
    }
}
