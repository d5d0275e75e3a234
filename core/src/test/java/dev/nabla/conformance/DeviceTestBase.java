package dev.nabla.conformance;

import dev.nabla.DType;
import dev.nabla.Device;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The base of every conformance contract: each backend's test module subclasses the contracts and names its
 * device; factories then create tensors there, so one test body checks every backend.
 */
public abstract class DeviceTestBase {

    /** The device under test. */
    protected abstract Device device();

    @BeforeEach
    void useDevice() {
        Nabla.setDefaultDevice(device());
        Nabla.setDefaultDtype(DType.FLOAT32);
    }

    @AfterEach
    void restoreDefaults() {
        Nabla.setDefaultDevice(Device.cpu());
        Nabla.setDefaultDtype(DType.FLOAT32);
    }

    /** Asserts shape and values (as doubles, within {@code tol}). */
    protected static void assertValues(Tensor t, int[] shape, double[] expected, double tol) {
        assertArrayEquals(shape, t.shape(), "shape of " + t);
        double[] actual = t.toDoubleArray();
        assertEquals(expected.length, actual.length, "element count");
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i];
            double a = actual[i];
            if (Double.isNaN(e) || Double.isInfinite(e)) {
                assertEquals(e, a, "element " + i + " of " + t);
            } else {
                assertEquals(e, a, tol * Math.max(1, Math.abs(e)), "element " + i + " of " + t);
            }
        }
    }

    /** Asserts shape and exact values. */
    protected static void assertExact(Tensor t, int[] shape, double... expected) {
        assertValues(t, shape, expected, 0);
    }

    /** Shorthand for a shape literal. */
    protected static int[] shape(int... s) {
        return s;
    }
}
