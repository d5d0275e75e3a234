package dev.nabla.benchmarks;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One line of {@link Report}'s table, read from a JMH result. */
record Row(String benchmark, String params, String simd, double median, String unit, double min, double max,
           String derived, String alloc) {
    /** By benchmark, then parameters (numbers compared as numbers), then Vector API before plain Java. */
    static final Comparator<RunResult> ORDER = Comparator
            .comparing((RunResult r) -> r.getParams().getBenchmark())
            .thenComparing(Row::paramKey, Row::compareParams)
            .thenComparing(r -> simd(r.getParams()));

    /** The row for one run. */
    static Row of(RunResult r) {
        BenchmarkParams p = r.getParams();
        String shortName = shortName(p);
        Result<?> primary = r.getPrimaryResult();
        Map<String, Result> secondary = r.getSecondaryResults();
        double median = Report.median(primary);
        String derived = "";
        if (secondary.containsKey("flops")) {
            derived = fmt(perSecond(secondary.get("flops")) / 1e9) + " GFLOP/s";
        } else if (secondary.containsKey("bytes")) {
            derived = fmt(perSecond(secondary.get("bytes")) / 1e9) + " GB/s";
        } else if (secondary.containsKey("steps")) {
            Result<?> steps = secondary.get("steps");
            derived = fmt(Report.median(steps)) + " " + steps.getScoreUnit().replace("/op", "/step");
        }
        String alloc = "";
        if (secondary.containsKey("gc.alloc.rate.norm")) {
            double bytes = Report.median(secondary.get("gc.alloc.rate.norm"));
            alloc = bytes(bytes);
            if (secondary.containsKey("steps")) {
                double stepsPerOp = median / Report.median(secondary.get("steps"));
                alloc += " (" + bytes(bytes / stepsPerOp) + "/step)";
            }
        }
        return new Row(shortName, String.join(" ", paramKey(r)), simd(p), median, primary.getScoreUnit(),
                primary.getStatistics().getMin(), primary.getStatistics().getMax(), derived, alloc);
    }

    /** The cells in the table's column order. */
    String[] cells() {
        return new String[] {benchmark, params, simd, fmt(median), unit, fmt(min) + ".." + fmt(max), derived, alloc};
    }

    /** "vector" when the fork could use the Vector API kernels, else "scalar"; then the device unless the CPU. */
    static String simd(BenchmarkParams p) {
        String args = String.join(" ", p.getJvmArgs());
        boolean module = args.contains("jdk.incubator.vector");
        boolean forcedOff = args.contains("-Dnabla.cpu.vector=false");
        String simd = module && !forcedOff ? "vector" : "scalar";
        Matcher device = Pattern.compile("-D" + Pattern.quote(BenchSetup.DEVICE_PROPERTY) + "=(\\S+)").matcher(args);
        return device.find() && !device.group(1).equals("cpu") ? simd + " " + device.group(1) : simd;
    }

    /** A rate result converted to events per second, whatever the benchmark's output time unit. */
    static double perSecond(Result<?> r) {
        String unit = r.getScoreUnit();
        double v = Report.median(r);
        if (unit.endsWith("/ms")) return v * 1e3;
        if (unit.endsWith("/us")) return v * 1e6;
        if (unit.endsWith("/ns")) return v * 1e9;
        if (unit.endsWith("/min")) return v / 60;
        return v;
    }

    /** Four significant digits, without exponent for ordinary magnitudes. */
    static String fmt(double v) {
        if (Double.isNaN(v)) return "NaN";
        double a = Math.abs(v);
        if (a >= 1e7 || (a < 1e-3 && a != 0)) return String.format(Locale.ROOT, "%.3e", v);
        if (a >= 1000) return String.format(Locale.ROOT, "%.0f", v);
        if (a >= 100) return String.format(Locale.ROOT, "%.1f", v);
        if (a >= 10) return String.format(Locale.ROOT, "%.2f", v);
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** A byte count in B, kB, MB or GB (powers of 1000). */
    static String bytes(double b) {
        if (b >= 1e9) return fmt(b / 1e9) + " GB";
        if (b >= 1e6) return fmt(b / 1e6) + " MB";
        if (b >= 1e3) return fmt(b / 1e3) + " kB";
        return fmt(b) + " B";
    }

    private static List<String> paramKey(RunResult r) {
        return paramKey(r.getParams());
    }

    /** The parameters as "k=v", in JMH's (sorted) key order. */
    static List<String> paramKey(BenchmarkParams p) {
        List<String> out = new ArrayList<>();
        for (String k : p.getParamsKeys()) out.add(k + "=" + p.getParam(k));
        return out;
    }

    /** "Class.method" of the benchmark. */
    static String shortName(BenchmarkParams p) {
        String name = p.getBenchmark();
        return name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
    }

    private static int compareParams(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            String x = a.get(i).substring(a.get(i).indexOf('=') + 1);
            String y = b.get(i).substring(b.get(i).indexOf('=') + 1);
            int c;
            try {
                c = Double.compare(Double.parseDouble(x), Double.parseDouble(y));
            } catch (NumberFormatException e) {
                c = x.compareTo(y);
            }
            if (c != 0) return c;
        }
        return Integer.compare(a.size(), b.size());
    }
}
