package dev.nabla.opencl;

import dev.nabla.DType;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.spi.Window2d;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.nabla.Nabla.randint;
import static dev.nabla.Nabla.randn;
import static dev.nabla.opencl.Parity.check;
import static dev.nabla.opencl.Parity.checkExact;

/**
 * Reductions (each launch strategy), matmul tiles, gather and scatter, cumsum, argsort and im2col/col2im against
 * the CPU backend, including the results the SPI pins down exactly: first index on ties, NaN as the extreme,
 * last write wins and the order of scatter-add, stable sorting.
 */
@OnOpenCl
class KernelParityTest {
    private static final int[] TEN = {2, 3, 2, 3, 2, 3, 2, 3, 2, 3};
    private static final int[] REVERSED = {9, 8, 7, 6, 5, 4, 3, 2, 1, 0};

    @BeforeEach
    void seed() {
        Nabla.manualSeed(11);
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64", "INT64"})
    void reductionsOverEveryDimSet(DType dtype) {
        Tensor x = dtype.isFloatingPoint() ? randn(3, 4, 5, 6).to(dtype) : randint(-4, 5, 3, 4, 5, 6);
        for (int mask = 1; mask < 16; mask++) {
            int bits = mask;
            int[] dims = java.util.stream.IntStream.range(0, 4).filter(d -> (bits >> d & 1) != 0).toArray();
            String at = java.util.Arrays.toString(dims);
            check("sum " + at, in -> in[0].permute(2, 0, 3, 1).sum(dims, true), x);
            check("amax " + at, in -> in[0].flip(1).amax(dims, false), x);
            check("amin " + at, in -> in[0].amin(dims, true), x);
            if (dims.length == 1) {
                check("prod " + at, in -> in[0].mul(in[0].dtype().isFloatingPoint() ? 0.5 : 1).prod(dims[0], false), x);
                checkExact("argmax " + at, in -> in[0].permute(3, 1, 0, 2).argmax(dims[0], false), x);
                checkExact("argmin " + at, in -> in[0].argmin(dims[0], true), x);
            }
        }
    }

    @Test
    void eachReductionStrategyOnLongAndWideInputs() {
        Tensor flat = randn(1_000_003);
        check("full sum, split across groups", 10, in -> in[0].sum(), flat);
        checkExact("full argmax, split across groups", in -> in[0].argmax(), flat);
        Tensor rows = randn(8, 100_000);
        check("few long rows", 10, in -> in[0].sum(1), rows);
        checkExact("few long rows, argmin", in -> in[0].argmin(1, false), rows);
        Tensor columns = randn(5000, 300);
        check("many columns, one item each", 10, in -> in[0].sum(0), columns);
        checkExact("many columns, max", in -> in[0].amax(new int[] {0}, false), columns);
        Tensor ties = randint(0, 3, 7000, 5).to(DType.FLOAT32);
        checkExact("ties give the first index", in -> in[0].argmax(0, false), ties);
        checkExact("ties give the first index, rows", in -> in[0].t().contiguous().argmin(1, false), ties);
        Tensor bools = Nabla.rand(300, 400).gt(0.001);
        checkExact("all", in -> in[0].all(1, false), bools);
        checkExact("any", in -> in[0].logicalNot().any(0, false), bools);
    }

    @Test
    void nanIsTheExtremeInEveryStrategy() {
        Tensor x = randn(6, 20_000);
        x.set(Double.NaN, 2, 15_000);
        x.set(Double.NaN, 2, 17_000);
        x.set(Double.NaN, 4, 3);
        checkExact("argmax rows", in -> in[0].argmax(1, false), x);
        checkExact("argmin columns", in -> in[0].argmin(0, false), x);
        checkExact("max rows", in -> in[0].amax(new int[] {1}, false), x);
        checkExact("full argmin", in -> in[0].argmin(), x);
    }

    @Test
    void tenDimReductionsCopyToADenseLayoutFirst() {
        Tensor x = randn(TEN);
        check("sum of alternate dims", in -> in[0].permute(REVERSED).sum(new int[] {1, 3, 5, 7, 9}, false), x);
        checkExact("argmax of a middle dim", in -> in[0].permute(REVERSED).argmax(4, true), x);
    }

    @ParameterizedTest
    @CsvSource({"1, 1, 1, 1", "1, 63, 65, 67", "3, 64, 64, 64", "2, 130, 17, 129", "1, 200, 300, 150", "4, 5, 1, 9"})
    void matmulTilesAndEdges(int batches, int m, int k, int n) {
        Tensor a = randn(batches, m, k);
        Tensor b = randn(batches, k, n);
        check("bmm", in -> in[0].bmm(in[1]), a, b);
        check("bmm of transposed operands", in -> in[0].transpose(1, 2).contiguous().transpose(1, 2)
                .bmm(in[1].transpose(1, 2).contiguous().transpose(1, 2)), a, b);
        check("float64", in -> in[0].to(DType.FLOAT64).bmm(in[1].to(DType.FLOAT64)), a, b);
        check("int64", in -> in[0].mul(4.0).to(DType.INT64).bmm(in[1].mul(4.0).to(DType.INT64)), a, b);
    }

    @Test
    void gatherAndScatterAlongEachDim() {
        Tensor x = randn(5, 6, 7);
        for (int dim = 0; dim < 3; dim++) {
            int d = dim;
            Tensor index = randint(0, x.size(dim), 4, 5, 6);
            Tensor src = randn(4, 5, 6);
            checkExact("gather " + d, in -> in[0].gather(d, in[1]), x, index);
            checkExact("gather of a flipped view " + d, in -> in[0].flip(2).gather(d, in[1].flip(0)), x, index);
            checkExact("scatter, last write wins " + d, in -> in[0].scatter(d, in[1], in[2]), x, index, src);
            checkExact("scatterAdd in the CPU's order " + d, in -> in[0].scatterAdd(d, in[1], in[2]), x, index, src);
            checkExact("scatter of a scalar " + d, in -> in[0].scatter(d, in[1], 2.5), x, index);
        }
        Tensor ints = randint(-5, 5, 4, 3);
        Tensor index = randint(0, 4, 6, 3);
        checkExact("int64 scatterAdd", in -> in[0].scatterAdd(0, in[1], in[2].repeat(2, 1)), ints, index, ints);
        Tensor big = randn(TEN);
        Tensor bigIndex = randint(0, 2, TEN);
        checkExact("ten-dim gather", in -> in[0].permute(REVERSED).gather(1, in[1].permute(REVERSED)), big, bigIndex);
        checkExact("ten-dim scatterAdd", in -> in[0].permute(REVERSED).scatterAdd(3, in[1].permute(REVERSED),
                in[0].permute(REVERSED)), big, bigIndex);
    }

    @Test
    void cumsumAlongEachDim() {
        Tensor x = randn(6, 7, 8);
        Tensor ints = randint(-100, 100, 6, 7, 8);
        for (int dim = 0; dim < 3; dim++) {
            int d = dim;
            checkExact("float32 " + d, in -> in[0].transpose(0, 2).cumsum(d), x);
            checkExact("float64 " + d, in -> in[0].to(DType.FLOAT64).flip(1).cumsum(d), x);
            checkExact("int64 " + d, in -> in[0].cumsum(d), ints);
        }
        checkExact("ten dims", in -> in[0].permute(REVERSED).cumsum(6), randn(TEN));
    }

    @Test
    void argsortIsStableWithNanLargest() {
        Tensor ints = randint(0, 5, 7, 300);
        Tensor x = ints.to(DType.FLOAT32);
        x.set(Double.NaN, 3, 5);
        x.set(Double.NaN, 3, 250);
        x.set(Double.NEGATIVE_INFINITY, 1, 17);
        for (boolean descending : new boolean[] {false, true}) {
            checkExact("rows " + descending, in -> in[0].argsort(1, descending), x);
            checkExact("columns " + descending, in -> in[0].argsort(0, descending), x);
            checkExact("float64 flipped " + descending, in -> in[0].to(DType.FLOAT64).flip(1).argsort(1, descending), x);
            checkExact("int64 " + descending, in -> in[0].argsort(1, descending), ints);
        }
        checkExact("one long line", in -> in[0].argsort(0, false), randint(0, 1000, 50_000).to(DType.FLOAT32));
        checkExact("ten dims", in -> in[0].permute(REVERSED).argsort(2, true), randint(0, 2, TEN));
    }

    @ParameterizedTest
    @CsvSource({"3, 3, 1, 1, 1, 1, 1, 1", "2, 3, 2, 1, 0, 1, 2, 1", "3, 2, 1, 2, 1, 2, 1, 2"})
    void im2colAndCol2im(int kh, int kw, int dh, int dw, int ph, int pw, int sh, int sw) {
        int h = 9;
        int w = 8;
        int bh = (h + 2 * ph - dh * (kh - 1) - 1) / sh + 1;
        int bw = (w + 2 * pw - dw * (kw - 1) - 1) / sw + 1;
        Window2d window = new Window2d(kh, kw, dh, dw, ph, pw, sh, sw, bh, bw);
        Tensor image = randn(2, 3, h, w);
        checkExact("im2col", in -> in[0].im2col(window, 0), image);
        checkExact("im2col of a flipped view, padded with -1", in -> in[0].flip(3).im2col(window, -1), image);
        Tensor cols = randn(2, 3 * kh * kw, bh * bw);
        checkExact("col2im", in -> in[0].col2im(h, w, window), cols);
        check("col2im of float64 transposed columns", in -> in[0].to(DType.FLOAT64).transpose(1, 2).contiguous()
                .transpose(1, 2).col2im(h, w, window), cols);
    }
}
