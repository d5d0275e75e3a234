package dev.nabla.nn.optim.lr;

import dev.nabla.DType;
import dev.nabla.Generator;
import dev.nabla.Parameter;
import dev.nabla.Tensor;
import dev.nabla.TensorOptions;
import dev.nabla.nn.MSELoss;
import dev.nabla.nn.Module;
import dev.nabla.nn.optim.SGD;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static dev.nabla.Nabla.randn;
import static dev.nabla.Nabla.tensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The range test on least squares, {@code mean((X w - y)^2)}, whose Hessian {@code 2 X^T X / N} is known: gradient
 * descent diverges above {@code 2 / lambda_max}, and makes little progress far below {@code 1 / lambda_max}, so
 * a sensible suggestion lies between.
 */
class LrFinderTest {
    private static final int N = 64;
    private static final int D = 3;

    /** y = x . w + b with w = (1, -2, 0.5), b = 0.3; the bias is a buffer-free second parameter. */
    private static final class Linear extends Module {
        final Parameter w = registerParameter("w", tensor(new double[] {0, 0, 0}).reshape(D, 1));
        final Parameter b = registerParameter("b", tensor(new double[] {0}));

        @Override
        public Tensor forward(Tensor... inputs) {
            return single(inputs).matmul(w).add(b);
        }
    }

    private static Tensor[] data() {
        Tensor x = randn(new Generator(7), TensorOptions.of(DType.FLOAT64), N, D);
        Tensor y = x.matmul(tensor(new double[] {1, -2, 0.5}).reshape(D, 1)).add(0.3);
        return new Tensor[] {x, y};
    }

    /** The largest eigenvalue of {@code 2 A^T A / N} for A = [X, 1], by power iteration on plain arrays. */
    private static double lambdaMax(Tensor x) {
        double[] a = x.toDoubleArray();
        int k = D + 1;
        double[][] h = new double[k][k];
        for (int n = 0; n < N; n++) {
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    double ai = i < D ? a[n * D + i] : 1;
                    double aj = j < D ? a[n * D + j] : 1;
                    h[i][j] += 2 * ai * aj / N;
                }
            }
        }
        double[] v = {1, 1, 1, 1};
        double lambda = 0;
        for (int it = 0; it < 500; it++) {
            double[] hv = new double[k];
            for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) hv[i] += h[i][j] * v[j];
            double norm = 0;
            for (double e : hv) norm += e * e;
            norm = Math.sqrt(norm);
            lambda = norm;
            for (int i = 0; i < k; i++) v[i] = hv[i] / norm;
        }
        return lambda;
    }

    @Test
    void suggestsALearningRateBelowTheStabilityLimitAndRestoresTheModel() {
        Tensor[] xy = data();
        Linear model = new Linear();
        SGD opt = SGD.builder().lr(0.05).momentum(0.0).build(model.parameters());
        // Leave some state behind first: the finder must restore weights, lr and optimizer state.
        model.w.setGrad(tensor(new double[] {1, 2, 3}).reshape(D, 1));
        model.b.setGrad(tensor(new double[] {1}));
        opt.step();
        double[] w = model.w.toDoubleArray();
        double[] b = model.b.toDoubleArray();

        List<Tensor[]> batches = Collections.nCopies(100, xy);
        LrFinderResult r = new LrFinder(model, opt).startLr(1e-5).endLr(10).rangeTest(batches, new MSELoss());

        double lambda = lambdaMax(xy[0]);
        double s = r.suggestedLr();
        assertTrue(s < 2 / lambda, "suggested " + s + " is past the divergence limit 2/lambda_max = " + 2 / lambda);
        assertTrue(s > 0.05 / lambda, "suggested " + s + " is far below 1/lambda_max = " + 1 / lambda);
        assertTrue(r.diverged(), "an lr of 10 diverges on this problem, so the run stops early");
        assertTrue(r.lrs().length < 100);
        assertEquals(r.lrs().length, r.losses().length);
        assertEquals(r.lrs().length, r.smoothedLosses().length);
        assertEquals(1e-5, r.lrs()[0], 1e-20);
        assertEquals(1e-5 * Math.pow(1e6, 1.0 / 99), r.lrs()[1], 1e-15);
        // The first smoothed value is the first loss (bias correction), and later ones average.
        assertEquals(r.losses()[0], r.smoothedLosses()[0], 1e-12);

        assertArrayEquals(w, model.w.toDoubleArray());
        assertArrayEquals(b, model.b.toDoubleArray());
        assertEquals(0.05, opt.paramGroups().get(0).lr());
        assertNull(model.w.grad());
    }

    @Test
    void stepFunctionFormAndOptimizerStateRestore() {
        Tensor[] xy = data();
        Parameter w = new Parameter(tensor(new double[] {0.5, 0.5, 0.5}).reshape(D, 1));
        SGD opt = SGD.builder().lr(0.01).momentum(0.9).build(List.of(w));
        w.setGrad(tensor(new double[] {1, 1, 1}).reshape(D, 1));
        opt.step();
        double[] buffer = opt.state(w).get("momentum_buffer").toDoubleArray();
        double[] before = w.toDoubleArray();
        MSELoss mse = new MSELoss();
        LrFinderResult r = new LrFinder(opt).startLr(1e-4).endLr(1e-2).skip(2, 2)
                .rangeTest(20, () -> mse.forward(xy[0].matmul(w), xy[1]));
        assertEquals(20, r.lrs().length);
        assertFalse(r.diverged());
        // With rates this small the loss only falls, so the steepest descent lies inside the curve.
        assertTrue(r.suggestedLr() >= 1e-4 && r.suggestedLr() <= 1e-2);
        assertArrayEquals(before, w.toDoubleArray());
        assertArrayEquals(buffer, opt.state(w).get("momentum_buffer").toDoubleArray());
    }

    @Test
    void anIterableThatIsNotACollectionIsCountedAndCycled() {
        Tensor[] xy = data();
        Linear model = new Linear();
        SGD opt = new SGD(model.parameters());
        List<Tensor[]> five = new ArrayList<>(Collections.nCopies(5, xy));
        Iterable<Tensor[]> stream = five::iterator;
        MSELoss mse = new MSELoss();
        assertEquals(5, new LrFinder(model, opt).endLr(1e-3).rangeTest(stream, mse).lrs().length);
        assertEquals(12, new LrFinder(model, opt).endLr(1e-3).numIter(12).rangeTest(stream, mse).lrs().length);
    }
}
