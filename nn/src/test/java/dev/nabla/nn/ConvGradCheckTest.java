package dev.nabla.nn;

import dev.nabla.DType;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.autograd.GradCheck;
import dev.nabla.spi.Window2d;
import org.junit.jupiter.api.Test;

/** Finite-difference checks in float64 of every convolution and pooling gradient, and second order for im2col/col2im. */
class ConvGradCheckTest {

    private static Tensor leaf(long seed, int... shape) {
        int n = 1;
        for (int s : shape) n *= s;
        return Nabla.tensor(ConvReference.values(seed, n), shape).to(DType.FLOAT64).requiresGrad(true);
    }

    @Test
    void conv2dWithStridePaddingDilationAndBias() {
        GradCheck.check(t -> Functional.conv2d(t[0], t[1], t[2], new int[] {2, 1}, new int[] {1, 2}, new int[] {1, 2}, 1),
                leaf(1, 2, 2, 5, 4), leaf(2, 3, 2, 3, 2), leaf(3, 3));
    }

    @Test
    void conv2dWithGroups() {
        GradCheck.check(t -> Functional.conv2d(t[0], t[1], t[2], 1, 1, 1, 2), leaf(4, 1, 4, 4, 4), leaf(5, 4, 2, 3, 3),
                leaf(6, 4));
    }

    @Test
    void conv1dWithGroupsAndWithoutBias() {
        GradCheck.check(t -> Functional.conv1d(t[0], t[1], null, 2, 1, 2, 2), leaf(7, 2, 4, 9), leaf(8, 2, 2, 3));
    }

    @Test
    void convTranspose2dWithOutputPaddingAndGroups() {
        GradCheck.check(t -> Functional.convTranspose2d(t[0], t[1], t[2], new int[] {2, 2}, new int[] {1, 0},
                new int[] {1, 0}, 2, new int[] {1, 1}), leaf(9, 1, 4, 3, 3), leaf(10, 4, 1, 3, 2), leaf(11, 2));
    }

    @Test
    void maxPoolWithPaddingAndCeilMode() {
        GradCheck.check(t -> Functional.maxPool2d(t[0], new int[] {3, 2}, new int[] {2, 2}, new int[] {1, 1},
                new int[] {1, 1}, true), leaf(12, 1, 2, 6, 5));
        GradCheck.check(t -> Functional.maxPool2d(t[0], new int[] {2, 2}, new int[] {1, 1}, new int[] {0, 0},
                new int[] {2, 1}, false), leaf(13, 2, 1, 5, 4));
    }

    @Test
    void avgPoolWithAndWithoutCountIncludePad() {
        GradCheck.check(t -> Functional.avgPool2d(t[0], new int[] {3, 3}, new int[] {2, 2}, new int[] {1, 1}, true,
                false), leaf(14, 1, 2, 6, 5));
        GradCheck.check(t -> Functional.avgPool2d(t[0], new int[] {2, 3}, new int[] {2, 1}, new int[] {1, 1}, false,
                true), leaf(15, 1, 2, 5, 5));
    }

    @Test
    void adaptiveAvgPoolForNonDivisibleSizes() {
        GradCheck.check(t -> Functional.adaptiveAvgPool2d(t[0], 3, 2), leaf(16, 1, 2, 5, 7));
    }

    @Test
    void im2colAndCol2imHaveSecondDerivatives() {
        Window2d g = new Window2d(2, 3, 1, 2, 1, 1, 2, 1, 3, 2);
        GradCheck.checkSecondOrder(t -> t[0].im2col(g, 0.0).square(), leaf(17, 1, 2, 4, 4));
        GradCheck.checkSecondOrder(t -> t[0].col2im(4, 4, g).square(), leaf(18, 1, 12, 6));
        GradCheck.checkSecondOrder(t -> Functional.unfold(t[0], new int[] {2, 2}, new int[] {1, 1}, new int[] {1, 0},
                new int[] {1, 2}).pow(3.0), leaf(19, 1, 1, 3, 4));
        GradCheck.checkSecondOrder(t -> Functional.fold(t[0], new int[] {3, 3}, new int[] {2, 2}, new int[] {1, 1},
                new int[] {0, 0}, new int[] {1, 1}).pow(3.0), leaf(20, 1, 4, 4));
    }

    @Test
    void conv2dHasSecondDerivatives() {
        GradCheck.checkSecondOrder(t -> Functional.conv2d(t[0], t[1], null, 1, 1, 1, 1).tanh(), leaf(21, 1, 2, 3, 3),
                leaf(22, 2, 2, 2, 2));
    }
}
