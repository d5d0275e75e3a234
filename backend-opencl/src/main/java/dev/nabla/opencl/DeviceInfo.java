package dev.nabla.opencl;

/**
 * What the OpenCL runtime reports about one device, for selection, limits and {@link OpenCl#describe()}.
 *
 * @param platform        the platform's name
 * @param platformVersion the platform's OpenCL version string
 * @param name            the device's name
 * @param vendor          the device's vendor
 * @param type            {@code gpu}, {@code cpu}, {@code accelerator} or {@code other}
 * @param version         the device's OpenCL version string
 * @param driver          the driver version
 * @param cVersion        the OpenCL C version the compiler accepts
 * @param computeUnits    parallel compute units
 * @param clockMhz        maximum clock frequency in MHz
 * @param globalMemory    global memory in bytes
 * @param maxAllocation   the largest single buffer in bytes
 * @param localMemory     local memory per work group in bytes
 * @param maxWorkGroup    the largest work-group size
 * @param fp64            whether the device has double precision (cl_khr_fp64)
 * @param exactDivSqrt    whether float32 division and sqrt can be built correctly rounded
 */
public record DeviceInfo(String platform, String platformVersion, String name, String vendor, String type,
                         String version, String driver, String cVersion, int computeUnits, int clockMhz,
                         long globalMemory, long maxAllocation, long localMemory, long maxWorkGroup, boolean fp64,
                         boolean exactDivSqrt) {

    /** One line with the device's type, name, version, compute units, memory and fp64 support. */
    public String summary() {
        return String.format("%s %s | %s, driver %s, %s | %d compute units @ %d MHz, max work group %d | "
                        + "memory %s, max buffer %s, local %s | fp64 %s", type, name, version, driver, cVersion,
                computeUnits, clockMhz, maxWorkGroup, bytes(globalMemory), bytes(maxAllocation), bytes(localMemory),
                fp64 ? "yes" : "no");
    }

    /** A byte count with a binary unit, e.g. {@code 1.50 GiB (1610612736 bytes)} above 1 KiB. */
    static String bytes(long n) {
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        if (n < 1024) return n + " B";
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format("%.2f %s (%d bytes)", v, units[u], n);
    }
}
