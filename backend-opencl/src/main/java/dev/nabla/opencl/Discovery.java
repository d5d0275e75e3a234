package dev.nabla.opencl;

import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import static org.jocl.CL.*;

/**
 * The platforms and devices the OpenCL runtime reports, found once per JVM. Devices are numbered GPUs first, then
 * accelerators, other devices and CPUs, in the runtime's order within each type; the device chosen by
 * {@value #PROPERTY} (or {@value #ENV}) moves to index 0. Nothing here ever throws: a missing library or
 * platform becomes {@link #problem()}.
 */
final class Discovery {
    /** The system property that chooses the default device (opencl:0). */
    static final String PROPERTY = "nabla.opencl.device";
    /** The environment variable read when the property is not set. */
    static final String ENV = "NABLA_OPENCL_DEVICE";

    private static final Logger LOG = LoggerFactory.getLogger(Discovery.class);

    /** A device as found: its handles, what it reports, and its place in the listing before any selection. */
    record Found(cl_platform_id platform, cl_device_id id, DeviceInfo info, int listed) {
    }

    private final List<String> platforms;
    private final List<Found> devices;
    private final String problem;
    private final String spec;
    private final String specSource;
    private final String selectionError;

    private Discovery(List<String> platforms, List<Found> devices, String problem, String spec, String specSource,
                      String selectionError) {
        this.platforms = platforms;
        this.devices = devices;
        this.problem = problem;
        this.spec = spec;
        this.specSource = specSource;
        this.selectionError = selectionError;
    }

    private static final class Holder {
        static final Discovery INSTANCE = scan();
    }

    /** The JVM's discovery, made on first use. */
    static Discovery get() {
        return Holder.INSTANCE;
    }

    /** The devices in Nabla's order: index i is opencl:i. */
    List<Found> devices() {
        return devices;
    }

    /** Why no device is usable (empty when some are). */
    String problem() {
        return problem;
    }

    /** Why the configured default device could not be chosen (empty when it could, or none was configured). */
    String selectionError() {
        return selectionError;
    }

