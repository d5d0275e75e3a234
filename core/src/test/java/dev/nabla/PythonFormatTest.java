package dev.nabla;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** PythonFormat against CPython 3's {@code '{:.Nf}'.format(x)} and {@code '{:.Ne}'.format(x)} for the same doubles. */
class PythonFormatTest {
    @Test
    void fixedRoundsTheExactBinaryValueHalfToEven() {
        assertEquals("0.12", PythonFormat.fixed(0.125, 2));
        assertEquals("0.38", PythonFormat.fixed(0.375, 2));
        assertEquals("2", PythonFormat.fixed(2.5, 0));
        assertEquals("4", PythonFormat.fixed(3.5, 0));
        assertEquals("0.1", PythonFormat.fixed(0.15, 1));
        assertEquals("123.456000", PythonFormat.fixed(123.456, 6));
        assertEquals("100000000000000000000", PythonFormat.fixed(1e20, 0));
    }

    @Test
    void fixedKeepsTheSignOfNegativeZeroAndOfValuesRoundingToZero() {
        assertEquals("-0.0000", PythonFormat.fixed(-0.0, 4));
        assertEquals("-0.0000", PythonFormat.fixed(-1e-5, 4));
    }

    @Test
    void scientificHasAtLeastTwoExponentDigitsAndCarriesIntoTheExponent() {
        assertEquals("1e+04", PythonFormat.scientific(12345.0, 0));
        assertEquals("1.23e+04", PythonFormat.scientific(12345.0, 2));
        assertEquals("1.0000e+01", PythonFormat.scientific(9.99995, 4));
        assertEquals("1.0000e+05", PythonFormat.scientific(99999.5, 4));
        assertEquals("0.0000e+00", PythonFormat.scientific(0.0, 4));
        assertEquals("-0.0000e+00", PythonFormat.scientific(-0.0, 4));
        assertEquals("1.0000e-100", PythonFormat.scientific(1e-100, 4));
        assertEquals("1.7977e+308", PythonFormat.scientific(Double.MAX_VALUE, 4));
        assertEquals("4.9407e-324", PythonFormat.scientific(Double.MIN_VALUE, 4));
        assertEquals("-2.5e-05", PythonFormat.scientific(-2.5e-5, 1));
    }

    @Test
    void nonFiniteValuesUsePythonsNamesAndNanHasNoSign() {
        assertEquals("nan", PythonFormat.fixed(Double.NaN, 4));
        assertEquals("nan", PythonFormat.scientific(Double.longBitsToDouble(0xfff8000000000000L), 4));
        assertEquals("inf", PythonFormat.fixed(Double.POSITIVE_INFINITY, 0));
        assertEquals("-inf", PythonFormat.scientific(Double.NEGATIVE_INFINITY, 4));
    }
}
