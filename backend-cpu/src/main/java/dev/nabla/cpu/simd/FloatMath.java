package dev.nabla.cpu.simd;

/**
 * float32 exp, log, sigmoid and tanh for the CPU kernels. The plain-Java loops call these one element at a time and
 * {@link FloatVectorMath} runs the same operations lane by lane, so both paths give the same bits. Measured over all
 * 2^32 inputs against the correctly rounded result: exp is within 0.99 ulp (Sleef's expf_u10 scheme), log within
 * 0.84 ulp (fdlibm's logf without its branches), sigmoid is always correctly rounded and tanh within 0.5 ulp of it
 * (both are evaluated in double precision). Special values follow {@link Math}: NaN stays NaN, exp(-inf) = 0,
 * log(0) = -inf, log of a negative number is NaN.
 */
public final class FloatMath {
    /** Whether exp fuses its multiply-adds: always where the CPU has FMA, the only case the Vector API path runs in. */
    static final boolean FUSED = CpuFeatures.hasFma();

    static final float LOG2E = 1.442695040888963407359924681001892137f;
    /** 1.5 * 2^23: adding it rounds a float of magnitude below 2^22 to an integer, readable from the low bits. */
    static final float ROUNDER = 12582912f;
    static final int ROUNDER_BITS = 0x4B400000;
    /** ln 2 split so that q * LN2_HI is exact for the |q| &lt;= 150 that exp meets. */
    static final float LN2_HI = 0.693145751953125f;
    static final float LN2_LO = 1.428606765330187045e-06f;
    static final float E5 = 0.000198527617612853646278381f;
    static final float E4 = 0.00139304355252534151077271f;
    static final float E3 = 0.00833336077630519866943359f;
    static final float E2 = 0.0416664853692054748535156f;
    static final float E1 = 0.166666671633720397949219f;
    /** Beyond these exp is 0 or infinite in float, and the scaling below would no longer be exact. */
    static final float EXP_MIN = -104f;
    static final float EXP_MAX = 104f;

    static final float LOG_LN2_HI = 6.9313812256e-01f;
    static final float LOG_LN2_LO = 9.0580006145e-06f;
    static final float LG1 = 0xaaaaaa.0p-24f;
    static final float LG2 = 0xccce13.0p-25f;
    static final float LG3 = 0x91e9ee.0p-25f;
    static final float LG4 = 0xf89e26.0p-26f;

    static final double D_LOG2E = 1.4426950408889634;
    static final double D_ROUNDER = 0x1.8p52;
    static final long D_ROUNDER_BITS = Double.doubleToRawLongBits(D_ROUNDER);
    static final double D_LN2_HI = 6.93147180369123816490e-01;
    static final double D_LN2_LO = 1.90821492927058770002e-10;
    /** Taylor coefficients 1/k! for k = 11 down to 2 (the last two, 1 and 1, are written out). */
    static final double[] D_TAYLOR = {1.0 / 39916800, 1.0 / 3628800, 1.0 / 362880, 1.0 / 40320, 1.0 / 5040,
        1.0 / 720, 1.0 / 120, 1.0 / 24, 1.0 / 6, 0.5};
    /** Where double-precision exp of a float-derived argument is kept finite: e^200 is far beyond any float. */
    static final double D_CLAMP = 200;
    /** Below this |x|, tanh uses its Taylor series (no cancellation); above, 1 - 2 / (e^2x + 1). */
    static final double TANH_SMALL = 0x1p-10;
    static final double TANH_CLAMP = 20;

    private FloatMath() {
    }

    /** e^x within 1 ulp. */
    public static float exp(float x) {
        return FUSED ? expFused(x) : expUnfused(x);
    }

    private static float expFused(float x) {
        float t = Math.fma(x, LOG2E, ROUNDER);
        float q = t - ROUNDER;
        int qi = Float.floatToRawIntBits(t) - ROUNDER_BITS;
        float s = Math.fma(q, -LN2_HI, x);
        s = Math.fma(q, -LN2_LO, s);
        float u = Math.fma(E5, s, E4);
        u = Math.fma(u, s, E3);
        u = Math.fma(u, s, E2);
        u = Math.fma(u, s, E1);
        u = Math.fma(u, s, 0.5f);
        u = Math.fma(s * s, u, s) + 1f;
        return scale(x, u, qi);
    }

