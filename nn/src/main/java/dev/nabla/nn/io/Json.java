package dev.nabla.nn.io;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON (RFC 8259) reader and string quoting, enough for safetensors headers. Objects become ordered maps
 * (duplicate keys are an error), arrays lists, integers that fit a long {@link Long}, other numbers
 * {@link BigDecimal}, and {@code null} the {@link #NULL} marker.
 */
final class Json {
    /** JSON's {@code null}. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private static final int MAX_DEPTH = 64;

    private final String text;
    private int pos;

    private Json(String text) {
        this.text = text;
    }

    /** The value {@code text} holds, with nothing but whitespace around it; IllegalArgumentException if invalid. */
    static Object parse(String text) {
        Json p = new Json(text);
        p.skipSpace();
        Object v = p.value(0);
        p.skipSpace();
        if (p.pos < text.length()) throw p.error("unexpected " + p.describe() + " after the JSON value");
        return v;
    }

    /** {@code bytes} as UTF-8, failing on malformed input instead of substituting characters. */
    static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    }

    /** {@code s} as a JSON string literal, escaped as serde_json (Rust's, which safetensors uses) escapes it. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) throw error("nesting deeper than " + MAX_DEPTH + " levels");
        if (pos >= text.length()) throw error("unexpected end of input, expected a value");
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", NULL);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) return number();
                throw error("unexpected " + describe() + ", expected a value");
        }
    }

    private Map<String, Object> object(int depth) {
        pos++;
        Map<String, Object> out = new LinkedHashMap<>();
        skipSpace();
        if (peek() == '}') {
            pos++;
            return out;
        }
        while (true) {
            if (peek() != '"') throw error("unexpected " + describe() + ", expected a string key");
            int keyAt = pos;
            String key = string();
            skipSpace();
            expect(':');
            skipSpace();
            Object v = value(depth + 1);
            if (out.containsKey(key)) {
                pos = keyAt;
                throw error("duplicate key " + quote(key));
            }
            out.put(key, v);
            if (closes('}')) return out;
        }
    }

    private List<Object> array(int depth) {
        pos++;
        List<Object> out = new ArrayList<>();
        skipSpace();
        if (peek() == ']') {
            pos++;
            return Collections.unmodifiableList(out);
        }
        while (true) {
            out.add(value(depth + 1));
            if (closes(']')) return Collections.unmodifiableList(out);
        }
    }

    /** After an object member or array element: true past {@code close}, false past a ',' and the space after it. */
    private boolean closes(char close) {
        skipSpace();
        if (peek() == ',') {
            pos++;
            skipSpace();
            return false;
        }
        if (peek() == close) {
            pos++;
            return true;
        }
        throw error("unexpected " + describe() + ", expected ',' or '" + close + "'");
    }

    private String string() {
        pos++;
        StringBuilder b = new StringBuilder();
        while (true) {
            if (pos >= text.length()) throw error("unterminated string");
            char c = text.charAt(pos++);
            if (c == '"') return b.toString();
            if (c < 0x20) {
                pos--;
                throw error("unescaped control character U+" + String.format("%04X", (int) c) + " in a string");
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (pos >= text.length()) throw error("unterminated escape");
            char e = text.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    char u = hex4();
                    if (Character.isHighSurrogate(u)) {
                        if (!text.startsWith("\\u", pos)) throw error("lone leading surrogate in a \\u escape");
                        pos += 2;
                        char low = hex4();
                        if (!Character.isLowSurrogate(low)) throw error("invalid low surrogate in a \\u escape");
                        b.append(u).append(low);
                    } else if (Character.isLowSurrogate(u)) {
                        throw error("lone trailing surrogate in a \\u escape");
                    } else {
                        b.append(u);
                    }
                }
                default -> {
                    pos--;
                    throw error("invalid escape '\\" + e + "'");
                }
            }
        }
    }

    private char hex4() {
        if (pos + 4 > text.length()) throw error("truncated \\u escape");
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(text.charAt(pos + i), 16);
            if (d < 0) throw error("invalid hex digit in a \\u escape");
            v = v * 16 + d;
        }
        pos += 4;
        return (char) v;
    }

    private Object number() {
        int start = pos;
        if (peek() == '-') pos++;
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            while (isDigit(peek())) pos++;
        } else {
            throw error("invalid number: expected a digit");
        }
        boolean integral = true;
        if (peek() == '.') {
            integral = false;
            pos++;
            if (!isDigit(peek())) throw error("invalid number: expected a digit after '.'");
            while (isDigit(peek())) pos++;
        }
        if (peek() == 'e' || peek() == 'E') {
            integral = false;
            pos++;
            if (peek() == '+' || peek() == '-') pos++;
            if (!isDigit(peek())) throw error("invalid number: expected a digit in the exponent");
            while (isDigit(peek())) pos++;
        }
        String literal = text.substring(start, pos);
        if (integral && literal.length() <= 19) {
            try {
                return Long.parseLong(literal);
            } catch (NumberFormatException tooBig) {
                // fall through to BigDecimal
            }
        }
        return new BigDecimal(literal);
    }

    private Object literal(String word, Object v) {
        if (!text.startsWith(word, pos)) throw error("unexpected " + describe() + ", expected a value");
        pos += word.length();
        return v;
    }

    private void expect(char c) {
        if (peek() != c) throw error("unexpected " + describe() + ", expected '" + c + "'");
        pos++;
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private String describe() {
        if (pos >= text.length()) return "end of input";
        char c = text.charAt(pos);
        return c < 0x20 || c > 0x7e ? "character U+" + String.format("%04X", (int) c) : "character '" + c + "'";
    }

    private IllegalArgumentException error(String problem) {
        return new IllegalArgumentException(problem + " at character " + pos);
    }
}
