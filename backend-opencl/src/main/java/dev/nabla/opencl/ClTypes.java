package dev.nabla.opencl;

import dev.nabla.DType;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** How each dtype is stored on an OpenCL device: its OpenCL C type, size, accumulator and host transfer form. */
final class ClTypes {
    private ClTypes() {
    }

    /** The OpenCL C element type; BOOL is stored as one uchar of 0 or 1. */
    static String cType(DType t) {
        return switch (t) {
            case FLOAT32 -> "float";
            case FLOAT64 -> "double";
            case INT64 -> "long";
            case INT32 -> "int";
            case BOOL -> "uchar";
        };
    }

    /** Bytes per element on the device. */
    static int size(DType t) {
        return t.itemSize();
    }

    /** The macro naming the dtype's kind in kernel sources. */
    static String kind(DType t) {
        return switch (t.category()) {
            case FLOATING -> "KIND_FLOAT";
            case INTEGRAL -> "KIND_INT";
            case BOOL -> "KIND_BOOL";
        };
    }

    /** The type sums and running states of {@code t} accumulate in: float32 in double where the device has it. */
    static String accType(DType t, boolean fp64) {
        return switch (t) {
            case FLOAT32 -> fp64 ? "double" : "float";
            case FLOAT64 -> "double";
            case INT64, INT32 -> "long";
            case BOOL -> "int";
        };
    }

    /** Bytes per accumulator of {@code t}. */
    static int accSize(DType t, boolean fp64) {
        return switch (accType(t, fp64)) {
            case "float", "int" -> 4;
            default -> 8;
        };
    }

    /** A direct buffer in the host's byte order holding {@code array} (of the dtype's Java type) as the device stores it. */
    static ByteBuffer toDirect(DType t, Object array) {
        int n = java.lang.reflect.Array.getLength(array);
        ByteBuffer b = ByteBuffer.allocateDirect(Math.max(1, n * size(t))).order(ByteOrder.nativeOrder());
        switch (t) {
            case FLOAT32 -> b.asFloatBuffer().put((float[]) array);
            case FLOAT64 -> b.asDoubleBuffer().put((double[]) array);
            case INT64 -> b.asLongBuffer().put((long[]) array);
            case INT32 -> b.asIntBuffer().put((int[]) array);
            case BOOL -> {
                boolean[] v = (boolean[]) array;
                for (int i = 0; i < n; i++) b.put(i, (byte) (v[i] ? 1 : 0));
            }
        }
        return b;
    }

    /** A new Java array of the dtype's element type with {@code n} elements (byte[] for BOOL, converted later). */
    static Object hostArray(DType t, int n) {
        return t == DType.BOOL ? new byte[n] : t.newArray(n);
    }

    /** The array a download returns: BOOL bytes become booleans, other arrays are returned as read. */
    static Object finish(DType t, Object read) {
        if (t != DType.BOOL) return read;
        byte[] bytes = (byte[]) read;
        boolean[] out = new boolean[bytes.length];
        for (int i = 0; i < bytes.length; i++) out[i] = bytes[i] != 0;
        return out;
    }
}
