package dev.nabla;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Prints tensors exactly as PyTorch 2's {@code torch/_tensor_str.py} does: nested brackets, one width for all
 * elements, {@code ...} summaries of large tensors, and suffixes such as {@code dtype=torch.int32}.
 */
final class Formatter {
    private static final String PREFIX = "tensor(";

    private static volatile PrintOptions options = PrintOptions.defaults();

    private Formatter() {
    }

    static PrintOptions options() {
        return options;
    }

    static void setOptions(PrintOptions o) {
        options = Objects.requireNonNull(o, "options");
    }

    static String format(Tensor t) {
        PrintOptions o = options;
        int indent = PREFIX.length();
        String contents;
        try (NoGrad g = NoGrad.enter()) {
            contents = t.numel() == 0 ? "[]" : contents(t, indent, o);
        }
        return withSuffixes(PREFIX + contents, suffixes(t, o), indent, o.linewidth());
    }

    /** Every annotation after the contents, in PyTorch's order: device, size, dtype, then autograd's. */
    private static List<String> suffixes(Tensor t, PrintOptions o) {
        List<String> suffixes = new ArrayList<>();
        if (!t.device().type().equals("cpu")) suffixes.add("device='" + t.device() + "'");
        DType dtype = t.dtype();
        if (t.numel() == 0) {
            if (t.dim() != 1) suffixes.add("size=" + pythonTuple(t.shape));
            // No element shows whether the values are integers, so only the default float dtype goes unnamed.
            if (dtype != Defaults.dtype()) suffixes.add("dtype=" + dtype.torchName());
        } else {
            if (o.edgeItems() == 0) suffixes.add("size=" + pythonTuple(t.shape));
            if (dtype != Defaults.dtype() && dtype != DType.INT64 && dtype != DType.BOOL) {
                suffixes.add("dtype=" + dtype.torchName());
            }
        }
        if (t.gradFn() != null) {
            suffixes.add("grad_fn=<" + t.gradFn().name() + ">");
        } else if (t.requiresGrad()) {
            suffixes.add("requires_grad=True");
        }
        return suffixes;
    }

    /** PyTorch's {@code _add_suffixes}: a suffix that would pass the line width goes on its own line. */
    private static String withSuffixes(String text, List<String> suffixes, int indent, int linewidth) {
        StringBuilder out = new StringBuilder(text);
        // PyTorch measures the last line as two characters longer than it is; kept so wrapping happens alike.
        int lastLineLength = text.length() - text.lastIndexOf('\n') + 1;
        for (String suffix : suffixes) {
            if (lastLineLength + suffix.length() + 2 > linewidth) {
                out.append(",\n").append(" ".repeat(indent)).append(suffix);
                lastLineLength = indent + suffix.length();
            } else {
                out.append(", ").append(suffix);
                lastLineLength += suffix.length() + 2;
            }
        }
        return out.append(')').toString();
    }

    /** The bracketed elements of a non-empty tensor whose first line starts at column {@code indent}. */
    private static String contents(Tensor t, int indent, PrintOptions o) {
        boolean summarize = t.numel() > o.threshold();
        int edge = o.edgeItems();
        if (summarize && edge == 0 && t.dim() > 0) return "[...]";
        Tensor printed = summarize ? edges(t, 0, edge) : t;
        Object values = switch (t.dtype().category()) {
            case FLOATING -> printed.toDoubleArray();
            case INTEGRAL -> printed.toLongArray();
            case BOOL -> printed.toBooleanArray();
        };
        boolean[] elided = new boolean[t.dim()];
        for (int d = 0; d < elided.length; d++) elided[d] = summarize && t.shape[d] > 2 * edge;
        return new Layout(printed.shape, elided, edge, o.linewidth(), ElementFormatter.of(values, o)).block(0, 0, indent);
    }

    /**
     * PyTorch's {@code get_summarized_data}: the first and last {@code edge} entries of every dim longer than
     * {@code 2 * edge}. Every dim is narrowed (a view) before anything is joined, so only printed elements are copied.
     */
    private static Tensor edges(Tensor t, int dim, int edge) {
        if (dim == t.dim()) return t;
        int n = t.shape[dim];
        if (n <= 2 * edge) return edges(t, dim + 1, edge);
        Tensor head = edges(t.narrow(dim, 0, edge), dim + 1, edge);
        Tensor tail = edges(t.narrow(dim, n - edge, edge), dim + 1, edge);
        return Nabla.cat(List.of(head, tail), dim);
    }

    /** Python's {@code str(tuple(shape))}: {@code (2, 0)}, or {@code (0,)} for one dim. */
    private static String pythonTuple(int[] shape) {
        if (shape.length == 1) return "(" + shape[0] + ",)";
        return Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining(", ", "(", ")"));
    }

    /**
     * PyTorch's {@code _tensor_str_with_formatter} and {@code _vector_str} over the printed elements in
     * row-major order; a dim marked elided holds its {@code edge} first and {@code edge} last entries, between
     * which {@code ...} is shown.
     */
    private record Layout(int[] shape, boolean[] elided, int edge, int linewidth, ElementFormatter formatter) {

        /** The block of dims {@code dim..} whose first element is at {@code offset}, starting at column {@code indent}. */
        String block(int dim, int offset, int indent) {
            if (shape.length == 0) return formatter.format(0);
            if (dim == shape.length - 1) return vector(offset, indent);
            int inner = 1;
            for (int d = dim + 1; d < shape.length; d++) inner *= shape[d];
            List<String> slices = new ArrayList<>();
            for (int i = 0; i < shape[dim]; i++) {
                if (elided[dim] && i == edge) slices.add("...");
                slices.add(block(dim + 1, offset + i * inner, indent + 1));
            }
            // Blocks of a 3-d or higher tensor are separated by blank lines, one fewer than the dims they hold.
            String separator = "," + "\n".repeat(shape.length - dim - 1) + " ".repeat(indent + 1);
            return "[" + String.join(separator, slices) + "]";
        }

        private String vector(int offset, int indent) {
            int dim = shape.length - 1;
            List<String> items = new ArrayList<>();
            for (int i = 0; i < shape[dim]; i++) {
                if (elided[dim] && i == edge) items.add(" ...");
                items.add(formatter.format(offset + i));
            }
            int perLine = Math.max(1, Math.floorDiv(linewidth - indent, formatter.width() + 2));
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < items.size(); i += perLine) {
                lines.add(String.join(", ", items.subList(i, Math.min(items.size(), i + perLine))));
            }
            return "[" + String.join(",\n" + " ".repeat(indent + 1), lines) + "]";
        }
    }
}
