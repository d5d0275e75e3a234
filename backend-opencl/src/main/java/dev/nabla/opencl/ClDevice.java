package dev.nabla.opencl;

import dev.nabla.DType;
import dev.nabla.Device;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_context_properties;
import org.jocl.cl_device_id;
import org.jocl.cl_event;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;

import static org.jocl.CL.CL_COMPLETE;
import static org.jocl.CL.CL_CONTEXT_PLATFORM;
import static org.jocl.CL.CL_EVENT_COMMAND_EXECUTION_STATUS;
import static org.jocl.CL.CL_FALSE;
import static org.jocl.CL.CL_TRUE;
import static org.jocl.CL.clCreateCommandQueue;
import static org.jocl.CL.clCreateContext;
import static org.jocl.CL.clEnqueueCopyBuffer;
import static org.jocl.CL.clEnqueueFillBuffer;
import static org.jocl.CL.clEnqueueReadBuffer;
import static org.jocl.CL.clEnqueueWriteBuffer;
import static org.jocl.CL.clFinish;
import static org.jocl.CL.clGetEventInfo;
import static org.jocl.CL.clReleaseEvent;
import static org.jocl.CL.clWaitForEvents;

/**
 * One opened device: its context, its single in-order queue (so commands run in the order they were enqueued and
 * never need waiting on each other), its buffer pool and its programs. Uploads are enqueued without waiting; reading
 * values back waits for everything before it.
 */
final class ClDevice {
    /** Uploads in flight past this many bytes, or this many uploads, make the next one wait for them all. */
    private static final long PENDING_LIMIT = 64L << 20;
    private static final int PENDING_COUNT = 4096;

    private final Device device;
    private final Discovery.Found found;
    private final cl_context context;
    private final cl_command_queue queue;
    private final BufferPool pool;
    private final Programs programs;
    /** Host copies of uploads still in flight, oldest first, kept alive until their write completes. */
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private long pendingBytes;

    private record Pending(cl_event event, ByteBuffer data) {
    }

    /** Opens the device; the deprecated queue call is the one every OpenCL 1.2+ platform (macOS's too) provides. */
    @SuppressWarnings("deprecation")
    ClDevice(Device device, Discovery.Found found) {
        this.device = device;
        this.found = found;
        cl_context_properties props = new cl_context_properties();
        props.addProperty(CL_CONTEXT_PLATFORM, found.platform());
        try {
            context = clCreateContext(props, 1, new cl_device_id[] {found.id()}, null, null, null);
            queue = clCreateCommandQueue(context, found.id(), 0, null);
        } catch (CLException e) {
            throw new IllegalStateException(device + " (" + found.info().name() + "): could not open the device: "
                    + e.getMessage(), e);
        }
        pool = new BufferPool(context, label(), found.info().globalMemory(), found.info().maxAllocation());
        programs = new Programs(this);
    }

    Device device() {
        return device;
    }

    DeviceInfo info() {
        return found.info();
    }

    cl_device_id id() {
        return found.id();
    }

    cl_context context() {
        return context;
    }

    cl_command_queue queue() {
        return queue;
    }

    BufferPool pool() {
        return pool;
    }

    /** The device and its name, as errors name it: {@code opencl:0 (NVIDIA H100)}. */
    String label() {
        return device + " (" + found.info().name() + ")";
    }

    /** The error for float64 on a device without double precision. */
    IllegalArgumentException noFloat64() {
        return new IllegalArgumentException(label() + " does not support float64 (the device lacks cl_khr_fp64): "
                + "use float32 tensors on it, or a device that OpenCl.describe() lists with fp64 yes");
    }

    /** A launch of kernel {@code name} from program {@code family} built for {@code type}. */
    Launch launch(String family, DType type, String name, String... defines) {
        return new Launch(this, programs.kernel(family, type, name, defines));
    }

    /** A storage of {@code length} elements, zero-filled when {@code zero} (else with undefined contents). */
    OpenClStorage allocate(DType type, int length, boolean zero) {
        if (type == DType.FLOAT64 && !info().fp64()) throw noFloat64();
        long bytes = (long) Math.max(1, length) * ClTypes.size(type);
        OpenClStorage s = new OpenClStorage(this, type, length, pool.take(bytes));
        if (zero && length > 0) {
            synchronized (this) {
                clEnqueueFillBuffer(queue, s.mem(), Pointer.to(new byte[1]), 1, 0, (long) length * ClTypes.size(type), 0,
                        null, null);
            }
        }
        return s;
    }

    /** A storage holding {@code array}'s values, written without waiting. */
    OpenClStorage upload(DType type, Object array) {
        int n = java.lang.reflect.Array.getLength(array);
        OpenClStorage s = allocate(type, n, false);
        if (n == 0) return s;
        ByteBuffer data = ClTypes.toDirect(type, array);
        cl_event event = new cl_event();
        synchronized (this) {
            retireUploads(data.capacity());
            clEnqueueWriteBuffer(queue, s.mem(), CL_FALSE, 0, (long) n * ClTypes.size(type), Pointer.to(data), 0, null,
                    event);
            pending.add(new Pending(event, data));
            pendingBytes += data.capacity();
        }
        return s;
    }

    /** Drops the host copies of completed uploads; waits for all of them when too many are in flight. */
    private void retireUploads(long incoming) {
        if (pendingBytes + incoming > PENDING_LIMIT || pending.size() >= PENDING_COUNT) {
            // The queue is in order, so the newest upload completing means all of them have.
            clWaitForEvents(1, new cl_event[] {pending.peekLast().event()});
            releasePending(pending.size());
            return;
        }
        int done = 0;
        int[] status = new int[1];
        for (Pending p : pending) {
            clGetEventInfo(p.event(), CL_EVENT_COMMAND_EXECUTION_STATUS, Sizeof.cl_int, Pointer.to(status), null);
            if (status[0] != CL_COMPLETE) break;
            done++;
        }
        releasePending(done);
    }

    private void releasePending(int count) {
        for (int i = 0; i < count; i++) {
            Pending p = pending.poll();
            clReleaseEvent(p.event());
            pendingBytes -= p.data().capacity();
        }
    }

    /** Reads {@code n} elements from {@code offset} of {@code s} into {@code host}, after all enqueued work. */
    void read(OpenClStorage s, int offset, int n, Object host) {
        int size = ClTypes.size(s.dtype());
        Pointer to = switch (s.dtype()) {
            case FLOAT32 -> Pointer.to((float[]) host);
            case FLOAT64 -> Pointer.to((double[]) host);
            case INT64 -> Pointer.to((long[]) host);
            case INT32 -> Pointer.to((int[]) host);
            case BOOL -> Pointer.to((byte[]) host);
        };
        synchronized (this) {
            try {
                clEnqueueReadBuffer(queue, s.mem(), CL_TRUE, (long) offset * size, (long) n * size, to, 0, null, null);
            } catch (CLException e) {
                throw new IllegalStateException(label() + ": reading a tensor back failed (" + e.getMessage()
                        + "); an earlier kernel may have failed", e);
            }
            releasePending(pending.size());
        }
    }

    /** Enqueues a copy of {@code bytes} bytes between two different buffers. */
    void copyBytes(OpenClStorage from, long fromOffset, OpenClStorage to, long toOffset, long bytes) {
        synchronized (this) {
            clEnqueueCopyBuffer(queue, from.mem(), to.mem(), fromOffset, toOffset, bytes, 0, null, null);
        }
    }

    /** Waits until every enqueued command has finished. */
    void finish() {
        synchronized (this) {
            clFinish(queue);
            releasePending(pending.size());
        }
    }
}
