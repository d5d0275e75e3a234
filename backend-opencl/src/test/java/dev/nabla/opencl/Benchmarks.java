package dev.nabla.opencl;

import dev.nabla.Device;
import dev.nabla.Nabla;
import dev.nabla.Tensor;

/**
 * Rough throughput of the OpenCL kernels on the default device, run by hand:
 * {@code java -cp <test classpath> dev.nabla.opencl.Benchmarks}. Prints the median of several timed runs of sgemm
 * at n = 512 (and 1024) and of a float32 add of 16M elements, into a new tensor (buffers come from the pool once
 * it is warm) and in place.
 */
public final class Benchmarks {
    private Benchmarks() {
    }

    /** Runs each benchmark and prints its figure. */
    public static void main(String[] args) {
        Device d = OpenCl.defaultDevice();
        System.out.println(OpenCl.describe());
        for (int n : new int[] {512, 1024}) {
            Tensor a = Nabla.randn(n, n).to(d);
            Tensor b = Nabla.randn(n, n).to(d);
            double seconds = median(() -> a.mm(b), d, n == 512 ? 15 : 5);
            System.out.printf("sgemm n=%d: %.1f GFLOP/s (%.2f ms)%n", n, 2.0 * n * n * n / seconds / 1e9, seconds * 1e3);
        }
        int n = 16 << 20;
        Tensor x = Nabla.randn(n).to(d);
        Tensor y = Nabla.randn(n).to(d);
        double seconds = median(() -> x.add(y), d, 25);
        System.out.printf("add of %d float32: %.1f GB/s (%.2f ms)%n", n, 12.0 * n / seconds / 1e9, seconds * 1e3);
        seconds = median(() -> x.add_(y), d, 25);
        System.out.printf("add_ (in place) of %d float32: %.1f GB/s (%.2f ms)%n", n, 12.0 * n / seconds / 1e9,
                seconds * 1e3);
        System.out.println(OpenCl.memoryStats(d));
    }

    /** The median wall time of {@code runs} calls of {@code op}, each waited for, after as many warm-up calls. */
    private static double median(java.util.function.Supplier<Tensor> op, Device d, int runs) {
        for (int i = 0; i < runs; i++) op.get();
        OpenCl.synchronize(d);
        double[] t = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            op.get();
            OpenCl.synchronize(d);
            t[i] = (System.nanoTime() - start) / 1e9;
        }
        java.util.Arrays.sort(t);
        return t[runs / 2];
    }
}
