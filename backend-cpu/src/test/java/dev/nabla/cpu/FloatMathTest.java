package dev.nabla.cpu;

import dev.nabla.cpu.simd.FloatMath;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * FloatMath against the JDK's double-precision functions, within the error its Javadoc states (measured there over
 * every float; here over random floats of every magnitude plus the edges of each function's range).
 */
class FloatMathTest {
    private static final int SAMPLES = 400_000;

    @Test
    void expIsWithinOneUlp() {
        assertWithin("exp", FloatMath::exp, Math::exp, 1.0, -110, 110);
        assertEquals(0f, FloatMath.exp(Float.NEGATIVE_INFINITY));
        assertEquals(Float.POSITIVE_INFINITY, FloatMath.exp(89f));
        assertEquals(1f, FloatMath.exp(-0f));
        assertEquals(Float.MIN_VALUE, FloatMath.exp(-103.2789f));
    }

    @Test
    void logIsWithinOneUlp() {
        assertWithin("log", FloatMath::log, Math::log, 1.0, 0, Float.MAX_VALUE);
        assertEquals(Float.NEGATIVE_INFINITY, FloatMath.log(-0f));
        assertEquals(Float.POSITIVE_INFINITY, FloatMath.log(Float.POSITIVE_INFINITY));
        assertTrue(Float.isNaN(FloatMath.log(-Float.MIN_VALUE)));
        assertEquals((float) Math.log(Float.MIN_VALUE), FloatMath.log(Float.MIN_VALUE));
        assertEquals(0f, FloatMath.log(1f));
    }

    @Test
    void sigmoidAndTanhAreWithinHalfAnUlpOfTheRoundedValue() {
        assertWithin("sigmoid", FloatMath::sigmoid, x -> 1 / (1 + Math.exp(-x)), 0.5, -120, 120);
        assertWithin("tanh", FloatMath::tanh, Math::tanh, 0.5, -12, 12);
        assertEquals(0f, FloatMath.sigmoid(Float.NEGATIVE_INFINITY));
        assertEquals(1f, FloatMath.sigmoid(Float.POSITIVE_INFINITY));
        assertEquals(-1f, FloatMath.tanh(Float.NEGATIVE_INFINITY));
        assertEquals(Float.floatToIntBits(-0f), Float.floatToIntBits(FloatMath.tanh(-0f)));
        assertEquals(1e-30f, FloatMath.tanh(1e-30f));
    }

    /** Random floats in [lo, hi] (uniform, and with uniform exponents) and the specials; NaN must map to NaN. */
    private static void assertWithin(String name, FloatFunction f, DoubleUnaryOperator exact, double ulps, double lo,
                                     double hi) {
        SplittableRandom rnd = new SplittableRandom(3);
        assertTrue(Float.isNaN(f.apply(Float.NaN)), name + "(NaN)");
        for (int i = 0; i < SAMPLES; i++) {
            float x = i % 2 == 0 ? (float) rnd.nextDouble(lo, hi) : Float.intBitsToFloat(rnd.nextInt());
            if (Float.isNaN(x) || x < lo || x > hi) continue;
            float got = f.apply(x);
            double want = exact.applyAsDouble(x);
            float rounded = (float) want;
            if (got == rounded) continue;
            double err = Math.abs(got - want) / Math.ulp(rounded);
            assertTrue(err <= ulps, name + "(" + x + ") = " + got + ", exact " + want + ": " + err + " ulp");
        }
    }

    @FunctionalInterface
    private interface FloatFunction {
        float apply(float x);
    }
}