    private static Discovery scan() {
        String property = System.getProperty(PROPERTY);
        String env = System.getenv(ENV);
        String spec = property != null && !property.isBlank() ? property.trim() : env != null && !env.isBlank() ? env.trim() : null;
        String source = spec == null ? null : property != null && !property.isBlank() ? "-D" + PROPERTY : ENV;
        List<String> platforms = new ArrayList<>();
        List<Found> found = new ArrayList<>();
        String problem;
        try {
            CL.setExceptionsEnabled(true);
            problem = list(platforms, found);
        } catch (LinkageError | RuntimeException e) {
            problem = "the OpenCL library could not be loaded (" + e + "): install the ICD loader with its unversioned "
                    + "libOpenCL.so (Debian/Ubuntu: ocl-icd-opencl-dev) and a driver (e.g. pocl-opencl-icd)";
        }
        found.sort(Comparator.comparingInt(f -> typeRank(f.info().type())));
        List<Found> listed = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            Found f = found.get(i);
            listed.add(new Found(f.platform(), f.id(), f.info(), i));
        }
        String selectionError = "";
        if (spec != null && !listed.isEmpty()) {
            try {
                Found chosen = listed.remove(select(spec, listed));
                listed.add(0, chosen);
            } catch (IllegalArgumentException e) {
                selectionError = source + "=" + spec + ": " + e.getMessage();
            }
        }
        if (!problem.isEmpty()) LOG.debug("Nabla OpenCL backend: {}", problem);
        if (!selectionError.isEmpty()) LOG.warn("Nabla OpenCL backend: {}", selectionError);
        return new Discovery(List.copyOf(platforms), List.copyOf(listed), problem, spec, source, selectionError);
    }

    /** Fills in the platforms and devices; returns the problem, or "" when at least one device was found. */
    private static String list(List<String> platforms, List<Found> found) {
        int[] count = new int[1];
        try {
            clGetPlatformIDs(0, null, count);
        } catch (CLException e) {
            count[0] = 0;
        }
        if (count[0] == 0) {
            return "no OpenCL platform found: install an OpenCL driver (e.g. pocl-opencl-icd, or your GPU vendor's; "
                    + "Debian and Ubuntu also need ocl-icd-opencl-dev)";
        }
        cl_platform_id[] ids = new cl_platform_id[count[0]];
        clGetPlatformIDs(ids.length, ids, null);
        StringBuilder empty = new StringBuilder();
        for (cl_platform_id p : ids) {
            String name = platformString(p, CL_PLATFORM_NAME);
            String version = platformString(p, CL_PLATFORM_VERSION);
            platforms.add(name + " (" + platformString(p, CL_PLATFORM_VENDOR) + "), " + version);
            int[] n = new int[1];
            try {
                clGetDeviceIDs(p, CL_DEVICE_TYPE_ALL, 0, null, n);
            } catch (CLException e) {
                n[0] = 0;
            }
            if (n[0] == 0) {
                empty.append(empty.length() == 0 ? "" : "; ").append("platform '").append(name).append("' reports no device");
                if (name.contains("Portable Computing Language")) {
                    empty.append(" (PoCL needs a writable kernel cache: set POCL_CACHE_DIR to a writable folder)");
                }
                continue;
            }
            cl_device_id[] devices = new cl_device_id[n[0]];
            clGetDeviceIDs(p, CL_DEVICE_TYPE_ALL, devices.length, devices, null);
            for (cl_device_id d : devices) found.add(new Found(p, d, info(name, version, d), 0));
        }
        return found.isEmpty() ? "no OpenCL device found: " + empty : "";
    }

    private static DeviceInfo info(String platform, String platformVersion, cl_device_id d) {
        long type = deviceLong(d, CL_DEVICE_TYPE);
        String typeName = (type & CL_DEVICE_TYPE_GPU) != 0 ? "gpu" : (type & CL_DEVICE_TYPE_ACCELERATOR) != 0
                ? "accelerator" : (type & CL_DEVICE_TYPE_CPU) != 0 ? "cpu" : "other";
        String extensions = deviceString(d, CL_DEVICE_EXTENSIONS);
        boolean fp64 = extensions.contains("cl_khr_fp64") || deviceLong(d, CL_DEVICE_DOUBLE_FP_CONFIG) != 0;
        boolean exact = (deviceLong(d, CL_DEVICE_SINGLE_FP_CONFIG) & CL_FP_CORRECTLY_ROUNDED_DIVIDE_SQRT) != 0;
        return new DeviceInfo(platform, platformVersion, deviceString(d, CL_DEVICE_NAME), deviceString(d, CL_DEVICE_VENDOR),
                typeName, deviceString(d, CL_DEVICE_VERSION), deviceString(d, CL_DRIVER_VERSION),
                deviceString(d, CL_DEVICE_OPENCL_C_VERSION), deviceInt(d, CL_DEVICE_MAX_COMPUTE_UNITS),
                deviceInt(d, CL_DEVICE_MAX_CLOCK_FREQUENCY), deviceLong(d, CL_DEVICE_GLOBAL_MEM_SIZE),
                deviceLong(d, CL_DEVICE_MAX_MEM_ALLOC_SIZE), deviceLong(d, CL_DEVICE_LOCAL_MEM_SIZE),
                deviceSize(d, CL_DEVICE_MAX_WORK_GROUP_SIZE), fp64, exact);
    }

    private static int typeRank(String type) {
        return switch (type) {
            case "gpu" -> 0;
            case "accelerator" -> 1;
            case "cpu" -> 3;
            default -> 2;
        };
    }

    /**
     * The position in {@code devices} that {@code spec} names: an index ({@code 1}), a type with an optional ordinal
     * ({@code gpu}, {@code cpu:1}, {@code accelerator}), or a case-insensitive part of a device or platform name.
     */
    static int select(String spec, List<Found> devices) {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        if (s.matches("\\d+")) {
            int i = Integer.parseInt(s);
            for (int k = 0; k < devices.size(); k++) if (devices.get(k).listed() == i) return k;
            throw new IllegalArgumentException("no OpenCL device #" + i + " (there are " + devices.size() + "): "
                    + names(devices));
        }
        String[] parts = s.split(":", 2);
        if (parts[0].equals("gpu") || parts[0].equals("cpu") || parts[0].equals("accelerator")) {
            int ordinal = parts.length == 2 && parts[1].matches("\\d+") ? Integer.parseInt(parts[1]) : 0;
            for (int k = 0; k < devices.size(); k++) {
                if (devices.get(k).info().type().equals(parts[0]) && ordinal-- == 0) return k;
            }
            throw new IllegalArgumentException("no OpenCL " + spec + " device: " + names(devices));
        }
        for (int k = 0; k < devices.size(); k++) {
            DeviceInfo info = devices.get(k).info();
            if (info.name().toLowerCase(Locale.ROOT).contains(s) || info.platform().toLowerCase(Locale.ROOT).contains(s)) {
                return k;
            }
        }
        throw new IllegalArgumentException("no OpenCL device matches '" + spec + "' (give an index, gpu, cpu, "
                + "accelerator, or part of a name): " + names(devices));
    }

    private static String names(List<Found> devices) {
        List<String> out = new ArrayList<>();
        for (Found f : devices) out.add("#" + f.listed() + " " + f.info().type() + " '" + f.info().name() + "'");
        return devices.isEmpty() ? "none found" : String.join(", ", out);
    }

    /** The report of {@link OpenCl#describe()}. */
    String describe() {
        StringBuilder b = new StringBuilder("Nabla OpenCL backend\n");
        if (!problem.isEmpty()) b.append("  problem: ").append(problem).append('\n');
        b.append("  platforms: ").append(platforms.size()).append('\n');
        for (String p : platforms) b.append("    ").append(p).append('\n');
        b.append("  devices: ").append(devices.size()).append(" (GPUs first; #n is the order without a selection)\n");
        for (int i = 0; i < devices.size(); i++) {
            Found f = devices.get(i);
            b.append("    opencl:").append(i).append("  #").append(f.listed()).append("  ").append(f.info().summary())
                    .append("  [").append(f.info().platform()).append("]\n");
        }
        if (spec == null) {
            b.append("  default device: opencl:0 (choose another with -D").append(PROPERTY).append(" or ").append(ENV)
                    .append(": an index, gpu, cpu, accelerator or part of a name)\n");
        } else if (selectionError.isEmpty()) {
            b.append("  default device: opencl:0, chosen by ").append(specSource).append('=').append(spec).append('\n');
        } else {
            b.append("  default device: none: ").append(selectionError).append('\n');
        }
        return b.toString();
    }

    private static String platformString(cl_platform_id p, int param) {
        long[] size = new long[1];
        clGetPlatformInfo(p, param, 0, null, size);
        byte[] bytes = new byte[(int) size[0]];
        clGetPlatformInfo(p, param, bytes.length, Pointer.to(bytes), null);
        return text(bytes);
    }

    private static String deviceString(cl_device_id d, int param) {
        long[] size = new long[1];
        clGetDeviceInfo(d, param, 0, null, size);
        byte[] bytes = new byte[(int) size[0]];
        clGetDeviceInfo(d, param, bytes.length, Pointer.to(bytes), null);
        return text(bytes);
    }

    private static String text(byte[] bytes) {
        int n = bytes.length;
        while (n > 0 && bytes[n - 1] == 0) n--;
        return new String(bytes, 0, n, StandardCharsets.UTF_8).trim();
    }

    private static long deviceLong(cl_device_id d, int param) {
        long[] v = new long[1];
        try {
            clGetDeviceInfo(d, param, Sizeof.cl_long, Pointer.to(v), null);
        } catch (CLException e) {
            return 0;
        }
        return v[0];
    }

    private static int deviceInt(cl_device_id d, int param) {
        int[] v = new int[1];
        clGetDeviceInfo(d, param, Sizeof.cl_uint, Pointer.to(v), null);
        return v[0];
    }

    private static long deviceSize(cl_device_id d, int param) {
        long[] v = new long[1];
        clGetDeviceInfo(d, param, Sizeof.size_t, Pointer.to(v), null);
        return v[0];
    }
}
