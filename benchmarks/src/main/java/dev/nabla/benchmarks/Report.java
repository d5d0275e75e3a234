package dev.nabla.benchmarks;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a preset of Nabla's benchmarks through JMH (with the gc profiler) and prints one table to standard output;
 * JMH's progress goes to standard error and each pass's results to a JSON file.
 *
 * <p>Usage: {@code Report quick|full [--no-scalar] [--no-gc] [--device D] [--out DIR] [-p name=v1,v2 ...]
 * [REGEX ...]}. The first pass runs with the Vector API module; a second pass repeats sgemm and add/mul/exp with
 * the plain-Java kernels ({@code -Dnabla.cpu.vector=false}, no {@code --add-modules}) unless {@code --no-scalar}
 * is given. {@code --no-gc} leaves out the gc profiler (it needs the jdk.management module, absent from small
 * jlinked runtimes); {@code --device D} creates the tensors on device D (e.g. {@code opencl}), through
 * {@link BenchSetup}. Beside the JSON it writes {@code jmh-<preset>-load.json}: the cores other processes kept
 * busy during each benchmark ({@link LoadMonitor}).
 */
public final class Report {
    /** Benchmarks the plain-Java pass repeats. */
    static final String SCALAR_SET = "GemmBench\\.sgemm|ElementwiseBench\\.(add|mul|exp)$";

    private Report() {
    }

    /** Entry point; see the class comment for the arguments. */
    public static void main(String[] args) throws RunnerException, java.io.IOException {
        if (args.length == 0 || !(args[0].equals("quick") || args[0].equals("full"))) {
            System.err.println("usage: Report quick|full [--no-scalar] [--no-gc] [--device D] [--out DIR] "
                    + "[-p name=v1,v2 ...] [REGEX ...]");
            System.exit(2);
        }
        String preset = args[0];
        boolean scalar = true;
        boolean gc = true;
        String device = null;
        Path out = Path.of("benchmarks", "target");
        Map<String, String[]> params = new LinkedHashMap<>();
        List<String> patterns = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--no-scalar" -> scalar = false;
                case "--no-gc" -> gc = false;
                case "--device" -> device = args[++i];
                case "--out" -> out = Path.of(args[++i]);
                case "-p" -> {
                    String[] kv = args[++i].split("=", 2);
                    params.put(kv[0], kv[1].split(","));
                }
                default -> patterns.add(args[i]);
            }
        }
        Files.createDirectories(out);
        String include = patterns.isEmpty() ? ".*" : String.join("|", patterns);
        List<RunResult> results = new ArrayList<>();
        Map<String, Double> otherCores = new LinkedHashMap<>();
        String deviceFlag = "-D" + BenchSetup.DEVICE_PROPERTY + "=" + device;
        String[] deviceArgs = device == null ? null
                : new String[] {"--add-modules", "jdk.incubator.vector", deviceFlag};
        results.addAll(run(preset, include, params, gc, deviceArgs, out.resolve("jmh-" + preset + ".json"),
                otherCores));
        if (scalar) {
            // Both conditions as lookaheads: the name must be in the scalar set and match the user's patterns.
            String both = "^(?=.*(?:" + SCALAR_SET + "))(?=.*(?:" + include + ")).*";
            String[] scalarArgs = device == null ? new String[] {"-Dnabla.cpu.vector=false"}
                    : new String[] {"-Dnabla.cpu.vector=false", deviceFlag};
            results.addAll(run(preset, both, params, gc, scalarArgs, out.resolve("jmh-" + preset + "-scalar.json"),
                    otherCores));
        }
        writeLoad(otherCores, out.resolve("jmh-" + preset + "-load.json"));
        print(results, otherCores, System.out);
    }

    private static List<RunResult> run(String preset, String include, Map<String, String[]> params, boolean gc,
                                       String[] jvmArgs, Path json, Map<String, Double> otherCores)
            throws RunnerException {
        ChainedOptionsBuilder b = new OptionsBuilder()
                .include(include)
                .forks(1)
                .shouldFailOnError(true)
                .result(json.toString())
                .resultFormat(ResultFormatType.JSON);
        if (preset.equals("quick")) {
            b.warmupIterations(2).warmupTime(TimeValue.milliseconds(500))
                    .measurementIterations(3).measurementTime(TimeValue.milliseconds(500));
        } else {
            b.warmupIterations(5).measurementIterations(8);
        }
        if (gc) b.addProfiler("gc");
        params.forEach(b::param);
        // Replaces the classes' own jvmArgsAppend (--add-modules jdk.incubator.vector): without it here, the module
        // is absent too.
        if (jvmArgs != null) b.jvmArgsAppend(jvmArgs);
        PrintStream progress = System.err;
        LoadMonitor monitor = new LoadMonitor(OutputFormatFactory.createFormatInstance(progress, VerboseMode.NORMAL));
        Runner runner = new Runner(b.build(), monitor);
        try {
            return new ArrayList<>(runner.run());
        } catch (RunnerException e) {
            if (e.getMessage() != null && e.getMessage().contains("No matching benchmarks")) return List.of();
            throw e;
        } finally {
            otherCores.putAll(monitor.otherCores());
        }
    }

    /** Writes {key: cores busy elsewhere} as JSON, for compare_report.py. */
    private static void writeLoad(Map<String, Double> otherCores, Path file) throws java.io.IOException {
        StringBuilder json = new StringBuilder("{\n");
        String sep = "";
        for (Map.Entry<String, Double> e : otherCores.entrySet()) {
            double v = e.getValue();
            json.append(sep).append("  \"").append(e.getKey()).append("\": ").append(Double.isNaN(v) ? "null" : v);
            sep = ",\n";
        }
        Files.writeString(file, json.append("\n}\n"));
    }

    /**
     * Prints one row per result: median score, its range, the derived rate, the allocation per op and the cores
     * other processes kept busy meanwhile.
     */
    static void print(List<RunResult> results, Map<String, Double> otherCores, PrintStream out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"benchmark", "params", "simd", "median", "unit", "min..max", "derived", "alloc/op",
            "busy elsewhere"});
        results.sort(Row.ORDER);
        for (RunResult r : results) {
            String[] cells = Row.of(r).cells();
            String[] withLoad = Arrays.copyOf(cells, cells.length + 1);
            Double other = otherCores.get(LoadMonitor.key(r.getParams()));
            withLoad[cells.length] = other == null || other.isNaN() ? "?" : String.format(Locale.ROOT,
                    "%.2f cores", other);
            rows.add(withLoad);
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) widths[i] = Math.max(widths[i], row[i].length());
        }
        for (int k = 0; k < rows.size(); k++) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                String cell = rows.get(k)[i];
                boolean right = i == 3 || i >= 6;
                String pad = " ".repeat(widths[i] - cell.length());
                line.append(right ? pad + cell : cell + pad).append(i + 1 < widths.length ? "  " : "");
            }
            out.println(line.toString().stripTrailing());
            if (k == 0) {
                char[] rule = new char[line.toString().stripTrailing().length()];
                Arrays.fill(rule, '-');
                out.println(new String(rule));
            }
        }
    }

    /** Median of a result's per-iteration values. */
    static double median(Result<?> r) {
        return r.getStatistics().getPercentile(50);
    }
}
