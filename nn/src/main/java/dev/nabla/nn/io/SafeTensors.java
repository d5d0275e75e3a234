package dev.nabla.nn.io;

import dev.nabla.DType;
import dev.nabla.Tensor;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hugging Face's safetensors format: an 8-byte little-endian header length N, N bytes of UTF-8 JSON mapping each
 * tensor name to its {@code dtype}, {@code shape} and {@code data_offsets} (plus an optional {@code __metadata__}
 * map of strings), then the tensors' little-endian row-major bytes back to back. Files are written as the
 * reference implementation writes them (tensors by descending alignment then name, header padded with spaces to a
 * multiple of 8), so {@code safetensors.torch.load_file} reads them; reading checks everything the reference checks.
 */
public final class SafeTensors {
    /** The reference implementation's limit on the header size, against maliciously large headers. */
    public static final long MAX_HEADER_BYTES = 100_000_000;
    /** The header key of the free-form string map. */
    public static final String METADATA_KEY = "__metadata__";

    private static final List<DType> DTYPES = List.of(DType.BOOL, DType.INT32, DType.FLOAT32, DType.FLOAT64,
            DType.INT64); // in the order of the reference's Dtype enum, which orders the tensors in a file
    private static final List<String> CODES = List.of("BOOL", "I32", "F32", "F64", "I64");

    private SafeTensors() {
    }

    /**
     * What a file holds.
     *
     * @param tensors the tensors by name, in the order of their data in the file
     * @param metadata the {@code __metadata__} map (empty when the file has none)
     */
    public record Contents(Map<String, Tensor> tensors, Map<String, String> metadata) {
    }

    /** Writes {@code tensors} with no metadata. */
    public static void save(Path file, Map<String, Tensor> tensors) throws IOException {
        save(file, tensors, Map.of());
    }

