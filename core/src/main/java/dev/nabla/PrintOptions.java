package dev.nabla;

/**
 * How tensors print, as PyTorch's {@code torch.set_printoptions}: digits after the point, the element count
 * above which a tensor is summarized with {@code ...}, the items kept at each end of a summarized dim, the line
 * width, and scientific notation forced on ({@code true}), off ({@code false}) or chosen per tensor ({@code null}).
 *
 * @param precision digits after the decimal point of floating values (PyTorch's default 4)
 * @param threshold tensors with more elements than this are summarized (default 1000)
 * @param edgeItems elements kept at the start and at the end of each summarized dim (default 3); with 0 a
 *     summarized tensor prints as {@code [...]} and every non-empty tensor shows its size
 * @param linewidth characters per line before rows of a 1-d tensor wrap (default 80)
 * @param sciMode {@code true} or {@code false} to force scientific notation on or off; {@code null} to decide
 *     per tensor
 */
public record PrintOptions(int precision, int threshold, int edgeItems, int linewidth, Boolean sciMode) {
    private static final PrintOptions DEFAULTS = new PrintOptions(4, 1000, 3, 80, null);

    /** Checks the ranges: precision, threshold and edgeItems non-negative, linewidth positive. */
    public PrintOptions {
        // Python's '{:.-1f}' is an error, so a negative precision has no meaning.
        if (precision < 0) throw new IllegalArgumentException("PrintOptions: precision must be >= 0, got " + precision);
        if (threshold < 0) throw new IllegalArgumentException("PrintOptions: threshold must be >= 0, got " + threshold);
        if (edgeItems < 0) throw new IllegalArgumentException("PrintOptions: edgeItems must be >= 0, got " + edgeItems);
        if (linewidth < 1) throw new IllegalArgumentException("PrintOptions: linewidth must be >= 1, got " + linewidth);
    }

    /** PyTorch's defaults: precision 4, threshold 1000, 3 edge items, line width 80, automatic notation. */
    public static PrintOptions defaults() {
        return DEFAULTS;
    }

    /** These options with another precision. */
    public PrintOptions withPrecision(int precision) {
        return new PrintOptions(precision, threshold, edgeItems, linewidth, sciMode);
    }

    /** These options with another summarization threshold ({@code Integer.MAX_VALUE} never summarizes). */
    public PrintOptions withThreshold(int threshold) {
        return new PrintOptions(precision, threshold, edgeItems, linewidth, sciMode);
    }

    /** These options with another number of edge items. */
    public PrintOptions withEdgeItems(int edgeItems) {
        return new PrintOptions(precision, threshold, edgeItems, linewidth, sciMode);
    }

    /** These options with another line width. */
    public PrintOptions withLinewidth(int linewidth) {
        return new PrintOptions(precision, threshold, edgeItems, linewidth, sciMode);
    }

    /** These options with scientific notation forced on or off, or chosen per tensor when {@code null}. */
    public PrintOptions withSciMode(Boolean sciMode) {
        return new PrintOptions(precision, threshold, edgeItems, linewidth, sciMode);
    }
}
