package dev.nabla.conformance;

import dev.nabla.DType;
import dev.nabla.Device;
import dev.nabla.Nabla;
import dev.nabla.PrintOptions;
import dev.nabla.Tensor;
import dev.nabla.TensorOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.nabla.Nabla.arange;
import static dev.nabla.Nabla.full;
import static dev.nabla.Nabla.ones;
import static dev.nabla.Nabla.tensor;
import static dev.nabla.Nabla.zeros;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code toString} prints as PyTorch 2's {@code repr} ({@code torch/_tensor_str.py}). Every expected string is
 * PyTorch's output for the same values, worked out by hand from its rules or recorded from PyTorch.
 */
public abstract class PrintingContract extends DeviceTestBase {
    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    @AfterEach
    void restorePrintOptions() {
        Nabla.setPrintOptions(PrintOptions.defaults());
    }

    /**
     * Asserts that {@code t} prints as {@code cpuText}; off the CPU PyTorch names the device in the first suffix,
     * so it is inserted before the first {@code key=} suffix (or the closing parenthesis), on a line of its own
     * when it would pass the line width (PyTorch's {@code _add_suffixes}).
     */
    private void assertPrints(String cpuText, Tensor t) {
        String expected = cpuText;
        if (!device().type().equals("cpu")) {
            int eq = cpuText.indexOf('=');
            int at = eq < 0 ? cpuText.length() - 1 : cpuText.lastIndexOf(',', eq);
            String head = cpuText.substring(0, at);
            String suffix = "device='" + device() + "'";
            int lastLine = head.length() - head.lastIndexOf('\n') + 1;
            String separator = lastLine + suffix.length() + 2 > Nabla.getPrintOptions().linewidth() ? ",\n       " : ", ";
            expected = head + separator + suffix + cpuText.substring(at);
        }
        assertEquals(expected, t.toString());
    }

    private static Tensor floats(double... v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
        return tensor(f);
    }

    @Test
    void floatsPrintFourDecimalsAlignedAndWholeNumbersInIntMode() {
        assertPrints("tensor([1.0000, 2.5000])", floats(1.0, 2.5));
        assertPrints("tensor([1., 2., 3.])", floats(1, 2, 3));
        assertPrints("tensor([-1., 10.])", floats(-1, 10));
        assertPrints("tensor([ 0., -2.])", floats(0, -2));
        assertPrints("tensor([ 0.5000,  1.2500, -3.0000])", floats(0.5, 1.25, -3.0));
        assertPrints("""
                tensor([[ 1.0000, 22.5000],
                        [-3.0000,  4.0000]])""", tensor(new float[][] {{1, 22.5f}, {-3, 4}}));
        assertPrints("""
                tensor([[ 7., 11.],
                        [ 9., 13.]])""", tensor(new float[][] {{7, 11}, {9, 13}}));
    }

    @Test
    void roundingIsHalfToEvenOnTheFloat32ValueWidenedToDouble() {
        // 1/32 and 3/32 are exact ties at four decimals; 2.00005 lies above the tie in float32, below it in float64.
        assertPrints("tensor([0.0312, 0.0938, 1.0000])", floats(0.03125, 0.09375, 1));
        assertPrints("tensor([2.0001])", floats(2.00005));
        assertPrints("tensor([2.0000], dtype=torch.float64)", tensor(new double[] {2.00005}));
        assertPrints("tensor([0.1000, 0.2000])", floats(0.1, 0.2));
    }

