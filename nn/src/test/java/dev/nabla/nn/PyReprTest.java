package dev.nabla.nn;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Python's {@code repr} of floats, booleans and tuples, as modules print their settings. */
class PyReprTest {

    @Test
    void floatsUseTheShortestDigitsAndPythonsExponentRules() {
        assertEquals("1e-05", PyRepr.ofDouble(1e-5));
        assertEquals("0.0001", PyRepr.ofDouble(1e-4));
        assertEquals("0.001", PyRepr.ofDouble(1e-3));
        assertEquals("0.1", PyRepr.ofDouble(0.1));
        assertEquals("0.5", PyRepr.ofDouble(0.5));
        assertEquals("1.0", PyRepr.ofDouble(1));
        assertEquals("0.0", PyRepr.ofDouble(0));
        assertEquals("-0.0", PyRepr.ofDouble(-0.0));
        assertEquals("-0.25", PyRepr.ofDouble(-0.25));
        assertEquals("123.0", PyRepr.ofDouble(123));
        assertEquals("1.5e-07", PyRepr.ofDouble(1.5e-7));
        assertEquals("0.6666666666666666", PyRepr.ofDouble(2.0 / 3));
        assertEquals("1000000000000000.0", PyRepr.ofDouble(1e15));
        assertEquals("1e+16", PyRepr.ofDouble(1e16));
        assertEquals("1.2345e+20", PyRepr.ofDouble(1.2345e20));
        assertEquals("5e-324", PyRepr.ofDouble(Double.MIN_VALUE));
        assertEquals("2e-06", PyRepr.ofDouble(2e-6));
        assertEquals("inf", PyRepr.ofDouble(Double.POSITIVE_INFINITY));
        assertEquals("nan", PyRepr.ofDouble(Double.NaN));
    }

    @Test
    void booleansAndTuples() {
        assertEquals("True", PyRepr.ofBoolean(true));
        assertEquals("False", PyRepr.ofBoolean(false));
        assertEquals("(4,)", PyRepr.ofTuple(4));
        assertEquals("(2, 3)", PyRepr.ofTuple(2, 3));
        assertEquals("()", PyRepr.ofTuple());
    }
}
