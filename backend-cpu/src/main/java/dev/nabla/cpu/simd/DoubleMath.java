package dev.nabla.cpu.simd;

/**
 * float64 exp, log, sigmoid and tanh for the CPU kernels: the JDK's {@link Math} functions (within 1 ulp). The
 * double kernels call these where the float kernels, generated from them, call {@link FloatMath}.
 */
public final class DoubleMath {
    private DoubleMath() {
    }

    /** e^x. */
    public static double exp(double x) {
        return Math.exp(x);
    }

    /** The natural logarithm. */
    public static double log(double x) {
        return Math.log(x);
    }

    /** 1 / (1 + e^-x). */
    public static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** The hyperbolic tangent. */
    public static double tanh(double x) {
        return Math.tanh(x);
    }
}
