package dev.nabla.nn.io;

import java.util.ArrayList;
import java.util.List;

/**
 * The dict literal of a {@code .npy} header, parsed strictly: exactly the keys {@code descr} (a string),
 * {@code fortran_order} (True or False) and {@code shape} (a tuple of non-negative ints), in any order, with
 * Python's literal syntax (either quote, optional trailing commas), followed only by whitespace.
 *
 * @param descr the dtype descriptor, e.g. {@code <f4}
 * @param fortranOrder whether the data is column-major
 * @param shape the array's shape
 */
record NpyHeader(String descr, boolean fortranOrder, int[] shape) {

    /** Parses {@code text}; an IllegalArgumentException says what is wrong and where. */
    static NpyHeader parse(String text) {
        return new Parser(text).header();
    }

    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        NpyHeader header() {
            String descr = null;
            Boolean fortran = null;
            int[] shape = null;
            space();
            expect('{');
            while (true) {
                space();
                if (peek() == '}') break;
                String key = string();
                space();
                expect(':');
                space();
                switch (key) {
                    case "descr" -> {
                        if (descr != null) throw error("duplicate key 'descr'");
                        descr = string();
                    }
                    case "fortran_order" -> {
                        if (fortran != null) throw error("duplicate key 'fortran_order'");
                        fortran = bool();
                    }
                    case "shape" -> {
                        if (shape != null) throw error("duplicate key 'shape'");
                        shape = tuple();
                    }
                    default -> throw error("unexpected key '" + key + "' (a header has descr, fortran_order, shape)");
                }
                space();
                if (peek() == ',') {
                    pos++;
                } else if (peek() != '}') {
                    throw error("expected ',' or '}'");
                }
            }
            pos++;
            space();
            if (pos < text.length()) throw error("unexpected text after the dict");
            if (descr == null || fortran == null || shape == null) {
                throw new IllegalArgumentException("the header must have the keys descr, fortran_order and shape: "
                        + text.strip());
            }
            return new NpyHeader(descr, fortran, shape);
        }

        private String string() {
            char quote = peek();
            if (quote != '\'' && quote != '"') throw error("expected a quoted string");
            int end = text.indexOf(quote, pos + 1);
            if (end < 0) throw error("unterminated string");
            String s = text.substring(pos + 1, end);
            if (s.indexOf('\\') >= 0 || s.indexOf('\n') >= 0) throw error("unsupported string " + s);
            pos = end + 1;
            return s;
        }

        private boolean bool() {
            if (text.startsWith("True", pos)) {
                pos += 4;
                return true;
            }
            if (text.startsWith("False", pos)) {
                pos += 5;
                return false;
            }
            throw error("fortran_order must be True or False");
        }

        private int[] tuple() {
            expect('(');
            List<Integer> dims = new ArrayList<>();
            boolean trailingComma = false;
            while (true) {
                space();
                if (peek() == ')') break;
                int start = pos;
                while (pos < text.length() && Character.isDigit(text.charAt(pos)) && text.charAt(pos) < 0x80) pos++;
                if (start == pos) throw error("shape must be a tuple of non-negative integers");
                long v = Long.parseLong(text.substring(start, Math.min(pos, start + 12)));
                if (pos - start > 10 || v > Integer.MAX_VALUE) throw error("dimension too large for a tensor");
                dims.add((int) v);
                space();
                trailingComma = peek() == ',';
                if (trailingComma) {
                    pos++;
                } else if (peek() != ')') {
                    throw error("expected ',' or ')' in shape");
                }
            }
            pos++;
            if (dims.size() == 1 && !trailingComma) throw error("shape (" + dims.get(0) + ") is not a tuple");
            int[] shape = new int[dims.size()];
            long numel = 1;
            for (int d = 0; d < shape.length; d++) {
                shape[d] = dims.get(d);
                numel *= shape[d];
                if (numel > Integer.MAX_VALUE) throw error("shape has more elements than a tensor can hold");
            }
            return shape;
        }

        private void space() {
            while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t'
                    || text.charAt(pos) == '\n' || text.charAt(pos) == '\r')) {
                pos++;
            }
        }

        private char peek() {
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        private void expect(char c) {
            if (peek() != c) throw error("expected '" + c + "'");
            pos++;
        }

        private IllegalArgumentException error(String problem) {
            return new IllegalArgumentException(problem + " at character " + pos + " of " + text.strip());
        }
    }
}
