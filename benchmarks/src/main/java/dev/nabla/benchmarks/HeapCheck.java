package dev.nabla.benchmarks;

import dev.nabla.Nabla;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;

/**
 * Runs 1,000 steps of each two-layer form on one thread and checks two things: the live heap after a full GC does
 * not grow from step 100 to step 1,000 (every form), and the manual form, whose every tensor is counted, allocates
 * per step no more than the tensor data it creates plus a small allowance for the Tensor objects themselves. The
 * autograd and nn forms create tensors inside backward and the optimizer, which are not counted; their allocation
 * is printed beside the manual form's tensor data for comparison only. Exits non-zero when a check fails.
 */
public final class HeapCheck {
    /** Steps before the first heap reading. */
    static final int FIRST = 100;
    /** Steps before the second heap reading. */
    static final int LAST = 1000;
    /** Live-heap growth from step 100 to 1,000 that still counts as none: well under one step's allocation. */
    static final long GROWTH_LIMIT = 256 * 1024;
    /** Allocation per step allowed over the tensor data, for Tensor objects, shapes and strides. */
    static final double ALLOC_SLACK = 1.05;

    private HeapCheck() {
    }

    /** Entry point: no arguments. */
    public static void main(String[] args) {
        Nabla.setNumThreads(1);
        TwoLayerNet probe = TwoLayerNet.tutorial(TwoLayerNet.Form.MANUAL);
        probe.train(1);
        long tensorBytes = probe.createdBytes();
        System.out.printf(Locale.ROOT, "two-layer step, tensor data created by the manual form: %d bytes%n",
                tensorBytes);
        boolean ok = true;
        for (TwoLayerNet.Form form : TwoLayerNet.Form.values()) ok &= check(form, tensorBytes);
        System.out.println(ok ? "heap check: PASS" : "heap check: FAIL");
        if (!ok) System.exit(1);
    }

    private static boolean check(TwoLayerNet.Form form, long tensorBytes) {
        TwoLayerNet net = TwoLayerNet.tutorial(form);
        net.train(FIRST);
        long heapFirst = liveHeap();
        long allocBefore = allocated();
        net.train(LAST - FIRST);
        long allocAfter = allocated();
        long heapLast = liveHeap();
        double perStep = (allocAfter - allocBefore) / (double) (LAST - FIRST);
        long growth = heapLast - heapFirst;
        boolean heapOk = growth <= GROWTH_LIMIT;
        boolean counted = form == TwoLayerNet.Form.MANUAL;
        boolean allocOk = !counted || perStep <= tensorBytes * ALLOC_SLACK;
        String verdict = !counted ? "info"
                : allocOk ? "ok" : "OVER by " + Math.round(perStep - tensorBytes) + " bytes";
        System.out.printf(Locale.ROOT, "%-8s live heap after GC: step %d %.2f MB, step %d %.2f MB, growth %+d bytes"
                        + " [%s]; allocated %.0f bytes/step = %.3fx the manual step's tensor data [%s]%n",
                form.name().toLowerCase(Locale.ROOT), FIRST, heapFirst / 1e6, LAST, heapLast / 1e6, growth,
                heapOk ? "ok" : "GROWS", perStep, perStep / tensorBytes, verdict);
        return heapOk && allocOk;
    }

    /** Heap in use after full collections, taking the least of a few readings. */
    private static long liveHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    /** Bytes this thread has allocated so far (HotSpot's per-thread counter). */
    private static long allocated() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
