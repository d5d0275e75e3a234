package dev.nabla.conformance;

import dev.nabla.Tensor;
import org.junit.jupiter.api.Test;

import static dev.nabla.Nabla.tensor;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Creation, a view, an op and read-out round-trip on the device under test. */
public abstract class SmokeContract extends DeviceTestBase {
    @Test
    void tensorsLiveOnTheDeviceUnderTestAndRoundTrip() {
        Tensor x = tensor(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertEquals(device(), x.device());
        assertExact(x.t().add(x.t()), shape(3, 2), 2, 8, 4, 10, 6, 12);
    }
}
