package dev.nabla.opencl;

import dev.nabla.DType;
import dev.nabla.Device;
import dev.nabla.Tensor;

import java.util.Arrays;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs one op on CPU tensors and on OpenCL copies of them, and compares the results. */
final class Parity {
    private Parity() {
    }

    /** {@code op} of the CPU inputs and of their OpenCL copies: same dtype, shape and values (floats within tolerance). */
    static Tensor check(String what, Function<Tensor[], Tensor> op, Tensor... cpu) {
        return check(what, 1, op, cpu);
    }

    /** {@link #check} with the float tolerance multiplied by {@code looser}, for sums whose terms dwarf the result. */
    static Tensor check(String what, double looser, Function<Tensor[], Tensor> op, Tensor... cpu) {
        Tensor expected = op.apply(cpu);
        Tensor actual = op.apply(onOpenCl(cpu));
        assertEquals(OpenClCondition.device(), actual.device(), what + ": device");
        assertClose(what, expected, actual, looser);
        return actual;
    }

    /** Like {@link #check}, and the OpenCL result repeats bit for bit and equals the CPU's bit for bit. */
    static void checkExact(String what, Function<Tensor[], Tensor> op, Tensor... cpu) {
        Tensor expected = op.apply(cpu);
        Tensor[] ocl = onOpenCl(cpu);
        Tensor actual = op.apply(ocl);
        assertEquals(expected.dtype(), actual.dtype(), what + ": dtype");
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        assertArrayEquals(bits(expected), bits(actual), what + ": bits");
        assertArrayEquals(bits(actual), bits(op.apply(ocl)), what + ": repeated run");
    }

    /** OpenCL copies of CPU tensors. */
    static Tensor[] onOpenCl(Tensor... cpu) {
        Device d = OpenClCondition.device();
        return Arrays.stream(cpu).map(t -> t.to(d)).toArray(Tensor[]::new);
    }

    /** Same dtype and shape; floats agree within 1e-5 (float32) or 1e-12 (float64) times {@code looser}, relative; others exactly. */
    static void assertClose(String what, Tensor expected, Tensor actual, double looser) {
        assertEquals(expected.dtype(), actual.dtype(), what + ": dtype");
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        if (!expected.dtype().isFloatingPoint()) {
            assertArrayEquals(expected.toLongArray(), actual.toLongArray(), what + ": values");
            return;
        }
        double tol = (expected.dtype() == DType.FLOAT32 ? 1e-5 : 1e-12) * looser;
        double[] e = expected.toDoubleArray();
        double[] a = actual.toDoubleArray();
        for (int i = 0; i < e.length; i++) {
            if (Double.isNaN(e[i]) || Double.isInfinite(e[i])) {
                assertEquals(e[i], a[i], what + ": element " + i);
            } else {
                assertTrue(Math.abs(e[i] - a[i]) <= tol * Math.max(1, Math.abs(e[i])),
                        what + ": element " + i + " expected " + e[i] + " but was " + a[i]);
            }
        }
    }

    /** The elements as exact bit patterns. */
    static long[] bits(Tensor t) {
        if (t.dtype() == DType.FLOAT32) {
            float[] v = t.toFloatArray();
            long[] out = new long[v.length];
            for (int i = 0; i < v.length; i++) out[i] = Float.floatToRawIntBits(v[i]);
            return out;
        }
        if (t.dtype() == DType.FLOAT64) return Arrays.stream(t.toDoubleArray()).mapToLong(Double::doubleToRawLongBits).toArray();
        return t.toLongArray();
    }
}
