package dev.nabla.benchmarks;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Floating-point operations done by a benchmark; JMH reports them as a rate beside the op rate ("flops", ops/s). */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class FlopCounter {
    /** Floating-point operations counted in this iteration (a multiply-add counts two). */
    public long flops;

    /** Starts each iteration from zero. */
    @Setup(Level.Iteration)
    public void reset() {
        flops = 0;
    }
}
