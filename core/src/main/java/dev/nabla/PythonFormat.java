package dev.nabla;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code '{:.Nf}'} and {@code '{:.Ne}'} formatting of a double: correctly rounded, half to even, from
 * the exact binary value. {@link String#format} is not used because it rounds the shortest decimal form instead
 * (it prints 0.125 with two digits as 0.13 where Python prints 0.12).
 */
final class PythonFormat {
    private PythonFormat() {
    }

    /** {@code '{:.<digits>f}'.format(value)}, e.g. {@code fixed(-0.5, 4)} is {@code -0.5000}. */
    static String fixed(double value, int digits) {
        String special = special(value);
        if (special != null) return special;
        String magnitude = new BigDecimal(Math.abs(value)).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
        return negative(value) ? "-" + magnitude : magnitude;
    }

    /** {@code '{:.<digits>e}'.format(value)}, e.g. {@code scientific(12345, 2)} is {@code 1.23e+04}. */
    static String scientific(double value, int digits) {
        String special = special(value);
        if (special != null) return special;
        StringBuilder mantissa;
        int exponent;
        if (value == 0) {
            mantissa = new StringBuilder("0");
            exponent = 0;
        } else {
            BigDecimal rounded = new BigDecimal(Math.abs(value)).round(new MathContext(digits + 1, RoundingMode.HALF_EVEN));
            mantissa = new StringBuilder(rounded.unscaledValue().toString());
            exponent = mantissa.length() - 1 - rounded.scale();
        }
        while (mantissa.length() < digits + 1) mantissa.append('0');
        if (digits > 0) mantissa.insert(1, '.');
        String exp = Integer.toString(Math.abs(exponent));
        return (negative(value) ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+") + (exp.length() < 2 ? "0" : "") + exp;
    }

    /** Python's names for the non-finite values; a NaN prints without its sign, as Python ignores it. */
    private static String special(double value) {
        if (Double.isNaN(value)) return "nan";
        if (Double.isInfinite(value)) return value > 0 ? "inf" : "-inf";
        return null;
    }

    /** True for negative values and for -0.0, which Python prints with its sign. */
    private static boolean negative(double value) {
        return Double.doubleToRawLongBits(value) < 0;
    }
}
