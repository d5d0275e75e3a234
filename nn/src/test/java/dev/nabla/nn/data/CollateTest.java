package dev.nabla.nn.data;

import dev.nabla.DType;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CollateTest {

    @Test
    void stacksTensorsAlongANewFirstDimension() {
        Tensor batch = Collate.defaultCollate(List.of(Nabla.tensor(new float[] {1, 2}),
                Nabla.tensor(new float[] {3, 4}), Nabla.tensor(new float[] {5, 6})));
        assertArrayEquals(new int[] {3, 2}, batch.shape());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, batch.toFloatArray());
    }

    @Test
    void collatesListsPositionByPosition() {
        List<Tensor> batch = Collate.defaultCollate(List.of(
                List.of(Nabla.tensor(new float[] {1, 2}), Nabla.tensor(7L)),
                List.of(Nabla.tensor(new float[] {3, 4}), Nabla.tensor(8L))));
        assertEquals(2, batch.size());
        assertArrayEquals(new float[] {1, 2, 3, 4}, batch.get(0).toFloatArray());
        assertArrayEquals(new int[] {2, 2}, batch.get(0).shape());
        assertArrayEquals(new long[] {7, 8}, batch.get(1).toLongArray());
        assertEquals(DType.INT64, batch.get(1).dtype());
    }

    @Test
    void turnsNumbersBooleansAndStringsInsideSamplesIntoBatches() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("label", 3);
        a.put("weight", 0.5);
        a.put("keep", true);
        a.put("name", "x");
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("label", 4);
        b.put("weight", 1.5f);
        b.put("keep", false);
        b.put("name", "y");
        Map<String, Object> batch = Collate.defaultCollate(List.of(a, b));
        Tensor label = (Tensor) batch.get("label");
        Tensor weight = (Tensor) batch.get("weight");
        Tensor keep = (Tensor) batch.get("keep");
        assertEquals(DType.INT64, label.dtype());
        assertArrayEquals(new long[] {3, 4}, label.toLongArray());
        assertEquals(DType.FLOAT64, weight.dtype());
        assertArrayEquals(new double[] {0.5, 1.5}, weight.toDoubleArray());
        assertEquals(DType.BOOL, keep.dtype());
        assertArrayEquals(new boolean[] {true, false}, keep.toBooleanArray());
        assertEquals(List.of("x", "y"), batch.get("name"));
    }

    @Test
    void collatesArraysIntoAnArrayOfTheSameType() {
        Tensor[] batch = Collate.defaultCollate(List.of(
                new Tensor[] {Nabla.tensor(1L), Nabla.tensor(new float[] {1})},
                new Tensor[] {Nabla.tensor(2L), Nabla.tensor(new float[] {2})}));
        assertArrayEquals(new long[] {1, 2}, batch[0].toLongArray());
        assertArrayEquals(new int[] {2, 1}, batch[1].shape());
    }

    @Test
    void rejectsWhatItCannotBatch() {
        assertMessage(() -> Collate.defaultCollate(List.of(1, 2)), "samples of type Integer would batch to a "
                + "different type");
        assertMessage(() -> Collate.defaultCollate(List.of(Nabla.zeros(2), Nabla.zeros(3))),
                "cannot stack batch: stack: expects each tensor to be equal size");
        assertMessage(() -> Collate.defaultCollate(List.of(List.of(Nabla.zeros(2)), List.of(Nabla.zeros(2),
                Nabla.zeros(2)))), "each element in batch should be of equal size, but sample 0 has 1 and sample 1 "
                + "has 2");
        assertMessage(() -> Collate.defaultCollate(Arrays.asList(List.of(Nabla.zeros(2)), List.of(3))),
                "batch[0] mixes sample types: sample 0 has Tensor and sample 1 has Integer");
        assertMessage(() -> Collate.defaultCollate(List.of(Map.of("a", Nabla.zeros(1)), Map.of("b", Nabla.zeros(1)))),
                "the maps in batch have different keys");
        assertMessage(() -> Collate.defaultCollate(List.of(List.of(new Object()))), "batch[0] has samples of type "
                + "Object, which the default collate cannot batch");
    }

    private static void assertMessage(Runnable r, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
