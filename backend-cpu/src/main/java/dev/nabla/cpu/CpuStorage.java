package dev.nabla.cpu;

import dev.nabla.DType;
import dev.nabla.Device;
import dev.nabla.spi.Storage;
import dev.nabla.spi.Strided;

/** A Java array on the heap: float[], double[], int[], long[] or boolean[] by dtype. */
final class CpuStorage implements Storage {
    final Object array;
    private final DType dtype;
    private final int length;

    CpuStorage(DType dtype, Object array) {
        this.dtype = dtype;
        this.array = array;
        this.length = java.lang.reflect.Array.getLength(array);
    }

    /** The backing array of a strided operand. */
    static Object array(Strided s) {
        return ((CpuStorage) s.storage()).array;
    }

    @Override
    public Device device() {
        return Device.cpu();
    }

    @Override
    public DType dtype() {
        return dtype;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public String toString() {
        return "CpuStorage[" + dtype + " x " + length + "]";
    }
}
