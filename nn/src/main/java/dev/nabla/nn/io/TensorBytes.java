package dev.nabla.nn.io;

import dev.nabla.DType;
import dev.nabla.Nabla;
import dev.nabla.Tensor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/** A tensor's elements as little-endian bytes in row-major order, the payload of safetensors and .npy files. */
final class TensorBytes {
    private static final int CHUNK = 1 << 16;

    private TensorBytes() {
    }

    /** The payload size of {@code numel} elements of {@code dtype}. */
    static long byteSize(DType dtype, long numel) {
        return numel * dtype.itemSize();
    }

    /** The payload size of a tensor of {@code dtype} and {@code shape}. */
    static long byteSize(DType dtype, int[] shape) {
        long numel = 1;
        for (int d : shape) numel *= d;
        return byteSize(dtype, numel);
    }

    /** Writes the elements of {@code t}, row-major, little-endian; BOOL as bytes 0 and 1. */
    static void write(OutputStream out, Tensor t) throws IOException {
        byte[] buf = new byte[CHUNK];
        ByteBuffer bb = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
        switch (t.dtype()) {
            case FLOAT32 -> {
                float[] a = t.toFloatArray();
                for (int off = 0; off < a.length; off += CHUNK / 4) {
                    int n = Math.min(CHUNK / 4, a.length - off);
                    bb.clear().asFloatBuffer().put(a, off, n);
                    out.write(buf, 0, 4 * n);
                }
            }
            case FLOAT64 -> {
                double[] a = t.toDoubleArray();
                for (int off = 0; off < a.length; off += CHUNK / 8) {
                    int n = Math.min(CHUNK / 8, a.length - off);
                    bb.clear().asDoubleBuffer().put(a, off, n);
                    out.write(buf, 0, 8 * n);
                }
            }
            case INT32 -> {
                int[] a = t.toIntArray();
                for (int off = 0; off < a.length; off += CHUNK / 4) {
                    int n = Math.min(CHUNK / 4, a.length - off);
                    bb.clear().asIntBuffer().put(a, off, n);
                    out.write(buf, 0, 4 * n);
                }
            }
            case INT64 -> {
                long[] a = t.toLongArray();
                for (int off = 0; off < a.length; off += CHUNK / 8) {
                    int n = Math.min(CHUNK / 8, a.length - off);
                    bb.clear().asLongBuffer().put(a, off, n);
                    out.write(buf, 0, 8 * n);
                }
            }
            case BOOL -> {
                boolean[] a = t.toBooleanArray();
                for (int off = 0; off < a.length; off += CHUNK) {
                    int n = Math.min(CHUNK, a.length - off);
                    for (int i = 0; i < n; i++) buf[i] = (byte) (a[off + i] ? 1 : 0);
                    out.write(buf, 0, n);
                }
            }
        }
    }

    /**
     * Reads {@code numel(shape)} elements of {@code dtype} written by {@link #write}; a short stream or a BOOL byte
     * other than 0 and 1 is an error naming {@code file} and {@code what} is being read.
     */
    static Tensor read(InputStream in, DType dtype, int[] shape, Path file, String what) throws IOException {
        int numel = 1;
        for (int s : shape) numel *= s;
        byte[] buf = new byte[CHUNK];
        ByteBuffer bb = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
        int per = CHUNK / dtype.itemSize();
        Object array = dtype.newArray(numel);
        for (int off = 0; off < numel; off += per) {
            int n = Math.min(per, numel - off);
            int bytes = n * dtype.itemSize();
            int got = in.readNBytes(buf, 0, bytes);
            if (got < bytes) {
                long had = (long) off * dtype.itemSize() + got;
                throw new FileFormatException(file, "truncated payload: " + what + " needs "
                        + byteSize(dtype, numel) + " bytes, but the data ends after " + had);
            }
            bb.clear();
            switch (dtype) {
                case FLOAT32 -> bb.asFloatBuffer().get((float[]) array, off, n);
                case FLOAT64 -> bb.asDoubleBuffer().get((double[]) array, off, n);
                case INT32 -> bb.asIntBuffer().get((int[]) array, off, n);
                case INT64 -> bb.asLongBuffer().get((long[]) array, off, n);
                case BOOL -> {
                    boolean[] a = (boolean[]) array;
                    for (int i = 0; i < n; i++) {
                        if (buf[i] != 0 && buf[i] != 1) {
                            throw new FileFormatException(file, what + ": element " + (off + i) + " of a bool tensor "
                                    + "is the byte " + (buf[i] & 0xff) + ", not 0 or 1");
                        }
                        a[off + i] = buf[i] == 1;
                    }
                }
            }
        }
        return tensor(array, dtype, shape);
    }

    private static Tensor tensor(Object array, DType dtype, int[] shape) {
        // Nabla.tensor(array) with no shape makes a 1-d tensor, so a 0-dim one is reshaped to [].
        int[] s = shape.length == 0 ? new int[] {1} : shape;
        Tensor t = switch (dtype) {
            case FLOAT32 -> Nabla.tensor((float[]) array, s);
            case FLOAT64 -> Nabla.tensor((double[]) array, s);
            case INT32 -> Nabla.tensor((int[]) array, s);
            case INT64 -> Nabla.tensor((long[]) array, s);
            case BOOL -> Nabla.tensor((boolean[]) array, s);
        };
        return shape.length == 0 ? t.reshape() : t;
    }
}
