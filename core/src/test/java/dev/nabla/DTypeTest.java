package dev.nabla;

import org.junit.jupiter.api.Test;

import static dev.nabla.DType.BOOL;
import static dev.nabla.DType.FLOAT32;
import static dev.nabla.DType.FLOAT64;
import static dev.nabla.DType.INT32;
import static dev.nabla.DType.INT64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PyTorch's promote_types table restricted to Nabla's dtypes, and the in-place casting rule. */
class DTypeTest {
    @Test
    void promoteTypesFollowsPyTorchsTable() {
        DType[] order = {BOOL, INT32, INT64, FLOAT32, FLOAT64};
        DType[][] expected = {
                {BOOL, INT32, INT64, FLOAT32, FLOAT64},
                {INT32, INT32, INT64, FLOAT32, FLOAT64},
                {INT64, INT64, INT64, FLOAT32, FLOAT64},
                {FLOAT32, FLOAT32, FLOAT32, FLOAT32, FLOAT64},
                {FLOAT64, FLOAT64, FLOAT64, FLOAT64, FLOAT64},
        };
        for (int i = 0; i < order.length; i++) {
            for (int j = 0; j < order.length; j++) {
                assertEquals(expected[i][j], DType.promote(order[i], order[j]), order[i] + " with " + order[j]);
            }
        }
    }

    @Test
    void namesAndSizesMatchPyTorch() {
        assertEquals("torch.float32", FLOAT32.toString());
        assertEquals("torch.int64", INT64.torchName());
        assertEquals(8, FLOAT64.itemSize());
        assertEquals(1, BOOL.itemSize());
        assertTrue(FLOAT32.isFloatingPoint());
        assertTrue(INT32.isIntegral());
        assertFalse(BOOL.isIntegral());
    }

    @Test
    void inPlaceCastsNeverLoseTheCategory() {
        assertTrue(Promotion.canCast(INT64, FLOAT32));
        assertTrue(Promotion.canCast(FLOAT64, FLOAT32));
        assertTrue(Promotion.canCast(BOOL, INT32));
        assertFalse(Promotion.canCast(FLOAT32, INT64));
        assertFalse(Promotion.canCast(INT64, BOOL));
    }
}
