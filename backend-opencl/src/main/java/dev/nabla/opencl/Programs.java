package dev.nabla.opencl;

import dev.nabla.DType;
import dev.nabla.spi.BinaryOp;
import dev.nabla.spi.ReduceOp;
import dev.nabla.spi.UnaryOp;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_device_id;
import org.jocl.cl_kernel;
import org.jocl.cl_program;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.jocl.CL.CL_KERNEL_WORK_GROUP_SIZE;
import static org.jocl.CL.CL_PROGRAM_BUILD_LOG;
import static org.jocl.CL.clBuildProgram;
import static org.jocl.CL.clCreateKernel;
import static org.jocl.CL.clCreateProgramWithSource;
import static org.jocl.CL.clGetKernelWorkGroupInfo;
import static org.jocl.CL.clGetProgramBuildInfo;

/**
 * The kernel programs of one device, each built once per element type (and per set of extra defines) on first use
 * and kept for the life of the JVM. Sources are the {@code .cl} resources beside this class, after a header of
 * op codes and {@code common.cl}.
 */
final class Programs {
    private static final Logger LOG = LoggerFactory.getLogger(Programs.class);
    /** The work-group size elementwise kernels use where the device allows it. */
    private static final long GROUP = 256;

    /** A built kernel, its name, and the largest work group the device runs it in. */
    record Kernel(cl_kernel handle, String name, long maxGroup) {
        /** The work-group size 1-d launches of the kernel use. */
        long groupSize() {
            return Math.min(GROUP, maxGroup);
        }
    }

    private final ClDevice device;
    private final Map<String, cl_program> programs = new HashMap<>();
    private final Map<String, Kernel> kernels = new HashMap<>();

    Programs(ClDevice device) {
        this.device = device;
    }

    /** Kernel {@code name} of program {@code family} built for elements of {@code type}, with extra {@code -D} defines. */
    synchronized Kernel kernel(String family, DType type, String name, String... defines) {
        String programKey = family + "<" + type + ">" + String.join(" ", defines);
        Kernel k = kernels.get(programKey + name);
        if (k != null) return k;
        cl_program program = programs.computeIfAbsent(programKey, key -> build(family, type, defines));
        cl_kernel handle;
        try {
            handle = clCreateKernel(program, name, null);
        } catch (CLException e) {
            throw new IllegalStateException(device.label() + ": program " + family + " has no kernel " + name + ": "
                    + e.getMessage(), e);
        }
        long[] max = new long[1];
        clGetKernelWorkGroupInfo(handle, device.id(), CL_KERNEL_WORK_GROUP_SIZE, Sizeof.size_t, Pointer.to(max), null);
        k = new Kernel(handle, name + "<" + ClTypes.cType(type) + ">", Math.max(1, max[0]));
        kernels.put(programKey + name, k);
        return k;
    }

    private cl_program build(String family, DType type, String[] defines) {
        DeviceInfo info = device.info();
        if (type == DType.FLOAT64 && !info.fp64()) throw device.noFloat64();
        StringBuilder options = new StringBuilder("-cl-std=CL1.2");
        if (info.fp64()) options.append(" -D NABLA_FP64");
        if (info.exactDivSqrt()) options.append(" -cl-fp32-correctly-rounded-divide-sqrt");
        String c = ClTypes.cType(type);
        options.append(" -D T=").append(c).append(" -D T_").append(c).append(" -D ").append(ClTypes.kind(type))
                .append(" -D ACC=").append(ClTypes.accType(type, info.fp64()));
        for (String d : defines) options.append(" -D ").append(d);
        String source = HEADER + resource("common.cl") + resource(family + ".cl");
        long start = System.nanoTime();
        cl_program program = clCreateProgramWithSource(device.context(), 1, new String[] {source}, null, null);
        try {
            clBuildProgram(program, 1, new cl_device_id[] {device.id()}, options.toString(), null, null);
        } catch (CLException e) {
            throw new IllegalStateException(device.label() + ": building program " + family + " for " + c + " failed ("
                    + e.getMessage() + ") with options '" + options + "':\n" + buildLog(program), e);
        }
        LOG.debug("{}: built {}<{}> in {} ms", device.label(), family, c, (System.nanoTime() - start) / 1_000_000);
        return program;
    }

    private String buildLog(cl_program program) {
        long[] size = new long[1];
        clGetProgramBuildInfo(program, device.id(), CL_PROGRAM_BUILD_LOG, 0, null, size);
        byte[] log = new byte[(int) size[0]];
        clGetProgramBuildInfo(program, device.id(), CL_PROGRAM_BUILD_LOG, log.length, Pointer.to(log), null);
        return new String(log, StandardCharsets.UTF_8).trim();
    }

    /** The op codes kernels switch on, one {@code #define} per constant (U_, B_ and R_ prefixes). */
    static final String HEADER = header();

    private static String header() {
        StringBuilder b = new StringBuilder();
        for (UnaryOp op : UnaryOp.values()) b.append("#define U_").append(op).append(' ').append(op.ordinal()).append('\n');
        for (BinaryOp op : BinaryOp.values()) b.append("#define B_").append(op).append(' ').append(op.ordinal()).append('\n');
        for (ReduceOp op : ReduceOp.values()) b.append("#define R_").append(op).append(' ').append(op.ordinal()).append('\n');
        return b.toString();
    }

    private static final Map<String, String> SOURCES = new java.util.concurrent.ConcurrentHashMap<>();

    private static String resource(String name) {
        return SOURCES.computeIfAbsent(name, n -> {
            try (InputStream in = Programs.class.getResourceAsStream(n)) {
                if (in == null) throw new IllegalStateException("kernel source " + n + " is missing from the jar");
                return new String(in.readAllBytes(), StandardCharsets.UTF_8) + "\n";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
