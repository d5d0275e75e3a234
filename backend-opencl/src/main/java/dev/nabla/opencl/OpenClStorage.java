package dev.nabla.opencl;

import dev.nabla.DType;
import dev.nabla.Device;
import dev.nabla.spi.Storage;
import org.jocl.cl_mem;

import java.lang.ref.Cleaner;

/**
 * A device buffer holding a tensor's elements. Its buffer goes back to the device's pool when the storage becomes
 * unreachable, or at once on {@link #close()}; a closed storage refuses further use.
 */
public final class OpenClStorage implements Storage, AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();

    private final ClDevice owner;
    private final DType dtype;
    private final int length;
    private final BufferPool.Block block;
    private final Cleaner.Cleanable cleanable;
    private volatile boolean closed;

    OpenClStorage(ClDevice owner, DType dtype, int length, BufferPool.Block block) {
        this.owner = owner;
        this.dtype = dtype;
        this.length = length;
        this.block = block;
        this.cleanable = CLEANER.register(this, new Release(owner.pool(), block));
    }

    /** Gives the buffer back without referring to the storage, so that the storage can become unreachable. */
    private record Release(BufferPool pool, BufferPool.Block block) implements Runnable {
        @Override
        public void run() {
            pool.give(block);
        }
    }

    @Override
    public Device device() {
        return owner.device();
    }

    @Override
    public DType dtype() {
        return dtype;
    }

    @Override
    public int length() {
        return length;
    }

    /** The device that holds the buffer. */
    ClDevice owner() {
        return owner;
    }

    /** The buffer; fails once the storage is closed. */
    cl_mem mem() {
        if (closed) throw new IllegalStateException(owner.label() + ": this tensor's storage was closed");
        return block.mem();
    }

    /** Returns the buffer to the pool now; later use of this storage fails. Closing twice does nothing. */
    @Override
    public void close() {
        closed = true;
        cleanable.clean();
    }

    @Override
    public String toString() {
        return "OpenClStorage[" + dtype + " x " + length + " on " + owner.label() + (closed ? ", closed]" : "]");
    }
}
