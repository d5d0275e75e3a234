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
import java.util.Arrays;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NpyTest {
    @TempDir
    Path dir;

    /** A .npy file: magic, version, little-endian header length (2 bytes for 1.0, else 4), header, data. */
    static byte[] npy(int major, String header, byte[] data) {
        byte[] h = header.getBytes(StandardCharsets.ISO_8859_1);
        int lengthBytes = major == 1 ? 2 : 4;
        ByteBuffer b = ByteBuffer.allocate(8 + lengthBytes + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        if (major == 1) b.putShort((short) h.length);
        else b.putInt(h.length);
        return b.put(h).put(data).array();
    }

    static byte[] le(double... values) {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) b.putDouble(v);
        return b.array();
    }

    @Test
    void readsHandAssembledFilesOfEachVersion() throws IOException {
        Path v1 = write(npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }\n", le(1.5, -2, 1e300)));
        Tensor t = Npy.load(v1);
        assertEquals(DType.FLOAT64, t.dtype());
        assertArrayEquals(new int[] {3}, t.shape());
        assertArrayEquals(new double[] {1.5, -2, 1e300}, t.toDoubleArray());

        // Version 2.0 (4-byte length), keys in another order, double quotes, no trailing comma, unaligned.
        byte[] ints = {1, 0, 0, 0, (byte) 0xfe, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        Path v2 = write(npy(2, "{\"shape\": (1, 2), \"fortran_order\": False, \"descr\": \"<i4\"}   \n", ints));
        Tensor i = Npy.load(v2);
        assertEquals(DType.INT32, i.dtype());
        assertArrayEquals(new int[] {1, 2}, i.shape());
        assertArrayEquals(new int[] {1, -2}, i.toIntArray());

        Path v3 = write(npy(3, "{'descr': '|b1', 'fortran_order': False, 'shape': (), }\n", new byte[] {1}));
        Tensor b = Npy.load(v3);
        assertEquals(0, b.dim());
        assertTrue(b.itemBoolean());
    }

    @Test
    void writesTheBytesNumPyWrites() throws IOException {
        // np.save output (numpy 2.4) for each array, as hex.
        assertWrites("934e554d5059010076007b276465736372273a20273c6634272c2027666f727472616e5f6f72646572273a2046616c73"
                + "652c20277368617065273a2028322c2033292c207d202020202020202020202020202020202020202020202020202020"
                + "202020202020202020202020202020202020202020202020202020202020200a0000c03f000000c00000404000008040"
                + "0000a0400000c840",
                Nabla.tensor(new float[] {1.5f, -2, 3, 4, 5, 6.25f}, 2, 3));
        assertWrites("934e554d5059010076007b276465736372273a20273c6938272c2027666f727472616e5f6f72646572273a2046616c73"
                + "652c20277368617065273a2028292c207d20202020202020202020202020202020202020202020202020202020202020"
                + "202020202020202020202020202020202020202020202020202020202020200a0700000000000000",
                Nabla.tensor(7L));
        assertWrites("934e554d5059010076007b276465736372273a20277c6231272c2027666f727472616e5f6f72646572273a2046616c73"
                + "652c20277368617065273a2028332c292c207d2020202020202020202020202020202020202020202020202020202020"
                + "202020202020202020202020202020202020202020202020202020202020200a010001",
                Nabla.tensor(new boolean[] {true, false, true}));
        assertWrites("934e554d5059010076007b276465736372273a20273c6638272c2027666f727472616e5f6f72646572273a2046616c73"
                + "652c20277368617065273a2028302c2033292c207d202020202020202020202020202020202020202020202020202020"
                + "202020202020202020202020202020202020202020202020202020202020200a",
                Nabla.zeros(DType.FLOAT64, 0, 3));
        assertWrites("934e554d5059010076007b276465736372273a20273c6934272c2027666f727472616e5f6f72646572273a2046616c73"
                + "652c20277368617065273a2028332c292c207d2020202020202020202020202020202020202020202020202020202020"
                + "202020202020202020202020202020202020202020202020202020202020200a000000000100000002000000",
                Nabla.tensor(new int[] {0, 1, 2}));
    }

    @Test
    void roundTripsEveryDtype() throws IOException {
        Tensor[] tensors = {
            Nabla.tensor(new float[] {Float.NaN, -0f, Float.MAX_VALUE, 1}, 2, 1, 2),
            Nabla.tensor(new double[] {Double.NEGATIVE_INFINITY, Double.MIN_VALUE}),
            Nabla.tensor(new int[] {Integer.MIN_VALUE, 7}),
            Nabla.tensor(new long[] {Long.MAX_VALUE, -1}, 2, 1),
            Nabla.tensor(new boolean[] {false, true}),
            Nabla.tensor(0.25),
            Nabla.tensor(new float[] {1, 2, 3, 4, 5, 6}, 2, 3).t(),
        };
        for (Tensor t : tensors) {
            Path f = dir.resolve("t.npy");
            Npy.save(f, t);
            Tensor back = Npy.load(f);
            assertEquals(t.dtype(), back.dtype());
            assertArrayEquals(t.shape(), back.shape());
            assertArrayEquals(t.toDoubleArray(), back.toDoubleArray());
            long headerBytes = Files.size(f) - t.numel() * (long) t.dtype().itemSize();
            assertEquals(0, headerBytes % 64, "the data starts at a multiple of 64");
        }
    }

    @Test
    void rejectsBadFilesNamingTheFileAndTheProblem() throws IOException {
        String h = "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }\n";
        assertRejected(Arrays.copyOf("PK\u0003\u0004 not npy".getBytes(StandardCharsets.ISO_8859_1), 12),
                "not a .npy file");
        byte[] v4 = npy(1, h, le(1, 2));
        v4[6] = 4;
        assertRejected(v4, "unsupported .npy format version 4.0");
        assertRejected(Arrays.copyOf(npy(1, h, le(1, 2)), 20), "truncated header: its length is " + h.length()
                + " bytes but only 10 follow");
        assertRejected(npy(1, h, le(1)), "truncated payload: shape [2] of <f8 needs 16 bytes of data, but only 8 "
                + "follow the header");
        assertRejected(npy(1, h, le(1, 2, 3)), "header/length mismatch: more bytes follow the 16 bytes of data");
        assertRejected(npy(1, h.replace("<f8", ">f8"), le(1, 2)), "unsupported dtype descr '>f8' (Nabla reads <f4, "
                + "<f8, <i4, <i8, |b1)");
        assertRejected(npy(1, h.replace("<f8", "<f2"), le(1, 2)), "unsupported dtype descr '<f2'");
        assertRejected(npy(1, h.replace("False", "True"), le(1, 2)), "fortran_order True (column-major data) is "
                + "not supported");
        assertRejected(npy(1, h.replace("(2,)", "(2)"), le(1, 2)), "invalid header: shape (2) is not a tuple");
        assertRejected(npy(1, h.replace("(2,)", "(-2,)"), le(1, 2)), "invalid header: shape must be a tuple of "
                + "non-negative integers");
        assertRejected(npy(1, "{'descr': '<f8', 'shape': (2,), }\n", le(1, 2)),
                "the header must have the keys descr, fortran_order and shape");
        assertRejected(npy(1, h.replace("}", "'extra': 1, }"), le(1, 2)), "unexpected key 'extra'");
        assertRejected(npy(1, h.replace("<f8", "|b1"), new byte[] {0, 3}),
                "the array: element 1 of a bool tensor is the byte 3, not 0 or 1");
    }

    private void assertWrites(String numpyHex, Tensor t) throws IOException {
        Path f = dir.resolve("w.npy");
        Npy.save(f, t);
        assertEquals(numpyHex, HexFormat.of().formatHex(Files.readAllBytes(f)));
    }

    private Path write(byte[] contents) throws IOException {
        return Files.write(dir.resolve("hand.npy"), contents);
    }

    private void assertRejected(byte[] contents, String problem) throws IOException {
        Path f = Files.write(dir.resolve("corrupt.npy"), contents);
        FileFormatException e = assertThrows(FileFormatException.class, () -> Npy.load(f));
        assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }
}
