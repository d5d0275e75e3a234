package dev.nabla.nn.io;

import dev.nabla.DType;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NpzTest {
    /** {@code np.savez(f, weight=np.array([[1, 2], [3, 4]], dtype='<f4'), step=np.array(5))} (numpy 2.4). */
    private static final String NUMPY_SAVEZ =
            "UEsDBC0AAAAAAAAAIQBO+yB1//////////8KABQAd2VpZ2h0Lm5weQEAEACQAAAAAAAAAJAAAAAAAAAAk05VTVBZAQB2AHsnZGVz"
            + "Y3InOiAnPGY0JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsIDIpLCB9ICAgICAgICAgICAgICAgICAgICAg"
            + "ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAIA/AAAAQAAAQEAAAIBAUEsDBC0AAAAAAAAAIQBev9Uu////"
            + "//////8IABQAc3RlcC5ucHkBABAAiAAAAAAAAACIAAAAAAAAAJNOVU1QWQEAdgB7J2Rlc2NyJzogJzxpOCcsICdmb3J0cmFuX29y"
            + "ZGVyJzogRmFsc2UsICdzaGFwZSc6ICgpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAg"
            + "ICAgICAgICAgICAgICAKBQAAAAAAAABQSwECLQMtAAAAAAAAACEATvsgdZAAAACQAAAACgAAAAAAAAAAAAAAgAEAAAAAd2VpZ2h0"
            + "Lm5weVBLAQItAy0AAAAAAAAAIQBev9UuiAAAAIgAAAAIAAAAAAAAAAAAAACAAcwAAABzdGVwLm5weVBLBQYAAAAAAgACAG4AAACO"
            + "AQAAAAA=";
    /** {@code np.savez_compressed(f, mask=np.array([True, False, True, True]))} (numpy 2.4). */
    private static final String NUMPY_SAVEZ_COMPRESSED =
            "UEsDBC0AAAAIAAAAIQCC9FQ6//////////8IABQAbWFzay5ucHkBABAAhAAAAAAAAABIAAAAAAAAAJvsF+obEMnIUMZQrZ6SWpxc"
            + "pG6loF6TZKiuo6Cell9UUpSYF59flJIKEndLzClOBYoXZyQWpAL5GiY6mjoKtQoUAC5GBkZGAFBLAQItAy0AAAAIAAAAIQCC9FQ6"
            + "SAAAAIQAAAAIAAAAAAAAAAAAAACAAQAAAABtYXNrLm5weVBLBQYAAAAAAQABADYAAACCAAAAAAA=";

    @TempDir
    Path dir;

    @Test
    void readsWhatNumPyWrites() throws IOException {
        Path numpy = Files.write(dir.resolve("np.npz"), Base64.getDecoder().decode(NUMPY_SAVEZ));
        Map<String, Tensor> stored = Npz.load(numpy);
        assertEquals(List.of("weight", "step"), new ArrayList<>(stored.keySet()));
        assertEquals(DType.FLOAT32, stored.get("weight").dtype());
        assertArrayEquals(new int[] {2, 2}, stored.get("weight").shape());
        assertArrayEquals(new float[] {1, 2, 3, 4}, stored.get("weight").toFloatArray());
        assertEquals(0, stored.get("step").dim());
        assertEquals(5, stored.get("step").itemLong());

        Map<String, Tensor> deflated = Npz.load(Files.write(dir.resolve("npc.npz"),
                Base64.getDecoder().decode(NUMPY_SAVEZ_COMPRESSED)));
        assertArrayEquals(new boolean[] {true, false, true, true}, deflated.get("mask").toBooleanArray());
    }

    @Test
    void writesArchivesWhoseEntriesAreNumPysNpyBytes() throws IOException {
        Map<String, Tensor> arrays = new LinkedHashMap<>();
        arrays.put("weight", Nabla.tensor(new float[] {1, 2, 3, 4}, 2, 2));
        arrays.put("step", Nabla.tensor(5L));
        Path stored = dir.resolve("s.npz");
        Path deflated = dir.resolve("d.npz");
        Npz.save(stored, arrays);
        Npz.saveCompressed(deflated, arrays);
        Map<String, byte[]> numpy = entries(Files.write(dir.resolve("np.npz"),
                Base64.getDecoder().decode(NUMPY_SAVEZ)));
        for (Path archive : new Path[] {stored, deflated}) {
            try (ZipFile zip = new ZipFile(archive.toFile())) {
                List<String> names = zip.stream().map(ZipEntry::getName).toList();
                assertEquals(List.of("weight.npy", "step.npy"), names);
                int method = archive == stored ? ZipEntry.STORED : ZipEntry.DEFLATED;
                zip.stream().forEach(e -> assertEquals(method, e.getMethod(), e.getName()));
            }
            Map<String, byte[]> ours = entries(archive);
            for (String name : numpy.keySet()) {
                assertEquals(HexFormat.of().formatHex(numpy.get(name)), HexFormat.of().formatHex(ours.get(name)), name);
            }
            Map<String, Tensor> back = Npz.load(archive);
            assertArrayEquals(new float[] {1, 2, 3, 4}, back.get("weight").toFloatArray());
            assertEquals(5, back.get("step").itemLong());
        }
    }

    @Test
    void rejectsBadArchivesNamingTheFileAndTheProblem() throws IOException {
        assertRejected(new byte[] {1, 2, 3, 4, 5}, "not a valid .npz (zip) archive");
        assertRejected(zip("notes.txt", new byte[] {1}), "entry 'notes.txt' is not a .npy file");
        byte[] npy = NpyTest.npy(1, "{'descr': '<i8', 'fortran_order': False, 'shape': (2,), }\n", new byte[12]);
        assertRejected(zip("a.npy", npy), "entry 'a.npy': truncated payload: shape [2] of <i8 needs 16 bytes");
        assertRejected(zip("a.npy", new byte[] {'P', 'K'}), "entry 'a.npy': not a .npy file");
    }

    private void assertRejected(byte[] contents, String problem) throws IOException {
        Path f = Files.write(dir.resolve("corrupt.npz"), contents);
        FileFormatException e = assertThrows(FileFormatException.class, () -> Npz.load(f));
        assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    private static byte[] zip(String name, byte[] contents) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(name));
            z.write(contents);
            z.closeEntry();
        }
        return out.toByteArray();
    }

    private static Map<String, byte[]> entries(Path archive) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            for (ZipEntry e : zip.stream().toList()) {
                try (InputStream in = zip.getInputStream(e)) {
                    out.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return out;
    }
}
