package dev.nabla;

/**
 * PyTorch's {@code _Formatter}: looks at every element that will be printed once, picks one notation and one
 * width for all of them, then formats each element right-aligned to that width.
 */
final class ElementFormatter {
    private enum Kind { BOOL, INTEGER, FLOATING }

    private final Kind kind;
    private final Object values;
    private final int precision;
    private final boolean intMode;
    private final boolean sciMode;
    private final int width;

    private ElementFormatter(Kind kind, Object values, int precision, boolean intMode, boolean sciMode, int width) {
        this.kind = kind;
        this.values = values;
        this.precision = precision;
        this.intMode = intMode;
        this.sciMode = sciMode;
        this.width = width;
    }

    /** A formatter over the printed elements: {@code double[]}, {@code long[]} or {@code boolean[]}. */
    static ElementFormatter of(Object values, PrintOptions options) {
        if (values instanceof boolean[] b) {
            int width = 1;
            for (boolean v : b) width = Math.max(width, v ? 4 : 5);
            return new ElementFormatter(Kind.BOOL, values, 0, false, false, width);
        }
        if (values instanceof long[] l) {
            int width = 1;
            for (long v : l) width = Math.max(width, Long.toString(v).length());
            return new ElementFormatter(Kind.INTEGER, values, 0, false, false, width);
        }
        return floating((double[]) values, options);
    }

    private static ElementFormatter floating(double[] values, PrintOptions options) {
        int p = options.precision();
        boolean intMode = true;
        boolean any = false;
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double v : values) {
            if (!Double.isFinite(v) || v == 0) continue;
            any = true;
            min = Math.min(min, Math.abs(v));
            max = Math.max(max, Math.abs(v));
            if (v != Math.ceil(v)) intMode = false;
        }
        // Without a finite non-zero value PyTorch keeps int mode and width 1 and ignores the sciMode option.
        if (!any) return new ElementFormatter(Kind.FLOATING, values, p, true, false, 1);
        boolean sci = options.sciMode() != null
                ? options.sciMode()
                : max / min > 1000.0 || max > 1.0e8 || min < 1.0e-4;
        int width = 1;
        for (double v : values) {
            if (!Double.isFinite(v) || v == 0) continue;
            String s = sci ? PythonFormat.scientific(v, p) : intMode ? PythonFormat.fixed(v, 0) + "." : PythonFormat.fixed(v, p);
            width = Math.max(width, s.length());
        }
        return new ElementFormatter(Kind.FLOATING, values, p, intMode, sci, width);
    }

    /** The width every formatted element is padded to. */
    int width() {
        return width;
    }

    /** The element at {@code index} of the values, padded on the left to {@link #width()}. */
    String format(int index) {
        String s = switch (kind) {
            case BOOL -> ((boolean[]) values)[index] ? "True" : "False";
            case INTEGER -> Long.toString(((long[]) values)[index]);
            case FLOATING -> floating(((double[]) values)[index]);
        };
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    private String floating(double v) {
        if (sciMode) return PythonFormat.scientific(v, precision);
        if (intMode) return Double.isFinite(v) ? PythonFormat.fixed(v, 0) + "." : PythonFormat.fixed(v, 0);
        return PythonFormat.fixed(v, precision);
    }
}