    /** Writes {@code tensors} and {@code metadata} (left out of the header when empty) atomically to {@code file}. */
    public static void save(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) throws IOException {
        List<Map.Entry<String, Tensor>> order = new ArrayList<>(tensors.entrySet());
        for (Map.Entry<String, Tensor> e : order) {
            if (e.getKey().equals(METADATA_KEY)) {
                throw new IllegalArgumentException("SafeTensors.save: '" + METADATA_KEY + "' is reserved and cannot "
                        + "name a tensor");
            }
        }
        order.sort(Comparator.<Map.Entry<String, Tensor>>comparingInt(e -> -DTYPES.indexOf(e.getValue().dtype()))
                .thenComparing((a, b) -> Arrays.compareUnsigned(utf8(a.getKey()), utf8(b.getKey()))));
        byte[] header = header(order, metadata);
        AtomicFile.write(file, out -> {
            out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).array());
            out.write(header);
            for (Map.Entry<String, Tensor> e : order) TensorBytes.write(out, e.getValue());
        });
    }

    /** Reads every tensor and the metadata; a corrupt, truncated or unsupported file is a FileFormatException. */
    public static Contents load(Path file) throws IOException {
        long fileSize = Files.size(file);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            byte[] prefix = in.readNBytes(8);
            if (prefix.length < 8) {
                throw new FileFormatException(file, "the file has " + fileSize + " bytes, fewer than the 8 of the "
                        + "header length");
            }
            long n = ByteBuffer.wrap(prefix).order(ByteOrder.LITTLE_ENDIAN).getLong();
            if (n < 0 || n > MAX_HEADER_BYTES) {
                throw new FileFormatException(file, "header length " + Long.toUnsignedString(n) + " exceeds the "
                        + MAX_HEADER_BYTES + "-byte limit (not a safetensors file?)");
            }
            if (8 + n > fileSize) {
                throw new FileFormatException(file, "truncated header: the header length is " + n + " bytes but only "
                        + (fileSize - 8) + " follow");
            }
            Header h = parseHeader(file, in.readNBytes((int) n));
            long dataSize = fileSize - 8 - n;
            if (h.end > dataSize) {
                throw new FileFormatException(file, "truncated payload: the header describes " + h.end
                        + " bytes of tensor data but the file holds " + dataSize);
            }
            if (h.end < dataSize) {
                throw new FileFormatException(file, "header/length mismatch: the file holds " + (dataSize - h.end)
                        + " bytes after the " + h.end + " bytes of tensor data its header describes");
            }
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            for (Entry e : h.entries) {
                tensors.put(e.name, TensorBytes.read(in, e.dtype, e.shape, file, "tensor '" + e.name + "'"));
            }
            return new Contents(Collections.unmodifiableMap(tensors), h.metadata);
        }
    }

    private static byte[] header(List<Map.Entry<String, Tensor>> order, Map<String, String> metadata) {
        StringBuilder b = new StringBuilder("{");
        if (!metadata.isEmpty()) {
            b.append(Json.quote(METADATA_KEY)).append(":{");
            String sep = "";
            for (Map.Entry<String, String> m : metadata.entrySet()) {
                b.append(sep).append(Json.quote(m.getKey())).append(':').append(Json.quote(m.getValue()));
                sep = ",";
            }
            b.append('}');
        }
        long offset = 0;
        for (Map.Entry<String, Tensor> e : order) {
            Tensor t = e.getValue();
            long end = offset + TensorBytes.byteSize(t.dtype(), t.numel());
            if (b.length() > 1) b.append(',');
            b.append(Json.quote(e.getKey())).append(":{\"dtype\":\"").append(code(t.dtype())).append("\",\"shape\":[");
            int[] shape = t.shape();
            for (int d = 0; d < shape.length; d++) b.append(d == 0 ? "" : ",").append(shape[d]);
            b.append("],\"data_offsets\":[").append(offset).append(',').append(end).append("]}");
            offset = end;
        }
        b.append('}');
        byte[] json = utf8(b.toString());
        byte[] padded = Arrays.copyOf(json, (json.length + 7) / 8 * 8);
        Arrays.fill(padded, json.length, padded.length, (byte) ' ');
        return padded;
    }

    private record Entry(String name, DType dtype, int[] shape, long begin, long end) {
    }

    private record Header(List<Entry> entries, Map<String, String> metadata, long end) {
    }

    private static Header parseHeader(Path file, byte[] bytes) throws FileFormatException {
        String text;
        try {
            text = Json.strictUtf8(bytes);
        } catch (CharacterCodingException e) {
            throw new FileFormatException(file, "the header is not valid UTF-8", e);
        }
        if (!text.startsWith("{")) throw new FileFormatException(file, "the header does not start with '{'");
        Object json;
        try {
            json = Json.parse(text);
        } catch (IllegalArgumentException e) {
            throw new FileFormatException(file, "invalid JSON header: " + e.getMessage(), e);
        }
        Map<?, ?> top = (Map<?, ?>) json; // starts with '{' and parsed: an object
        Map<String, String> metadata = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<?, ?> kv : top.entrySet()) {
            String name = (String) kv.getKey();
            if (name.equals(METADATA_KEY)) {
                if (!(kv.getValue() instanceof Map<?, ?> m)) {
                    throw new FileFormatException(file, "'" + METADATA_KEY + "' must be an object of strings");
                }
                for (Map.Entry<?, ?> mv : m.entrySet()) {
                    if (!(mv.getValue() instanceof String s)) {
                        throw new FileFormatException(file, "'" + METADATA_KEY + "' value of " + Json.quote(
                                (String) mv.getKey()) + " is not a string");
                    }
                    metadata.put((String) mv.getKey(), s);
                }
            } else {
                entries.add(entry(file, name, kv.getValue()));
            }
        }
        entries.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long cursor = 0;
        for (Entry e : entries) {
            if (e.begin != cursor || e.end < e.begin) {
                throw new FileFormatException(file, "tensor '" + e.name + "' has invalid data_offsets [" + e.begin
                        + ", " + e.end + "]: tensor data must be contiguous, and the previous tensor ends at "
                        + cursor);
            }
            long need = TensorBytes.byteSize(e.dtype, e.shape);
            if (e.end - e.begin != need) {
                throw new FileFormatException(file, "tensor '" + e.name + "' has data_offsets [" + e.begin + ", "
                        + e.end + "] spanning " + (e.end - e.begin) + " bytes, but dtype " + code(e.dtype)
                        + " and shape " + Arrays.toString(e.shape) + " need " + need);
            }
            cursor = e.end;
        }
        return new Header(entries, Collections.unmodifiableMap(metadata), cursor);
    }

    private static Entry entry(Path file, String name, Object value) throws FileFormatException {
        String where = "tensor '" + name + "'";
        if (!(value instanceof Map<?, ?> info)) {
            throw new FileFormatException(file, where + ": expected an object with dtype, shape and data_offsets");
        }
        for (Object key : info.keySet()) {
            if (!List.of("dtype", "shape", "data_offsets").contains(key)) {
                throw new FileFormatException(file, where + ": unknown field " + Json.quote((String) key));
            }
        }
        if (!(info.get("dtype") instanceof String code)) {
            throw new FileFormatException(file, where + ": missing or non-string dtype");
        }
        int at = CODES.indexOf(code);
        if (at < 0) {
            throw new FileFormatException(file, where + ": unsupported dtype " + Json.quote(code)
                    + " (Nabla reads " + String.join(", ", CODES) + ")");
        }
        long[] shape = naturals(file, where, "shape", info.get("shape"), -1);
        long[] offsets = naturals(file, where, "data_offsets", info.get("data_offsets"), 2);
        int[] dims = new int[shape.length];
        long numel = 1;
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] <= Integer.MAX_VALUE) numel *= shape[d];
            if (shape[d] > Integer.MAX_VALUE || numel > Integer.MAX_VALUE) {
                throw new FileFormatException(file, where + ": shape " + Arrays.toString(shape)
                        + " has more elements than a tensor can hold");
            }
            dims[d] = (int) shape[d];
        }
        return new Entry(name, DTYPES.get(at), dims, offsets[0], offsets[1]);
    }

    /** A JSON array of non-negative integers ({@code length} of them unless it is -1). */
    private static long[] naturals(Path file, String where, String field, Object value, int length)
            throws FileFormatException {
        if (!(value instanceof List<?> list) || (length >= 0 && list.size() != length)) {
            throw new FileFormatException(file, where + ": " + field + " must be an array of "
                    + (length >= 0 ? length + " " : "") + "non-negative integers, got " + describe(value));
        }
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            Object v = list.get(i);
            if (!(v instanceof Long l) || l < 0) {
                String shown = v instanceof BigDecimal big ? big.toString() : describe(v);
                throw new FileFormatException(file, where + ": " + field + " must hold non-negative integers, got "
                        + shown);
            }
            out[i] = l;
        }
        return out;
    }

    private static String describe(Object v) {
        if (v == null) return "nothing";
        if (v instanceof String s) return Json.quote(s);
        return v.toString();
    }

    private static String code(DType dtype) {
        return CODES.get(DTYPES.indexOf(dtype));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