    @Test
    void scientificNotationForTinyHugeOrWideRangingValues() {
        assertPrints("tensor([1.0000e-05, 1.0000e+00])", floats(1e-5, 1));
        assertPrints("tensor([1.0000e+09, 1.0000e+00])", floats(1e9, 1));
        assertPrints("tensor([1.0000e+00, 2.0000e+03])", floats(1, 2000));
        assertPrints("tensor([-1.0000e-05,  2.0000e+00,  3.0000e+02])", floats(-1e-5, 2, 300));
        assertPrints("tensor([1.0000e-100,  1.0000e+00], dtype=torch.float64)", tensor(new double[] {1e-100, 1}));
        assertPrints("tensor([2.0000e+08])", floats(2e8));
        assertPrints("""
                tensor([[1.0000e-10, 1.0000e+00],
                        [1.0000e+00, 2.0000e+00]])""", tensor(new float[][] {{1e-10f, 1}, {1, 2}}));
    }

    @Test
    void scientificThresholdsAreStrict() {
        assertPrints("tensor([   1., 1000.])", floats(1, 1000));
        assertPrints("tensor([100000000.])", floats(1e8));
        // 0.0001 as float32 is 9.99999975e-05, below 1e-4; as float64 it is not.
        assertPrints("tensor([1.0000e-04, 5.0000e-02])", floats(0.0001, 0.05));
        assertPrints("tensor([0.0001, 0.0500], dtype=torch.float64)", tensor(new double[] {0.0001, 0.05}));
    }

    @Test
    void nanAndInfinitiesAreNotMeasuredButPadded() {
        assertPrints("tensor([nan, 1., inf, -inf])", floats(NAN, 1, INF, -INF));
        assertPrints("tensor([   nan, 1.5000,   -inf])", floats(NAN, 1.5, -INF));
        assertPrints("tensor([nan, nan])", floats(NAN, NAN));
        assertPrints("tensor([       inf, 1.0000e-05])", floats(INF, 1e-5));
        assertPrints("tensor(nan)", full(new int[0], NAN));
        assertPrints("tensor(-inf)", full(new int[0], -INF));
    }

    @Test
    void zeroDimTensorsPrintTheirValue() {
        assertPrints("tensor(3.5000)", tensor(3.5));
        assertPrints("tensor(3)", tensor(3L));
        assertPrints("tensor(True)", tensor(true));
        assertPrints("tensor(1.0000e-08)", tensor(1e-8));
        assertPrints("tensor(0.)", tensor(0.0));
        assertPrints("tensor(-2.)", tensor(-2.0));
        assertPrints("tensor(2., dtype=torch.float64)", full(new int[0], 2.0, TensorOptions.of(DType.FLOAT64)));
        assertPrints("tensor(7, dtype=torch.int32)", full(new int[0], 7.0, TensorOptions.of(DType.INT32)));
    }

    @Test
    void emptyTensorsShowSizeUnlessOneDimAndAnyNonDefaultDtype() {
        assertPrints("tensor([])", zeros(0));
        assertPrints("tensor([], size=(0, 3))", zeros(0, 3));
        assertPrints("tensor([], size=(2, 0), dtype=torch.int64)", zeros(DType.INT64, 2, 0));
        assertPrints("tensor([], dtype=torch.bool)", zeros(DType.BOOL, 0));
        assertPrints("tensor([], dtype=torch.int32)", zeros(DType.INT32, 0));
    }

    @Test
    void integersAndBooleansAlignToTheWidestElement() {
        assertPrints("tensor([  1, -20, 300])", tensor(new long[] {1, -20, 300}));
        assertPrints("tensor([1, 2, 3], dtype=torch.int32)", tensor(new int[] {1, 2, 3}));
        assertPrints("tensor([-9223372036854775808,                    0])", tensor(new long[] {Long.MIN_VALUE, 0}));
        assertPrints("tensor([ True, False])", tensor(new boolean[] {true, false}));
        assertPrints("tensor([True, True])", tensor(new boolean[] {true, true}));
        assertPrints("""
                tensor([[ True, False],
                        [False,  True]])""", tensor(new boolean[] {true, false, false, true}, 2, 2));
    }

