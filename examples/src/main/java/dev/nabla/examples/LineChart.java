package dev.nabla.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart written as a standalone SVG file: axes with ticks, one polyline per series, a legend. A loss
 * curve needs nothing more, so no plotting library is pulled in.
 */
final class LineChart {
    private static final int WIDTH = 720;
    private static final int HEIGHT = 420;
    private static final int LEFT = 80;
    private static final int RIGHT = 30;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    private static final String[] COLORS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728"};

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private boolean logX;
    private final List<String> names = new ArrayList<>();
    private final List<double[][]> series = new ArrayList<>();
    private double markX = Double.NaN;

    LineChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** Plots x on a log10 scale (learning rates). */
    LineChart logX() {
        logX = true;
        return this;
    }

    /** Adds a series of (x, y) points; non-finite points are skipped. */
    LineChart add(String name, double[] x, double[] y) {
        if (x.length != y.length) throw new IllegalArgumentException("LineChart: x and y lengths differ");
        names.add(name);
        series.add(new double[][] {x, y});
        return this;
    }

    /** Draws a dashed vertical line at x (the suggested learning rate). */
    LineChart mark(double x) {
        markX = x;
        return this;
    }

    /** Writes the chart and returns the path. */
    Path write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Files.writeString(file, svg(), StandardCharsets.UTF_8);
        return file;
    }

    /** The SVG document. */
    String svg() {
        double[] xr = range(0);
        double[] yr = range(1);
        StringBuilder b = new StringBuilder();
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        b.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        b.append(text(WIDTH / 2.0, 25, title, "middle", 16));
        b.append(text(WIDTH / 2.0, HEIGHT - 15, xLabel, "middle", 12));
        b.append(String.format(Locale.ROOT, "<text x=\"18\" y=\"%.1f\" text-anchor=\"middle\" "
                + "transform=\"rotate(-90 18 %.1f)\">%s</text>%n", HEIGHT / 2.0, HEIGHT / 2.0, escape(yLabel)));
        axes(b, xr, yr);
        for (int s = 0; s < series.size(); s++) {
            StringBuilder points = new StringBuilder();
            double[] xs = series.get(s)[0];
            double[] ys = series.get(s)[1];
            for (int i = 0; i < xs.length; i++) {
                double x = tx(xs[i]);
                if (!Double.isFinite(x) || !Double.isFinite(ys[i])) continue;
                points.append(String.format(Locale.ROOT, "%.2f,%.2f ", px(x, xr), py(ys[i], yr)));
            }
            b.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.8\" "
                    + "points=\"%s\"/>%n", COLORS[s % COLORS.length], points.toString().trim()));
            double ly = TOP + 14 + 18 * s;
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" "
                    + "stroke-width=\"3\"/>%n", WIDTH - RIGHT - 150, ly - 4, WIDTH - RIGHT - 130, ly - 4,
                    COLORS[s % COLORS.length]));
            b.append(text(WIDTH - RIGHT - 125, ly, names.get(s), "start", 12));
        }
        if (!Double.isNaN(markX) && Double.isFinite(tx(markX))) {
            double x = px(tx(markX), xr);
            b.append(String.format(Locale.ROOT, "<line x1=\"%.2f\" y1=\"%d\" x2=\"%.2f\" y2=\"%d\" stroke=\"#555\" "
                    + "stroke-dasharray=\"5,4\"/>%n", x, TOP, x, HEIGHT - BOTTOM));
        }
        return b.append("</svg>\n").toString();
    }

    private void axes(StringBuilder b, double[] xr, double[] yr) {
        int x0 = LEFT;
        int y0 = HEIGHT - BOTTOM;
        b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                x0, y0, WIDTH - RIGHT, y0));
        b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                x0, TOP, x0, y0));
        for (int i = 0; i <= 5; i++) {
            double xv = xr[0] + (xr[1] - xr[0]) * i / 5;
            double yv = yr[0] + (yr[1] - yr[0]) * i / 5;
            double x = px(xv, xr);
            double y = py(yv, yr);
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"black\"/>%n",
                    x, y0, x, y0 + 5));
            b.append(text(x, y0 + 20, label(logX ? Math.pow(10, xv) : xv), "middle", 11));
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
                    x0, y, WIDTH - RIGHT, y));
            b.append(text(x0 - 8, y + 4, label(yv), "end", 11));
        }
    }

    private double tx(double x) {
        return logX ? (x > 0 ? Math.log10(x) : Double.NaN) : x;
    }

    /** [min, max] of the finite values of coordinate k over all series (x after the log transform). */
    private double[] range(int k) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[][] s : series) {
            for (int i = 0; i < s[k].length; i++) {
                double v = k == 0 ? tx(s[0][i]) : s[1][i];
                if (!Double.isFinite(v) || !Double.isFinite(k == 0 ? s[1][i] : tx(s[0][i]))) continue;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo > hi) return new double[] {0, 1};
        if (lo == hi) return new double[] {lo - 1, hi + 1};
        return new double[] {lo, hi};
    }

    private static double px(double x, double[] r) {
        return LEFT + (x - r[0]) / (r[1] - r[0]) * (WIDTH - LEFT - RIGHT);
    }

    private static double py(double y, double[] r) {
        return HEIGHT - BOTTOM - (y - r[0]) / (r[1] - r[0]) * (HEIGHT - TOP - BOTTOM);
    }

    private static String label(double v) {
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-2 || a >= 1e5)) return String.format(Locale.ROOT, "%.1e", v);
        return String.format(Locale.ROOT, a >= 100 ? "%.0f" : "%.3g", v);
    }

    private static String text(double x, double y, String s, String anchor, int size) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\">%s</text>%n",
                x, y, anchor, size, escape(s));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
