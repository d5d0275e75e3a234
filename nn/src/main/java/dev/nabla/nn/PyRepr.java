package dev.nabla.nn;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Python's {@code repr} of the values modules print in {@code extraRepr}: floats, booleans and int tuples. */
final class PyRepr {
    private PyRepr() {
    }

    /**
     * Python's {@code repr(float)}: the shortest digits that read back as {@code value}, in positional form for
     * decimal exponents -4 to 15 ({@code 0.1}, {@code 1.0}) and scientific form otherwise ({@code 1e-05}).
     */
    static String ofDouble(double value) {
        if (Double.isNaN(value)) return "nan";
        if (Double.isInfinite(value)) return value > 0 ? "inf" : "-inf";
        String sign = Double.doubleToRawLongBits(value) < 0 ? "-" : "";
        double abs = Math.abs(value);
        if (abs == 0) return sign + "0.0";
        BigDecimal shortest = null;
        // Java 17's Double.toString is not always the shortest round-trip form, so search the precision directly.
        for (int digits = 1; digits <= 17; digits++) {
            shortest = new BigDecimal(abs).round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (shortest.doubleValue() == abs) break;
        }
        String mantissa = shortest.unscaledValue().toString().replaceAll("0+$", "");
        if (mantissa.isEmpty()) mantissa = "0";
        int exponent = shortest.precision() - shortest.scale() - 1;
        if (exponent >= -4 && exponent < 16) {
            String plain = shortest.stripTrailingZeros().toPlainString();
            return sign + (plain.contains(".") ? plain : plain + ".0");
        }
        String digits = mantissa.length() == 1 ? mantissa : mantissa.charAt(0) + "." + mantissa.substring(1);
        String exp = Integer.toString(Math.abs(exponent));
        return sign + digits + "e" + (exponent < 0 ? "-" : "+") + (exp.length() < 2 ? "0" : "") + exp;
    }

    /** Python's {@code True} / {@code False}. */
    static String ofBoolean(boolean value) {
        return value ? "True" : "False";
    }

    /** Python's tuple of ints: {@code (4,)}, {@code (2, 3)}, {@code ()}. */
    static String ofTuple(int... values) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < values.length; i++) b.append(i == 0 ? "" : ", ").append(values[i]);
        return b.append(values.length == 1 ? ",)" : ")").toString();
    }
}
