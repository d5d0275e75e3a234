package dev.nabla.nn.io;

import dev.nabla.DType;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SafeTensorsTest {
    /**
     * What the reference implementation (Python safetensors 0.8.0, {@code safetensors.numpy.save_file}) writes for
     * w=[[1.5, -2, 3], [4, 5, 6]] (f32), step=7 (i64, 0-dim), mask=[True, False], d=[pi] (f64), i=[-1, 2, 3]
     * (i32) and empty=zeros((0, 3)) (f32), with metadata {"format": "pt"}.
     */
    private static final String REFERENCE_FILE =
            "eAEAAAAAAAB7Il9fbWV0YWRhdGFfXyI6eyJmb3JtYXQiOiJwdCJ9LCJzdGVwIjp7ImR0eXBlIjoiSTY0Iiwic2hhcGUiOltdLCJk"
            + "YXRhX29mZnNldHMiOlswLDhdfSwiZCI6eyJkdHlwZSI6IkY2NCIsInNoYXBlIjpbMV0sImRhdGFfb2Zmc2V0cyI6WzgsMTZdfSwi"
            + "ZW1wdHkiOnsiZHR5cGUiOiJGMzIiLCJzaGFwZSI6WzAsM10sImRhdGFfb2Zmc2V0cyI6WzE2LDE2XX0sInciOnsiZHR5cGUiOiJG"
            + "MzIiLCJzaGFwZSI6WzIsM10sImRhdGFfb2Zmc2V0cyI6WzE2LDQwXX0sImkiOnsiZHR5cGUiOiJJMzIiLCJzaGFwZSI6WzNdLCJk"
            + "YXRhX29mZnNldHMiOls0MCw1Ml19LCJtYXNrIjp7ImR0eXBlIjoiQk9PTCIsInNoYXBlIjpbMl0sImRhdGFfb2Zmc2V0cyI6WzUy"
            + "LDU0XX19ICAgBwAAAAAAAAAYLURU+yEJQAAAwD8AAADAAABAQAAAgEAAAKBAAADAQP////8CAAAAAwAAAAEA";

    @TempDir
    Path dir;

    /** A safetensors file: the header length as 8 little-endian bytes, the header, the data. */
    static byte[] file(String header, byte[] data) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length).put(h)
                .put(data).array();
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < b.length; i++) b[i] = (byte) values[i];
        return b;
    }

    @Test
    void readsAHandAssembledFile() throws IOException {
        // Entries out of offset order, whitespace inside the JSON, and the space padding writers add.
        String header = "{ \"w\": {\"dtype\": \"F32\", \"shape\": [2, 2], \"data_offsets\": [16, 32]},\n"
                + " \"__metadata__\": {\"format\": \"pt\", \"note\": \"caf\\u00e9\"},"
                + " \"step\": {\"data_offsets\": [0, 16], \"shape\": [2], \"dtype\": \"I64\"},"
                + " \"flags\": {\"dtype\": \"BOOL\", \"shape\": [3], \"data_offsets\": [32, 35]} }   ";
        byte[] data = bytes(
                7, 0, 0, 0, 0, 0, 0, 0, /* 7 */ 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, /* -1 */
                0, 0, 0xc0, 0x3f, /* 1.5f */ 0, 0, 0, 0xc0, /* -2f */
                0, 0, 0x80, 0x3e, /* 0.25f */ 0, 0, 0x40, 0x40, /* 3f */
                1, 0, 1);
        Path f = Files.write(dir.resolve("hand.safetensors"), file(header, data));
        SafeTensors.Contents c = SafeTensors.load(f);
        assertEquals(List.of("step", "w", "flags"), new ArrayList<>(c.tensors().keySet()));
        Tensor step = c.tensors().get("step");
        assertEquals(DType.INT64, step.dtype());
        assertArrayEquals(new long[] {7, -1}, step.toLongArray());
        Tensor w = c.tensors().get("w");
        assertEquals(DType.FLOAT32, w.dtype());
        assertArrayEquals(new int[] {2, 2}, w.shape());
        assertArrayEquals(new float[] {1.5f, -2f, 0.25f, 3f}, w.toFloatArray());
        assertArrayEquals(new boolean[] {true, false, true}, c.tensors().get("flags").toBooleanArray());
        assertEquals(Map.of("format", "pt", "note", "café"), c.metadata());
    }

    @Test
    void readsAndRewritesTheReferenceImplementationsFile() throws IOException {
        byte[] reference = Base64.getDecoder().decode(REFERENCE_FILE);
        SafeTensors.Contents c = SafeTensors.load(Files.write(dir.resolve("ref.safetensors"), reference));
        assertEquals(List.of("step", "d", "empty", "w", "i", "mask"), new ArrayList<>(c.tensors().keySet()));
        assertEquals(7, c.tensors().get("step").itemLong());
        assertEquals(0, c.tensors().get("step").dim());
        assertArrayEquals(new double[] {Math.PI}, c.tensors().get("d").toDoubleArray());
        assertArrayEquals(new int[] {0, 3}, c.tensors().get("empty").shape());
        assertArrayEquals(new float[] {1.5f, -2, 3, 4, 5, 6}, c.tensors().get("w").toFloatArray());
        assertEquals(DType.INT32, c.tensors().get("i").dtype());
        assertArrayEquals(new int[] {-1, 2, 3}, c.tensors().get("i").toIntArray());
        assertArrayEquals(new boolean[] {true, false}, c.tensors().get("mask").toBooleanArray());
        assertEquals(Map.of("format", "pt"), c.metadata());

        Path ours = dir.resolve("ours.safetensors");
        SafeTensors.save(ours, c.tensors(), c.metadata());
        assertArrayEquals(reference, Files.readAllBytes(ours), "Nabla writes the reference's bytes");
    }

    @Test
    void writesTheBytesOfTheReferenceImplementation() throws IOException {
        // The reference implementation's own serialization test: "attn.0", F32 [1, 2, 3] holding 0..5.
        Path f = dir.resolve("attn.safetensors");
        SafeTensors.save(f, Map.of("attn.0", Nabla.tensor(new float[] {0, 1, 2, 3, 4, 5}, 1, 2, 3)));
        String header = "{\"attn.0\":{\"dtype\":\"F32\",\"shape\":[1,2,3],\"data_offsets\":[0,24]}}";
        assertEquals(64, header.length());
        byte[] data = bytes(0, 0, 0, 0, 0, 0, 0x80, 0x3f, 0, 0, 0, 0x40, 0, 0, 0x40, 0x40, 0, 0, 0x80, 0x40, 0, 0,
                0xa0, 0x40);
        assertArrayEquals(file(header, data), Files.readAllBytes(f));

        // Its empty-file test: only metadata, padded with spaces to a multiple of 8.
        SafeTensors.save(f, Map.of(), Map.of("framework", "pt"));
        assertArrayEquals(file("{\"__metadata__\":{\"framework\":\"pt\"}}     ", new byte[0]), Files.readAllBytes(f));
        SafeTensors.save(f, Map.of());
        assertArrayEquals(file("{}      ", new byte[0]), Files.readAllBytes(f));
    }

    @Test
    void writtenFilesPassAnIndependentByteLevelCheck() throws IOException {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("b", Nabla.tensor(new boolean[] {true, false}));
        tensors.put("i", Nabla.tensor(new int[] {-3, 70000}));
        tensors.put("z", Nabla.tensor(new float[] {0.5f}));
        tensors.put("a", Nabla.tensor(new float[] {-1f, 2f}));
        tensors.put("d", Nabla.tensor(new double[] {Math.PI}));
        tensors.put("l", Nabla.tensor(new long[] {Long.MIN_VALUE, 5}));
        Path f = dir.resolve("mixed.safetensors");
        SafeTensors.save(f, tensors, Map.of("k\"ey", "line\nbreak"));
        byte[] all = Files.readAllBytes(f);
        ByteBuffer bb = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        int n = (int) bb.getLong();
        assertEquals(0, n % 8, "header length is padded to a multiple of 8");
        String header = new String(all, 8, n, StandardCharsets.UTF_8);
        assertTrue(header.startsWith("{\"__metadata__\":{\"k\\\"ey\":\"line\\nbreak\"},"), header);
        assertEquals(header.stripTrailing().length(), header.lastIndexOf('}') + 1);

        // The reference order: I64, F64, F32 (by name), I32, BOOL, with contiguous offsets.
        Matcher m = Pattern.compile("\"(\\w)\":\\{\"dtype\":\"(\\w+)\",\"shape\":\\[(\\d*)\\],\"data_offsets\":"
                + "\\[(\\d+),(\\d+)\\]\\}").matcher(header);
        List<String> order = new ArrayList<>();
        int expectedBegin = 0;
        ByteBuffer data = ByteBuffer.wrap(all, 8 + n, all.length - 8 - n).slice().order(ByteOrder.LITTLE_ENDIAN);
        while (m.find()) {
            order.add(m.group(1) + ":" + m.group(2));
            int begin = Integer.parseInt(m.group(4));
            int end = Integer.parseInt(m.group(5));
            assertEquals(expectedBegin, begin);
            expectedBegin = end;
            switch (m.group(1)) {
                case "l" -> assertEquals(Long.MIN_VALUE, data.getLong(begin));
                case "d" -> assertEquals(Math.PI, data.getDouble(begin));
                case "a" -> assertEquals(2f, data.getFloat(begin + 4));
                case "z" -> assertEquals(0.5f, data.getFloat(begin));
                case "i" -> assertEquals(70000, data.getInt(begin + 4));
                case "b" -> assertEquals(1, data.get(begin));
                default -> throw new AssertionError(m.group(1));
            }
        }
        assertEquals(List.of("l:I64", "d:F64", "a:F32", "z:F32", "i:I32", "b:BOOL"), order);
        assertEquals(all.length - 8 - n, expectedBegin, "the data ends where the last tensor ends");
    }

    @Test
    void roundTripsEveryDtypeZeroDimAndEmptyTensors() throws IOException {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("f32", Nabla.tensor(new float[] {Float.NaN, Float.NEGATIVE_INFINITY, -0f, 1e-45f, 3.4e38f, 1},
                2, 3));
        tensors.put("f64", Nabla.tensor(new double[] {Double.MIN_VALUE, -Double.MAX_VALUE, Double.NaN}));
        tensors.put("i32", Nabla.tensor(new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1}, 2, 1, 2));
        tensors.put("i64", Nabla.tensor(new long[] {Long.MIN_VALUE, Long.MAX_VALUE}));
        tensors.put("bool", Nabla.tensor(new boolean[] {true, false, false, true}, 4, 1));
        tensors.put("scalar", Nabla.tensor(2.5));
        tensors.put("scalarLong", Nabla.tensor(-9L));
        tensors.put("empty", Nabla.zeros(0, 3));
        tensors.put("transposed", Nabla.tensor(new float[] {1, 2, 3, 4, 5, 6}, 2, 3).t());
        Path f = dir.resolve("all.safetensors");
        SafeTensors.save(f, tensors, Map.of("epoch", "3"));
        SafeTensors.Contents c = SafeTensors.load(f);
        assertEquals(tensors.keySet(), c.tensors().keySet());
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            Tensor back = c.tensors().get(e.getKey());
            assertEquals(e.getValue().dtype(), back.dtype(), e.getKey());
            assertArrayEquals(e.getValue().shape(), back.shape(), e.getKey());
            assertArrayEquals(e.getValue().toDoubleArray(), back.toDoubleArray(), e.getKey());
        }
        assertArrayEquals(new long[] {Long.MIN_VALUE, Long.MAX_VALUE}, c.tensors().get("i64").toLongArray());
        assertEquals(0, c.tensors().get("scalar").dim());
        assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, c.tensors().get("transposed").toFloatArray());
        assertEquals(Map.of("epoch", "3"), c.metadata());
    }

    @Test
    void refusesToNameATensorMetadata() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SafeTensors.save(dir.resolve("x"), Map.of("__metadata__", Nabla.zeros(1))));
        assertTrue(e.getMessage().contains("'__metadata__' is reserved"), e.getMessage());
    }

    @Test
    void rejectsCorruptFilesNamingTheFileAndTheProblem() throws IOException {
        String w = "\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}";
        byte[] data = new byte[8];
        assertRejected(bytes(1, 0, 0), "the file has 3 bytes, fewer than the 8 of the header length");
        assertRejected(ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 40).array(),
                "header length 1099511627776 exceeds the 100000000-byte limit");
        assertRejected(ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(-1).array(),
                "header length 18446744073709551615 exceeds");
        assertRejected(ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putLong(50).array(),
                "truncated header: the header length is 50 bytes but only 4 follow");
        byte[] badUtf8 = file("{\"x\":1}", new byte[0]);
        badUtf8[10] = (byte) 0xff;
        assertRejected(badUtf8, "the header is not valid UTF-8");
        assertRejected(file(" {" + w + "}", data), "the header does not start with '{'");
        assertRejected(file("{" + w, data), "invalid JSON header: unexpected end of input, expected ',' or '}'");
        assertRejected(file("{" + w + "," + w + "}", data), "invalid JSON header: duplicate key \"w\"");
        assertRejected(file("{" + w.replace("F32", "F16") + "}", new byte[4]),
                "tensor 'w': unsupported dtype \"F16\" (Nabla reads BOOL, I32, F32, F64, I64)");
        assertRejected(file("{" + w.replace("[2]", "[-2]") + "}", data),
                "tensor 'w': shape must hold non-negative integers, got -2");
        assertRejected(file("{" + w.replace("[2]", "[2.0]") + "}", data), "shape must hold non-negative integers, "
                + "got 2.0");
        assertRejected(file("{" + w.replace("[0,8]", "[0]") + "}", data),
                "data_offsets must be an array of 2 non-negative integers");
        assertRejected(file("{" + w.replace("[0,8]", "[0,12]") + "}", new byte[12]),
                "tensor 'w' has data_offsets [0, 12] spanning 12 bytes, but dtype F32 and shape [2] need 8");
        assertRejected(file("{" + w.replace("[0,8]", "[4,12]") + "}", new byte[12]),
                "tensor 'w' has invalid data_offsets [4, 12]: tensor data must be contiguous");
        assertRejected(file("{" + w.replace("}", ",\"extra\":1}") + "}", data), "tensor 'w': unknown field \"extra\"");
        assertRejected(file("{\"__metadata__\":{\"a\":1}," + w + "}", data), "'__metadata__' value of \"a\" is not a "
                + "string");
        assertRejected(file("{" + w + "}", new byte[7]),
                "truncated payload: the header describes 8 bytes of tensor data but the file holds 7");
        assertRejected(file("{" + w + "}", new byte[9]),
                "header/length mismatch: the file holds 1 bytes after the 8 bytes of tensor data");
        assertRejected(file("{\"m\":{\"dtype\":\"BOOL\",\"shape\":[2],\"data_offsets\":[0,2]}}", bytes(1, 2)),
                "tensor 'm': element 1 of a bool tensor is the byte 2, not 0 or 1");
    }

    private void assertRejected(byte[] contents, String problem) throws IOException {
        Path f = Files.write(dir.resolve("corrupt.safetensors"), contents);
        FileFormatException e = assertThrows(FileFormatException.class, () -> SafeTensors.load(f));
        assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }
}
