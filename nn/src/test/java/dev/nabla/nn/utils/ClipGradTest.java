package dev.nabla.nn.utils;

import dev.nabla.Parameter;
import dev.nabla.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.nabla.Nabla.tensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** clipGradNorm over gradients [3, 4] and [12] (2-norm 13, 1-norm 19, max 12) and clipGradValue. */
class ClipGradTest {
    private static List<Parameter> params() {
        Parameter a = new Parameter(tensor(new double[] {0, 0}));
        Parameter b = new Parameter(tensor(new double[] {0}));
        Parameter unused = new Parameter(tensor(new double[] {0}));
        a.setGrad(tensor(new double[] {3, 4}));
        b.setGrad(tensor(new double[] {12}));
        return List.of(a, b, unused);
    }

    @Test
    void scalesToTheMaxNormAndReturnsTheTotal() {
        List<Parameter> ps = params();
        Tensor total = ClipGrad.clipGradNorm(ps, 6.5);
        assertEquals(13.0, total.item(), 1e-12);
        assertEquals(0, total.dim());
        double c = 6.5 / (13 + 1e-6);
        assertArrayEquals(new double[] {3 * c, 4 * c}, ps.get(0).grad().toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {12 * c}, ps.get(1).grad().toDoubleArray(), 1e-15);
    }

    @Test
    void leavesSmallGradientsAlone() {
        List<Parameter> ps = params();
        assertEquals(13.0, ClipGrad.clipGradNorm(ps, 100).item(), 1e-12);
        assertArrayEquals(new double[] {3, 4}, ps.get(0).grad().toDoubleArray());
    }

    @Test
    void otherNorms() {
        List<Parameter> ps = params();
        assertEquals(19.0, ClipGrad.clipGradNorm(ps, 1e9, 1.0).item(), 1e-12);
        assertEquals(12.0, ClipGrad.clipGradNorm(ps, 1.2, Double.POSITIVE_INFINITY).item(), 1e-12);
        double c = 1.2 / (12 + 1e-6);
        assertArrayEquals(new double[] {12 * c}, ps.get(1).grad().toDoubleArray(), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> ClipGrad.clipGradNorm(ps, 1, 0));
    }

    @Test
    void nonFiniteTotalThrowsOnlyWhenAskedAndBeforeChangingAnything() {
        List<Parameter> ps = params();
        ps.get(1).setGrad(tensor(new double[] {Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> ClipGrad.clipGradNorm(ps, 1, 2, true));
        assertArrayEquals(new double[] {3, 4}, ps.get(0).grad().toDoubleArray());
        assertEquals(Double.NaN, ClipGrad.clipGradNorm(ps, 1, 2, false).item());
    }

    @Test
    void noGradientsGiveZero() {
        assertEquals(0.0, ClipGrad.clipGradNorm(List.of(new Parameter(tensor(new double[] {1}))), 1).item());
    }

    @Test
    void clipGradValueClampsEachElement() {
        List<Parameter> ps = params();
        ClipGrad.clipGradValue(ps, 3.5);
        assertArrayEquals(new double[] {3, 3.5}, ps.get(0).grad().toDoubleArray());
        assertArrayEquals(new double[] {3.5}, ps.get(1).grad().toDoubleArray());
    }
}
