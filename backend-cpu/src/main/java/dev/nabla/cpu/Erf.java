package dev.nabla.cpu;

/**
 * The error function in double precision, derived here rather than taken from a library: its Maclaurin series
 * below |x| = 2.5 (coefficients 2/sqrt(pi) (-1)^n / (n! (2n+1)) summed by Horner's rule) and Laplace's
 * continued fraction for erfc above, where the series would cancel.
 */
final class Erf {
    private static final int TERMS = 40;
    private static final double[] SERIES = new double[TERMS];
    private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

    static {
        double factorial = 1;
        for (int n = 0; n < TERMS; n++) {
            if (n > 0) factorial *= n;
            SERIES[n] = (n % 2 == 0 ? 1 : -1) * TWO_OVER_SQRT_PI / (factorial * (2 * n + 1));
        }
    }

    private Erf() {
    }

    /** erf(x), accurate to a few units in the last place. */
    static double erf(double x) {
        if (Double.isNaN(x)) return x;
        double ax = Math.abs(x);
        if (ax < 2.5) {
            double x2 = x * x;
            double sum = SERIES[TERMS - 1];
            for (int n = TERMS - 2; n >= 0; n--) sum = sum * x2 + SERIES[n];
            return x * sum;
        }
        if (ax >= 6) return Math.copySign(1, x);
        return Math.copySign(1 - erfcContinuedFraction(ax), x);
    }

    /** erfc(x) for x &gt;= 2.5: exp(-x^2)/sqrt(pi) / (x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))), evaluated bottom-up. */
    private static double erfcContinuedFraction(double x) {
        double tail = x;
        for (int k = 60; k >= 1; k--) tail = x + (k / 2.0) / tail;
        return Math.exp(-x * x) / Math.sqrt(Math.PI) / tail;
    }
}