    @Test
    void longRowsWrapAtEightyColumns() {
        assertPrints("""
                tensor([ 0.,  1.,  2.,  3.,  4.,  5.,  6.,  7.,  8.,  9., 10., 11., 12., 13.,
                        14., 15., 16., 17., 18., 19., 20., 21., 22., 23., 24., 25., 26., 27.,
                        28., 29.])""", arange(0, 30, 1.0));
        assertPrints("""
                tensor([-0.5000, -0.5000, -0.5000, -0.5000, -0.5000, -0.5000, -0.5000, -0.5000,
                        -0.5000, -0.5000, -0.5000, -0.5000])""", full(new int[] {12}, -0.5));
        // Rows of a matrix start at column 8, so their continuation lines are indented by 9.
        String first = "1., ".repeat(17) + "1.,\n         " + "1., ".repeat(11) + "1.]";
        assertPrints("tensor([[" + first + ",\n        [" + first + "])", ones(2, 30));
    }

    @Test
    void nestedDimsIndentAndSeparateBlocksWithBlankLines() {
        assertPrints("""
                tensor([[0., 1., 2.],
                        [3., 4., 5.]])""", arange(0, 6, 1.0).reshape(2, 3));
        assertPrints("""
                tensor([[0., 3.],
                        [1., 4.],
                        [2., 5.]])""", arange(0, 6, 1.0).reshape(2, 3).t());
        assertPrints("""
                tensor([[[ 0.,  1.,  2.,  3.],
                         [ 4.,  5.,  6.,  7.],
                         [ 8.,  9., 10., 11.]],

                        [[12., 13., 14., 15.],
                         [16., 17., 18., 19.],
                         [20., 21., 22., 23.]]])""", arange(0, 24, 1.0).reshape(2, 3, 4));
        assertPrints("""
                tensor([[[[ 0,  1],
                          [ 2,  3]],

                         [[ 4,  5],
                          [ 6,  7]]],


                        [[[ 8,  9],
                          [10, 11]],

                         [[12, 13],
                          [14, 15]]]])""", arange(16).reshape(2, 2, 2, 2));
    }

    @Test
    void overAThousandElementsAreSummarizedToThreeEdgeItemsPerDim() {
        assertPrints("tensor([   0,    1,    2,  ..., 1997, 1998, 1999])", arange(2000));
        assertPrints("""
                tensor([0.0000e+00, 1.4286e-01, 2.8571e-01,  ..., 2.8529e+02, 2.8543e+02,
                        2.8557e+02])""", arange(0, 2000, 1.0).div(7));
        assertPrints("tensor([   0,    1,    2,  ...,  998,  999, 1000])", arange(1001));
        String thousand = arange(1000).toString();
        assertFalse(thousand.contains("..."), thousand);
        assertTrue(thousand.contains(",\n        994, 995, 996, 997, 998, 999]"), thousand);
    }

