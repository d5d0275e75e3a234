package dev.nabla.spi;

import dev.nabla.DType;
import dev.nabla.Device;

/** A backend's flat buffer of elements of one dtype; tensors are strided windows onto it. */
public interface Storage {
    /** The device the buffer lives on. */
    Device device();

    /** The element type. */
    DType dtype();

    /** The number of elements the buffer holds. */
    int length();
}
