package dev.nabla;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** getState/setState: PyTorch's CPUGeneratorImplState byte layout and exact resumption. */
class GeneratorStateTest {
    private static ByteBuffer le(byte[] state) {
        return ByteBuffer.wrap(state).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Edits a state so that the next 32-bit draw is {@code output}: word 0 untempered, no twist pending. */
    static void setNextWord(byte[] state, int output) {
        ByteBuffer b = le(state);
        b.putInt(8, 2); // left: one read before the next twist
        b.putLong(16, 0); // next
        b.putLong(24, untemper(output) & 0xffffffffL);
    }

    /** The inverse of MT19937's output tempering. */
    private static int untemper(int y) {
        y ^= y >>> 18;
        y ^= (y << 15) & 0xefc60000;
        int x = y;
        for (int i = 0; i < 5; i++) x = y ^ ((x << 7) & 0x9d2c5680);
        y = x;
        for (int i = 0; i < 3; i++) x = y ^ (x >>> 11);
        return x;
    }

    @Test
    void aFreshStateHasPyTorchsLayout() {
        // struct CPUGeneratorImplState { legacy_pod { uint64 seed; int left; int seeded; uint64 next;
        // uint64 state[624]; double normal_x, normal_y, normal_rho; int normal_is_valid; } float; bool; }
        byte[] s = new Generator(Generator.DEFAULT_SEED).getState();
        assertEquals(5056, s.length);
        ByteBuffer b = le(s);
        assertEquals(67280421310721L, b.getLong(0));
        assertEquals(1, b.getInt(8), "left");
        assertEquals(1, b.getInt(12), "seeded");
        assertEquals(0, b.getLong(16), "next");
        assertEquals(67280421310721L & 0xffffffffL, b.getLong(24), "state[0] is the low 32 bits of the seed");
        assertEquals(0, b.getInt(5040), "normal_is_valid");
        assertEquals(0, b.get(5052), "is_next_float_normal_sample_valid");
    }

    @Test
    void theCachedNormalIsStoredAsNormalY() {
        Generator g = new Generator(0);
        double[] one = new double[1];
        g.normal(one, 0, 1);
        ByteBuffer b = le(g.getState());
        assertEquals(1, b.getInt(5040));
        assertEquals(-0.2934, b.getDouble(5024), 5.01e-5); // the sine sample torch.randn(2, 3)[0, 1] shows
        assertEquals(621, b.getInt(8), "left after one twist and four draws");
        assertEquals(4, b.getLong(16), "next");
    }

    @Test
    void restoringAStateResumesTheExactSequenceIncludingTheCache() {
        Generator g = new Generator(99);
        double[] skip = new double[3];
        g.normal(skip, 0, 1); // odd count: a sine sample stays cached
        byte[] saved = g.getState();
        double[] expected = new double[40];
        float[] expectedFloats = new float[700]; // crosses a twist
        g.normal(new double[1], 0, 1);
        g.uniform(expectedFloats, 0, 1);
        g.normal(expected, 0, 1);

        Generator h = new Generator(1).setState(saved);
        assertEquals(99, h.initialSeed());
        assertArrayEquals(saved, h.getState());
        h.normal(new double[1], 0, 1);
        float[] floats = new float[700];
        h.uniform(floats, 0, 1);
        double[] actual = new double[40];
        h.normal(actual, 0, 1);
        assertArrayEquals(expectedFloats, floats);
        assertArrayEquals(expected, actual);
    }

    @Test
    void theFloatNormalCacheOfAPyTorchStateRoundTrips() {
        byte[] s = new Generator(0).getState();
        le(s).putFloat(5048, 0.75f);
        s[5052] = 1;
        byte[] back = new Generator(5).setState(s).getState();
        assertArrayEquals(s, back);
        byte[] reseeded = new Generator(5).setState(s).manualSeed(0).getState();
        assertEquals(0, reseeded[5052], "manualSeed clears the float cache too");
    }

    @Test
    void aCraftedStateControlsTheNextWord() {
        byte[] s = new Generator(0).getState();
        setNextWord(s, 0x12345678);
        long[] v = new long[1];
        new Generator(0).setState(s).randint(v, 0, 1000);
        assertEquals(0x12345678L % 1000, v[0]);
        float[] f = new float[1];
        new Generator(0).setState(s).uniform(f, 0, 1);
        assertEquals(0x345678 * 0x1p-24f, f[0]);
    }

    @Test
    void invalidStatesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Generator().setState(new byte[5048]));
        assertTrue(e.getMessage().contains("5056") && e.getMessage().contains("5048"), e.getMessage());
        byte[] unseeded = new Generator().getState();
        le(unseeded).putInt(12, 0);
        assertThrows(IllegalArgumentException.class, () -> new Generator().setState(unseeded));
        byte[] badLeft = new Generator().getState();
        le(badLeft).putInt(8, 625);
        assertThrows(IllegalArgumentException.class, () -> new Generator().setState(badLeft));
        byte[] pastTheEnd = new Generator().getState();
        le(pastTheEnd).putInt(8, 10);
        le(pastTheEnd).putLong(16, 620);
        assertThrows(IllegalArgumentException.class, () -> new Generator().setState(pastTheEnd));
    }
}