    @Test
    void summarizedMatricesKeepEdgeRowsAndColumns() {
        assertPrints("""
                tensor([[   0,    1,    2,  ...,   37,   38,   39],
                        [  40,   41,   42,  ...,   77,   78,   79],
                        [  80,   81,   82,  ...,  117,  118,  119],
                        ...,
                        [1480, 1481, 1482,  ..., 1517, 1518, 1519],
                        [1520, 1521, 1522,  ..., 1557, 1558, 1559],
                        [1560, 1561, 1562,  ..., 1597, 1598, 1599]])""", arange(1600).reshape(40, 40));
        assertPrints("""
                tensor([[   0,   40,   80,  ..., 1480, 1520, 1560],
                        [   1,   41,   81,  ..., 1481, 1521, 1561],
                        [   2,   42,   82,  ..., 1482, 1522, 1562],
                        ...,
                        [  37,   77,  117,  ..., 1517, 1557, 1597],
                        [  38,   78,  118,  ..., 1518, 1558, 1598],
                        [  39,   79,  119,  ..., 1519, 1559, 1599]])""", arange(1600).reshape(40, 40).t());
        assertPrints("""
                tensor([[0.0000e+00, 1.0000e+00, 2.0000e+00,  ..., 3.7000e+01, 3.8000e+01,
                         3.9000e+01],
                        [4.0000e+01, 4.1000e+01, 4.2000e+01,  ..., 7.7000e+01, 7.8000e+01,
                         7.9000e+01],
                        [8.0000e+01, 8.1000e+01, 8.2000e+01,  ..., 1.1700e+02, 1.1800e+02,
                         1.1900e+02],
                        ...,
                        [1.4800e+03, 1.4810e+03, 1.4820e+03,  ..., 1.5170e+03, 1.5180e+03,
                         1.5190e+03],
                        [1.5200e+03, 1.5210e+03, 1.5220e+03,  ..., 1.5570e+03, 1.5580e+03,
                         1.5590e+03],
                        [1.5600e+03, 1.5610e+03, 1.5620e+03,  ..., 1.5970e+03, 1.5980e+03,
                         1.5990e+03]])""", arange(0, 1600, 1.0).reshape(40, 40));
        String zeroRow = "[0., 0., 0.,  ..., 0., 0., 0.]";
        assertPrints("tensor([" + zeroRow + ",\n        " + zeroRow + ",\n        " + zeroRow + ",\n        ...,\n        "
                + zeroRow + ",\n        " + zeroRow + ",\n        " + zeroRow + "])", zeros(1000, 1000));
    }

    @Test
    void summarizedHigherDimsSeparateBlocksAndElideOnlyLongDims() {
        assertPrints("""
                tensor([[[   0,    1,    2,  ...,  597,  598,  599]],

                        [[ 600,  601,  602,  ..., 1197, 1198, 1199]]])""", arange(1200).reshape(2, 1, 600));
        assertPrints("""
                tensor([[[   0,    1,    2,  ...,  197,  198,  199]],

                        [[ 200,  201,  202,  ...,  397,  398,  399]],

                        [[ 400,  401,  402,  ...,  597,  598,  599]],

                        ...,

                        [[1000, 1001, 1002,  ..., 1197, 1198, 1199]],

                        [[1200, 1201, 1202,  ..., 1397, 1398, 1399]],

                        [[1400, 1401, 1402,  ..., 1597, 1598, 1599]]])""", arange(1600).reshape(8, 1, 200));
    }

    @Test
    void widthAndNotationComeFromThePrintedElementsOnly() {
        Tensor ints = arange(2000);
        ints.set(1e6, 1000);
        assertPrints("tensor([   0,    1,    2,  ..., 1997, 1998, 1999])", ints);
        Tensor floats = ones(2000);
        floats.set(1e-9, 1000);
        assertPrints("tensor([1., 1., 1.,  ..., 1., 1., 1.])", floats);
    }

    @Test
    void dtypeSuffixNamesEveryDtypeButTheDefaultFloatInt64AndBool() {
        assertPrints("tensor([1.5000, 2.5000], dtype=torch.float64)", tensor(new double[] {1.5, 2.5}));
        assertPrints("tensor([0, 1, 2])", arange(3));
        assertPrints("tensor([False])", tensor(new boolean[] {false}));
        Nabla.setDefaultDtype(DType.FLOAT64);
        try {
            assertPrints("tensor([1.5000, 2.5000])", tensor(new double[] {1.5, 2.5}));
            assertPrints("tensor([1.5000], dtype=torch.float32)", tensor(new float[] {1.5f}));
            assertPrints("tensor([])", zeros(0));
            assertPrints("tensor([], dtype=torch.float32)", tensor(new float[0]));
            assertPrints("tensor([1, 2], dtype=torch.int32)", tensor(new int[] {1, 2}));
            assertPrints("tensor(0.2500)", tensor(0.25));
        } finally {
            Nabla.setDefaultDtype(DType.FLOAT32);
        }
    }