    private static float expUnfused(float x) {
        float t = x * LOG2E + ROUNDER;
        float q = t - ROUNDER;
        int qi = Float.floatToRawIntBits(t) - ROUNDER_BITS;
        float s = x - q * LN2_HI;
        s = s - q * LN2_LO;
        float u = E5 * s + E4;
        u = u * s + E3;
        u = u * s + E2;
        u = u * s + E1;
        u = u * s + 0.5f;
        u = (s * s * u + s) + 1f;
        return scale(x, u, qi);
    }

    /** {@code u * 2^q} in two exact steps (2^q alone may not be a normal float), then exp's limits. */
    private static float scale(float x, float u, int q) {
        int h = q >> 1;
        float r = u * Float.intBitsToFloat((h + 127) << 23) * Float.intBitsToFloat((q - h + 127) << 23);
        if (x < EXP_MIN) r = 0f;
        if (x > EXP_MAX) r = Float.POSITIVE_INFINITY;
        return r;
    }

    /** The natural logarithm within 1 ulp. */
    public static float log(float x) {
        int ix = Float.floatToRawIntBits(x);
        boolean tiny = ix < 0x00800000;
        float xs = tiny ? x * 0x1p25f : x;
        int k = tiny ? -25 : 0;
        ix = Float.floatToRawIntBits(xs);
        k += (ix >> 23) - 127;
        ix &= 0x007fffff;
        // Normalizes the mantissa to [sqrt(2)/2, sqrt(2)), moving one to the exponent when it is above sqrt(2).
        int i = (ix + 0x4afb20) & 0x800000;
        float f = Float.intBitsToFloat(ix | (i ^ 0x3f800000)) - 1f;
        k += i >> 23;
        float s = f / (2f + f);
        float dk = k;
        float z = s * s;
        float w = z * z;
        float r = z * (LG1 + w * LG3) + w * (LG2 + w * LG4);
        float hfsq = 0.5f * f * f;
        float y = dk * LOG_LN2_HI - ((hfsq - (s * (hfsq + r) + dk * LOG_LN2_LO)) - f);
        if (!(x > 0)) y = x == 0 ? Float.NEGATIVE_INFINITY : Float.NaN;
        if (x == Float.POSITIVE_INFINITY) y = x;
        return y;
    }

    /** 1 / (1 + e^-x), correctly rounded. */
    public static float sigmoid(float x) {
        double d = Math.min(Math.max(-(double) x, -D_CLAMP), D_CLAMP);
        return (float) (1 / (1 + expCore(d)));
    }

    /** The hyperbolic tangent within 0.5 ulp of the correctly rounded result. */
    public static float tanh(float x) {
        double d = x;
        double a = Math.min(Math.abs(d), TANH_CLAMP);
        double big = 1 - 2 / (expCore(2 * a) + 1);
        if (d < 0) big = -big;
        double d2 = d * d;
        double small = d * (1 + d2 * (-1.0 / 3 + d2 * (2.0 / 15)));
        return (float) (a < TANH_SMALL ? small : big);
    }

    /** e^x in double precision (about 1e-14 relative) for |x| &lt;= {@link #D_CLAMP}. */
    static double expCore(double x) {
        double t = x * D_LOG2E + D_ROUNDER;
        double q = t - D_ROUNDER;
        long qi = Double.doubleToRawLongBits(t) - D_ROUNDER_BITS;
        double s = x - q * D_LN2_HI;
        s = s - q * D_LN2_LO;
        double p = D_TAYLOR[0];
        for (int k = 1; k < D_TAYLOR.length; k++) p = p * s + D_TAYLOR[k];
        p = p * s + 1;
        p = p * s + 1;
        return p * Double.longBitsToDouble((qi + 1023) << 52);
    }
}
