package dev.nabla.nn.io;

import dev.nabla.DType;
import dev.nabla.Tensor;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * NumPy's {@code .npy} format: the magic {@code \x93NUMPY}, a version, a header length (2 bytes in version 1.0,
 * 4 in 2.0 and 3.0), a Python dict literal {@code {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }}
 * padded so the data starts at a multiple of 64, then the elements. Nabla reads and writes the little-endian
 * dtypes {@code <f4 <f8 <i4 <i8 |b1} in C order, with the header bytes {@code np.save} would write.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final List<DType> DTYPES = List.of(DType.FLOAT32, DType.FLOAT64, DType.INT32, DType.INT64,
            DType.BOOL);
    private static final List<String> DESCRS = List.of("<f4", "<f8", "<i4", "<i8", "|b1");
    private static final int ALIGN = 64;
    private static final int GROWTH_AXIS_MAX_DIGITS = 21; // numpy leaves room to grow the first axis in place
    private static final int MAX_HEADER_BYTES = 100_000;

    private Npy() {
    }

    /** Writes {@code tensor} to {@code file} atomically, as {@code np.save} writes the same array. */
    public static void save(Path file, Tensor tensor) throws IOException {
        AtomicFile.write(file, out -> write(out, tensor));
    }

    /** Reads the array in {@code file}; a corrupt, truncated or unsupported file is a {@link FileFormatException}. */
    public static Tensor load(Path file) throws IOException {
        long size = Files.size(file);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(in, file, null, size);
        }
    }

    /** Writes the header and data of {@code tensor}. */
    static void write(OutputStream out, Tensor tensor) throws IOException {
        out.write(header(tensor.dtype(), tensor.shape()));
        TensorBytes.write(out, tensor);
    }

    /**
     * Reads one array from {@code in}, which must end right after it: the whole {@code file}, or its archive entry
     * named {@code entry} (null for a plain file); {@code available} is the stream's length, or -1 when unknown.
     */
    static Tensor read(InputStream in, Path file, String entry, long available) throws IOException {
        String where = entry == null ? "" : "entry '" + entry + "': ";
        byte[] magic = in.readNBytes(8);
        if (magic.length < 8 || !Arrays.equals(Arrays.copyOf(magic, 6), MAGIC)) {
            throw new FileFormatException(file, where + "not a .npy file: it does not start with the magic string "
                    + "\\x93NUMPY followed by a version");
        }
        int major = magic[6] & 0xff;
        int minor = magic[7] & 0xff;
        if (minor != 0 || major < 1 || major > 3) {
            throw new FileFormatException(file, where + "unsupported .npy format version " + major + "." + minor
                    + " (Nabla reads 1.0, 2.0 and 3.0)");
        }
        int lengthBytes = major == 1 ? 2 : 4;
        byte[] len = in.readNBytes(lengthBytes);
        if (len.length < lengthBytes) throw new FileFormatException(file, where + "truncated header length");
        ByteBuffer lb = ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = major == 1 ? lb.getShort() & 0xffff : lb.getInt() & 0xffffffffL;
        if (headerLength > MAX_HEADER_BYTES) {
            throw new FileFormatException(file, where + "header length " + headerLength + " exceeds the limit of "
                    + MAX_HEADER_BYTES + " bytes");
        }
        byte[] headerBytes = in.readNBytes((int) headerLength);
        if (headerBytes.length < headerLength) {
            throw new FileFormatException(file, where + "truncated header: its length is " + headerLength
                    + " bytes but only " + headerBytes.length + " follow");
        }
        NpyHeader header;
        try {
            header = NpyHeader.parse(decode(headerBytes, major));
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw new FileFormatException(file, where + "invalid header: " + e.getMessage(), e);
        }
        int at = DESCRS.indexOf(header.descr());
        if (at < 0) {
            throw new FileFormatException(file, where + "unsupported dtype descr '" + header.descr() + "' (Nabla reads "
                    + String.join(", ", DESCRS) + ")");
        }
        if (header.fortranOrder()) {
            throw new FileFormatException(file, where + "fortran_order True (column-major data) is not supported; "
                    + "save a C-ordered array");
        }
        DType dtype = DTYPES.get(at);
        long payload = TensorBytes.byteSize(dtype, header.shape());
        long headerTotal = 8 + lengthBytes + headerLength;
        if (available >= 0 && available - headerTotal < payload) {
            throw new FileFormatException(file, where + "truncated payload: shape " + Arrays.toString(header.shape())
                    + " of " + header.descr() + " needs " + payload + " bytes of data, but only "
                    + (available - headerTotal) + " follow the header");
        }
        Tensor t = TensorBytes.read(in, dtype, header.shape(), file, entry == null ? "the array" : "entry '"
                + entry + "'");
        if (in.read() != -1) {
            throw new FileFormatException(file, where + "header/length mismatch: more bytes follow the " + payload
                    + " bytes of data that shape " + Arrays.toString(header.shape()) + " of " + header.descr()
                    + " needs");
        }
        return t;
    }

    /** The magic, version, length and padded header that {@code np.save} writes for this dtype and shape. */
    static byte[] header(DType dtype, int[] shape) {
        StringBuilder dict = new StringBuilder("{'descr': '").append(DESCRS.get(DTYPES.indexOf(dtype)))
                .append("', 'fortran_order': False, 'shape': (");
        for (int d = 0; d < shape.length; d++) dict.append(d == 0 ? "" : ", ").append(shape[d]);
        dict.append(shape.length == 1 ? ",), }" : "), }");
        if (shape.length > 0) dict.append(" ".repeat(GROWTH_AXIS_MAX_DIGITS - Integer.toString(shape[0]).length()));
        byte[] text = dict.toString().getBytes(StandardCharsets.ISO_8859_1);
        int version = 1;
        int prefix = 6 + 2 + 2;
        int pad = ALIGN - (prefix + text.length + 1) % ALIGN; // numpy pads a full 64 when already aligned
        if (text.length + 1 + pad > 0xffff) { // numpy's choice: the oldest version whose length field fits
            version = 2;
            prefix = 6 + 2 + 4;
            pad = ALIGN - (prefix + text.length + 1) % ALIGN;
        }
        int length = text.length + pad + 1;
        ByteBuffer b = ByteBuffer.allocate(prefix + length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) version).put((byte) 0);
        if (version == 1) b.putShort((short) length);
        else b.putInt(length);
        b.put(text);
        for (int i = 0; i < pad; i++) b.put((byte) ' ');
        b.put((byte) '\n');
        return b.array();
    }

    private static String decode(byte[] bytes, int major) throws CharacterCodingException {
        if (major < 3) return new String(bytes, StandardCharsets.ISO_8859_1);
        return Json.strictUtf8(bytes);
    }
}
