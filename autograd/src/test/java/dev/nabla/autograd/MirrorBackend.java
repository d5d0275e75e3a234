package dev.nabla.autograd;

import dev.nabla.DType;
import dev.nabla.Device;
import dev.nabla.cpu.CpuBackend;
import dev.nabla.spi.Backend;
import dev.nabla.spi.BinaryOp;
import dev.nabla.spi.ReduceOp;
import dev.nabla.spi.Storage;
import dev.nabla.spi.Strided;
import dev.nabla.spi.UnaryOp;
import dev.nabla.spi.Window2d;

/**
 * A second device for tests, {@code mirror:0}: storage on the heap, kernels of the CPU backend. It gives
 * {@code to(device)} a real move to differentiate through in a build that has only the CPU.
 */
public final class MirrorBackend implements Backend {
    /** The one mirror device. */
    static final Device MIRROR = Device.of("mirror", 0);

    private final CpuBackend cpu = new CpuBackend();

    /** Created by {@link java.util.ServiceLoader}. */
    public MirrorBackend() {
    }

    /** A CPU storage that says it lives on the mirror device. */
    private record MirrorStorage(Storage inner) implements Storage {
        @Override
        public Device device() {
            return MIRROR;
        }

        @Override
        public DType dtype() {
            return inner.dtype();
        }

        @Override
        public int length() {
            return inner.length();
        }
    }

    private static Strided cpu(Strided s) {
        return new Strided(((MirrorStorage) s.storage()).inner, s.shape(), s.strides(), s.offset());
    }

    @Override
    public String deviceType() {
        return "mirror";
    }

    @Override
    public int deviceCount() {
        return 1;
    }

    @Override
    public Storage allocate(Device device, DType dtype, int length) {
        return new MirrorStorage(cpu.allocate(Device.cpu(), dtype, length));
    }

    @Override
    public Storage upload(Device device, DType dtype, Object array) {
        return new MirrorStorage(cpu.upload(Device.cpu(), dtype, array));
    }

    @Override
    public Object download(Strided src) {
        return cpu.download(cpu(src));
    }

    @Override
    public void fill(Strided out, Number value) {
        cpu.fill(cpu(out), value);
    }

    @Override
    public void copy(Strided out, Strided src) {
        cpu.copy(cpu(out), cpu(src));
    }

    @Override
    public void unary(UnaryOp op, Strided out, Strided in) {
        cpu.unary(op, cpu(out), cpu(in));
    }

    @Override
    public void binary(BinaryOp op, Strided out, Strided a, Strided b) {
        cpu.binary(op, cpu(out), cpu(a), cpu(b));
    }

    @Override
    public void where(Strided out, Strided cond, Strided a, Strided b) {
        cpu.where(cpu(out), cpu(cond), cpu(a), cpu(b));
    }

    @Override
    public void reduce(ReduceOp op, Strided out, Strided in, int[] dims) {
        cpu.reduce(op, cpu(out), cpu(in), dims);
    }

    @Override
    public void matmul(Strided out, Strided a, Strided bm) {
        cpu.matmul(cpu(out), cpu(a), cpu(bm));
    }

    @Override
    public void gather(Strided out, Strided in, int dim, Strided index) {
        cpu.gather(cpu(out), cpu(in), dim, cpu(index));
    }

    @Override
    public void scatter(Strided out, int dim, Strided index, Strided src, boolean accumulate) {
        cpu.scatter(cpu(out), dim, cpu(index), cpu(src), accumulate);
    }

    @Override
    public void cumsum(Strided out, Strided in, int dim) {
        cpu.cumsum(cpu(out), cpu(in), dim);
    }

    @Override
    public void im2col(Strided out, Strided in, Window2d window, double padValue) {
        cpu.im2col(cpu(out), cpu(in), window, padValue);
    }

    @Override
    public void col2im(Strided out, Strided in, Window2d window) {
        cpu.col2im(cpu(out), cpu(in), window);
    }

    @Override
    public void argsort(Strided out, Strided in, int dim, boolean descending) {
        cpu.argsort(cpu(out), cpu(in), dim, descending);
    }
}
