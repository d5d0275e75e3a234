package dev.nabla.benchmarks;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Training steps done by a workload; in average-time mode JMH reports the time per step ("steps", ms/op). */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class StepCounter {
    /** Training steps counted in this iteration. */
    public long steps;

    /** Starts each iteration from zero. */
    @Setup(Level.Iteration)
    public void reset() {
        steps = 0;
    }
}
