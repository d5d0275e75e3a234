package dev.nabla.opencl;

/** Thrown when an OpenCL device cannot hold a new buffer; the message says how much was asked for and is in use. */
public final class OpenClOutOfMemoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An error with the full explanation as its message. */
    public OpenClOutOfMemoryException(String message) {
        super(message);
    }
}
