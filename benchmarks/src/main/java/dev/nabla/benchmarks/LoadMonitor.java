package dev.nabla.benchmarks;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.runner.format.OutputFormat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JMH's output, passed through, plus a measure of contention: during each measurement iteration, how many cores
 * other processes kept busy (all CPU time from /proc/stat, less this JVM's and its forks'). On a shared 2-core
 * machine a figure near 1 means a 2-thread result had one core, not two. Linux only; elsewhere it reports NaN.
 */
final class LoadMonitor implements OutputFormat {
    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ, 100 on every Linux architecture Java runs on

    private final OutputFormat out;
    private final Map<String, Double> otherCores = new LinkedHashMap<>();
    private double otherSeconds;
    private double wallSeconds;
    private double[] start;

    LoadMonitor(OutputFormat out) {
        this.out = out;
    }

    /** Mean cores kept busy by other processes during the measurement iterations, by {@link #key}. */
    Map<String, Double> otherCores() {
        return otherCores;
    }

    /** The benchmark's name and parameters, as "Class.method|k=v,k=v" (the keys compare_pytorch.py uses). */
    static String key(BenchmarkParams p) {
        return Row.shortName(p) + "|" + String.join(",", Row.paramKey(p)) + "|" + Row.simd(p);
    }

    /** {wall seconds, busy CPU seconds of the machine, CPU seconds of this JVM and its descendants}. */
    private static double[] sample() {
        double wall = System.nanoTime() * 1e-9;
        double busy = Double.NaN;
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long ticks = 0;
            // user, nice, system, irq, softirq, steal
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) ticks += Long.parseLong(f[i]);
            busy = ticks / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            // not Linux: contention unknown
        }
        double own = cpu(ProcessHandle.current());
        for (ProcessHandle h : (Iterable<ProcessHandle>) ProcessHandle.current().descendants()::iterator) own += cpu(h);
        return new double[] {wall, busy, own};
    }

    private static double cpu(ProcessHandle h) {
        return h.info().totalCpuDuration().map(Duration::toNanos).orElse(0L) * 1e-9;
    }

    @Override
    public void iteration(BenchmarkParams benchParams, IterationParams params, int iteration) {
        if (params.getType() == IterationType.MEASUREMENT) start = sample();
        out.iteration(benchParams, params, iteration);
    }

    @Override
    public void iterationResult(BenchmarkParams benchParams, IterationParams params, int iteration,
                                IterationResult data) {
        if (params.getType() == IterationType.MEASUREMENT && start != null) {
            double[] end = sample();
            otherSeconds += Math.max(0, (end[1] - start[1]) - (end[2] - start[2]));
            wallSeconds += end[0] - start[0];
            start = null;
        }
        out.iterationResult(benchParams, params, iteration, data);
    }

    @Override
    public void startBenchmark(BenchmarkParams benchParams) {
        otherSeconds = 0;
        wallSeconds = 0;
        out.startBenchmark(benchParams);
    }

    @Override
    public void endBenchmark(BenchmarkResult result) {
        if (result != null) {
            otherCores.put(key(result.getParams()), wallSeconds > 0 ? otherSeconds / wallSeconds : Double.NaN);
        }
        out.endBenchmark(result);
    }

    @Override
    public void startRun() {
        out.startRun();
    }

    @Override
    public void endRun(Collection<RunResult> result) {
        out.endRun(result);
    }

    @Override
    public void print(String s) {
        out.print(s);
    }

    @Override
    public void println(String s) {
        out.println(s);
    }

    @Override
    public void flush() {
        out.flush();
    }

    @Override
    public void close() {
        out.close();
    }

    @Override
    public void verbosePrintln(String s) {
        out.verbosePrintln(s);
    }

    @Override
    public void write(int b) {
        out.write(b);
    }

    @Override
    public void write(byte[] b) throws IOException {
        out.write(b);
    }
}
