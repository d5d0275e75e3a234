package dev.nabla.cpu;

import dev.nabla.DType;
import dev.nabla.cpu.simd.ElementwiseKernels;
import dev.nabla.cpu.simd.GemmProvider;
import dev.nabla.spi.BinaryOp;
import dev.nabla.spi.Strided;
import dev.nabla.spi.UnaryOp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumSet;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Vector API run loops against the plain-Java kernels, through whole backends so that every way the elementwise
 * loop can cut a tensor is crossed with both: odd sizes around the vector length, operands at different offsets,
 * broadcast scalars, rows broadcast over a matrix, and transposed inputs that must be staged. Every op the run loops
 * cover gives the same bits on both paths, the float32 exp, log, sigmoid and tanh included (both evaluate
 * FloatMath's formulas with the same operations); NaN counts as one value.
 */
class ElementwisePathsTest {
    private static final int[] SIZES = {1, 2, 7, 8, 9, 13, 15, 16, 17, 31, 33, 64, 100, 4098, 70001};
    private static final Set<UnaryOp> FLOAT_UNARY = EnumSet.complementOf(EnumSet.of(UnaryOp.LOGICAL_NOT));
    private static final BinaryOp[] BINARY = {BinaryOp.ADD, BinaryOp.SUB, BinaryOp.MUL, BinaryOp.DIV, BinaryOp.POW,
        BinaryOp.MAXIMUM, BinaryOp.MINIMUM, BinaryOp.EQ, BinaryOp.NE, BinaryOp.LT, BinaryOp.LE, BinaryOp.GT,
        BinaryOp.GE};

    private static CpuBackend plain;
    private static CpuBackend vector;

    @BeforeAll
    static void backends() {
        assertTrue(GemmProvider.vectorAvailable(), "tests run with --add-modules jdk.incubator.vector (parent pom)");
        ElementwiseKernels loops = ElementwiseKernels.vector();
        assumeTrue(loops.unsuitable() == null, "the Vector API loops need hardware FMA");
        assertTrue(loops.supports(UnaryOp.EXP, DType.FLOAT32) && loops.supports(BinaryOp.LT, DType.FLOAT64));
        plain = new CpuBackend(ElementwiseKernels.plain(), Integer.MAX_VALUE);
        vector = new CpuBackend(loops, 1);
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void unaryOpsAgree(DType t) {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int n : SIZES) {
            Strided x = operand(t, n, 5, rnd);
            for (UnaryOp op : FLOAT_UNARY) {
                Call call = (k, o) -> k.unary(op, o, x);
                assertSameValues(op + " n=" + n, run(plain, t, n, call), run(vector, t, n, call));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void binaryOpsAgreeOnEveryOperandForm(DType t) {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int n : SIZES) {
            Strided a = operand(t, n, 3, rnd);
            Strided b = operand(t, n, 0, rnd);
            Strided s = scalar(t, n, rnd.nextInt(3) == 0 ? Float.NaN : (float) rnd.nextGaussian());
            Strided[][] forms = {{a, b}, {a, s}, {s, b}, {s, s}, {a, a}};
            for (BinaryOp op : BINARY) {
                DType o = op.isComparison() ? DType.BOOL : t;
                for (Strided[] f : forms) {
                    Call call = (k, out) -> k.binary(op, out, f[0], f[1]);
                    assertSameValues(op + " n=" + n, run(plain, o, n, call), run(vector, o, n, call));
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void whereAgreesOnEveryOperandForm(DType t) {
        SplittableRandom rnd = new SplittableRandom(13);
        for (int n : SIZES) {
            Strided c = mask(n, rnd);
            Strided a = operand(t, n, 1, rnd);
            Strided b = operand(t, n, 6, rnd);
            Strided s = scalar(t, n, -2.5f);
            Strided[][] forms = {{c, a, b}, {c, a, s}, {c, s, b}, {c, s, s}, {scalarMask(n, true), a, b},
                {scalarMask(n, false), a, s}};
            for (Strided[] f : forms) {
                Call call = (k, out) -> k.where(out, f[0], f[1], f[2]);
                assertSameValues("where n=" + n, run(plain, t, n, call), run(vector, t, n, call));
            }
        }
    }

    /** Matrices whose loops run per row (a broadcast row, a column of scalars) or staged (a transposed input). */
    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void broadcastAndTransposedLayoutsAgree(DType t) {
        SplittableRandom rnd = new SplittableRandom(17);
        for (int[] rc : new int[][] {{3, 17}, {5, 40}, {64, 33}, {2, 4098}, {37, 3}, {300, 301}}) {
            int r = rc[0];
            int c = rc[1];
            int n = r * c;
            Strided dense = reshape(operand(t, n, 2, rnd), r, c, c, 1);
            Strided row = reshape(operand(t, c, 1, rnd), r, c, 0, 1);
            Strided column = reshape(operand(t, r, 4, rnd), r, c, 1, 0);
            Strided transposed = reshape(operand(t, n, 0, rnd), r, c, 1, r);
            Strided[][] pairs = {{dense, row}, {row, dense}, {dense, column}, {transposed, dense}, {dense, transposed}};
            for (BinaryOp op : new BinaryOp[] {BinaryOp.ADD, BinaryOp.SUB, BinaryOp.DIV, BinaryOp.GT}) {
                DType o = op.isComparison() ? DType.BOOL : t;
                for (Strided[] p : pairs) {
                    Call call = (k, out) -> k.binary(op, reshape(out, r, c, c, 1), p[0], p[1]);
                    assertSameValues(op + " " + r + "x" + c, run(plain, o, n, call), run(vector, o, n, call));
                }
            }
            for (UnaryOp op : new UnaryOp[] {UnaryOp.EXP, UnaryOp.RELU}) {
                Call call = (k, out) -> k.unary(op, reshape(out, r, c, c, 1), transposed);
                assertSameValues(op + " transposed", run(plain, t, n, call), run(vector, t, n, call));
            }
        }
    }

    /** n elements behind {@code offset} unused ones: ordinary values, tiny and huge ones, and every special. */
    private static Strided operand(DType t, int n, int offset, SplittableRandom rnd) {
        double[] specials = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0, 1.0, -1.0,
            1e-40, -1e-42, 3e38, -88.5, 88.8, -104.5, 1e-300, 0x1p-1030, 2.0};
        double[] v = new double[offset + n];
        for (int i = 0; i < v.length; i++) {
            int pick = rnd.nextInt(6);
            v[i] = pick == 0 ? specials[rnd.nextInt(specials.length)] : pick == 1 ? rnd.nextDouble(-120, 120)
                    : pick == 2 ? rnd.nextGaussian() * 1e-3 : rnd.nextGaussian() * 4;
        }
        return new Strided(storage(t, v), new int[] {n}, new int[] {1}, offset);
    }

    private static Strided scalar(DType t, int n, float value) {
        double[] v = new double[3];
        v[2] = value;
        return new Strided(storage(t, v), new int[] {n}, new int[] {0}, 2);
    }

    private static Strided mask(int n, SplittableRandom rnd) {
        boolean[] c = new boolean[n + 2];
        for (int i = 0; i < c.length; i++) c[i] = rnd.nextBoolean();
        return new Strided(new CpuStorage(DType.BOOL, c), new int[] {n}, new int[] {1}, 2);
    }

    private static Strided scalarMask(int n, boolean value) {
        return new Strided(new CpuStorage(DType.BOOL, new boolean[] {!value, value}), new int[] {n}, new int[] {0}, 1);
    }

    private static Strided reshape(Strided s, int r, int c, int rowStride, int colStride) {
        return new Strided(s.storage(), new int[] {r, c}, new int[] {rowStride, colStride}, s.offset());
    }

    private static CpuStorage storage(DType t, double[] v) {
        if (t == DType.FLOAT64) return new CpuStorage(t, v);
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
        return new CpuStorage(t, f);
    }

    /** An op writing into a given output. */
    @FunctionalInterface
    private interface Call {
        void on(CpuBackend backend, Strided out);
    }

    /** Runs an op through a backend into n elements of a fresh output (behind one unused element) and returns them. */
    private static Object run(CpuBackend backend, DType t, int n, Call call) {
        Strided out = new Strided(backend.allocate(null, t, n + 1), new int[] {n}, new int[] {1}, 1);
        call.on(backend, out);
        return CpuStorage.array(out);
    }

    private static void assertSameValues(String what, Object expected, Object actual) {
        int n = java.lang.reflect.Array.getLength(expected);
        assertEquals(n, java.lang.reflect.Array.getLength(actual), what);
        for (int i = 0; i < n; i++) {
            Object e = java.lang.reflect.Array.get(expected, i);
            Object a = java.lang.reflect.Array.get(actual, i);
            if (!e.equals(a)) fail(what + ": element " + i + " is " + a + " with vectors, " + e + " in plain Java");
        }
    }
}