    @Test
    void suffixesThatWouldPassTheLineWidthWrapOntoTheirOwnLine() {
        // On the CPU, so that no device suffix changes the line lengths.
        Tensor fits = tensor(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6}).to(Device.cpu());
        assertEquals("tensor([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6], dtype=torch.int32)", fits.toString());
        // PyTorch counts the line as two characters longer than it is, so this one wraps although it would fit.
        Tensor wraps = tensor(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7}).to(Device.cpu());
        assertEquals("""
                tensor([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7],
                       dtype=torch.int32)""", wraps.toString());
        assertEquals("""
                tensor([ 0.,  1.,  2.,  3.,  4.,  5.,  6.,  7.,  8.,  9., 10., 11., 12., 13.,
                        14., 15., 16., 17., 18., 19., 20., 21., 22., 23., 24., 25., 26., 27.],
                       dtype=torch.float64)""", arange(0, 28, 1.0).to(DType.FLOAT64).to(Device.cpu()).toString());
    }

    @Test
    void offTheCpuTheDeviceIsNamed() {
        String expected = device().type().equals("cpu") ? "tensor([1., 2.])" : "tensor([1., 2.], device='" + device() + "')";
        assertEquals(expected, floats(1, 2).toString());
    }

    @Test
    void printOptionsSetPrecisionNotationSummaryAndWidth() {
        Nabla.setPrintOptions(PrintOptions.defaults().withPrecision(2));
        assertPrints("tensor([1.23, 2.50])", floats(1.23456, 2.5));
        Nabla.setPrintOptions(PrintOptions.defaults().withPrecision(0));
        assertPrints("tensor([2, 2])", floats(1.5, 2.5));
        Nabla.setPrintOptions(PrintOptions.defaults().withSciMode(false));
        assertPrints("tensor([0.0000, 1.0000])", floats(1e-6, 1));
        Nabla.setPrintOptions(PrintOptions.defaults().withSciMode(true));
        assertPrints("tensor([ 1.5000e+00, -2.0000e+00])", floats(1.5, -2));
        assertPrints("tensor([1.0000e+00, 2.0000e+00])", floats(1, 2));
        assertPrints("tensor([0., 0.])", zeros(2));
        Nabla.setPrintOptions(PrintOptions.defaults().withThreshold(5).withEdgeItems(2));
        assertPrints("tensor([0, 1,  ..., 8, 9])", arange(10));
        Nabla.setPrintOptions(PrintOptions.defaults().withLinewidth(20));
        assertPrints("""
                tensor([0, 1, 2, 3,
                        4, 5, 6, 7,
                        8, 9])""", arange(10));
        Nabla.setPrintOptions(PrintOptions.defaults().withThreshold(5).withEdgeItems(0));
        assertPrints("tensor([...], size=(10,))", arange(10));
        assertPrints("tensor([...], size=(3, 4))", arange(12).reshape(3, 4));
        assertPrints("tensor([0, 1, 2], size=(3,))", arange(3));
        Nabla.setPrintOptions(PrintOptions.defaults());
        assertPrints("tensor([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])", arange(10));
    }

    @Test
    void printOptionsAreImmutableAndValidated() {
        PrintOptions options = PrintOptions.defaults().withPrecision(6).withLinewidth(120);
        Nabla.setPrintOptions(options);
        assertEquals(options, Nabla.getPrintOptions());
        assertEquals(new PrintOptions(4, 1000, 3, 80, null), PrintOptions.defaults());
        assertEquals(4, PrintOptions.defaults().precision());
        assertThrows(IllegalArgumentException.class, () -> PrintOptions.defaults().withPrecision(-1));
        assertThrows(IllegalArgumentException.class, () -> PrintOptions.defaults().withEdgeItems(-1));
        assertThrows(IllegalArgumentException.class, () -> PrintOptions.defaults().withLinewidth(0));
        assertThrows(NullPointerException.class, () -> Nabla.setPrintOptions(null));
    }
}
