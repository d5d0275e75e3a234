package dev.nabla.autograd;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.autograd.GradCase.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static dev.nabla.autograd.GradCase.POSITIVE;
import static dev.nabla.autograd.GradCase.REAL;
import static dev.nabla.autograd.GradCase.dims;
import static dev.nabla.autograd.GradCase.leaf;

/** Second derivatives ({@link GradCheck#checkSecondOrder}): a representative subset, then every table entry. */
class GradCheckSecondOrderTest {

    static List<GradCase> cases() {
        boolean[] pattern = {true, false, false, true, true, false};
        return List.of(
                new GradCase("mul", () -> new Tensor[] {leaf(0, 2, 3), leaf(11, 2, 3)}, x -> x[0].mul(x[1])),
                new GradCase("mul broadcast", () -> new Tensor[] {leaf(0, 2, 1), leaf(11, 3)}, x -> x[0].mul(x[1])),
                new GradCase("div", () -> new Tensor[] {leaf(0, 2, 3), leaf(11, 2, 3)}, x -> x[0].div(x[1])),
                new GradCase("pow tensor exponent", () -> new Tensor[] {leaf(Kind.CONTIGUOUS, POSITIVE, 0, 2, 3),
                        leaf(11, 2, 3)}, x -> x[0].pow(x[1])),
                new GradCase("pow 3", () -> new Tensor[] {leaf(0, 2, 3)}, x -> x[0].pow(3.0)),
                new GradCase("exp", () -> new Tensor[] {leaf(0, 2, 3)}, x -> x[0].exp()),
                new GradCase("log", () -> new Tensor[] {leaf(Kind.CONTIGUOUS, POSITIVE, 0, 2, 3)}, x -> x[0].log()),
                new GradCase("tanh", () -> new Tensor[] {leaf(Kind.PERMUTED, REAL, 0, 2, 3)}, x -> x[0].tanh()),
                new GradCase("sigmoid", () -> new Tensor[] {leaf(Kind.STEPPED, REAL, 0, 2, 3)}, x -> x[0].sigmoid()),
                new GradCase("mm", () -> new Tensor[] {leaf(0, 2, 3), leaf(11, 3, 2)}, x -> x[0].mm(x[1])),
                new GradCase("matmul batch broadcast", () -> new Tensor[] {leaf(0, 2, 1, 2, 3), leaf(11, 2, 3, 2)},
                        x -> x[0].matmul(x[1])),
                new GradCase("softmax", () -> new Tensor[] {leaf(0, 2, 3)}, x -> x[0].softmax(1)),
                new GradCase("logSoftmax", () -> new Tensor[] {leaf(0, 2, 3)}, x -> x[0].logSoftmax(-1)),
                new GradCase("sum of squares", () -> new Tensor[] {leaf(0, 2, 3)}, x -> x[0].square().sum()),
                new GradCase("mean of cubes over dims", () -> new Tensor[] {leaf(0, 2, 3, 2)},
                        x -> x[0].pow(3.0).mean(dims(0, 2), false)),
                new GradCase("view chain", () -> new Tensor[] {leaf(0, 2, 3, 2)},
                        x -> x[0].permute(2, 0, 1).reshape(4, 3).slice(0, 0, 4, 2).t().exp()),
                new GradCase("gather", () -> new Tensor[] {leaf(0, 2, 3)},
                        x -> x[0].gather(1, Nabla.tensor(new long[] {2, 2, 0, 1}, 2, 2)).square()),
                new GradCase("indexSelect", () -> new Tensor[] {leaf(0, 2, 3)},
                        x -> x[0].indexSelect(1, Nabla.tensor(new long[] {2, 0, 2})).square()),
                new GradCase("cat", () -> new Tensor[] {leaf(0, 2, 2), leaf(11, 2, 3)},
                        x -> Nabla.cat(List.of(x[0], x[1]), 1).square()),
                new GradCase("where", () -> new Tensor[] {leaf(0, 2, 3), leaf(11, 3)},
                        x -> Nabla.where(Nabla.tensor(pattern, 2, 3), x[0].square(), x[1].exp())),
                new GradCase("prod with a zero", () -> new Tensor[] {GradCase.leafOf(new double[] {0.7, 0, -1.3, 1.1}, 4)},
                        x -> x[0].prod()),
                new GradCase("prod with two zeros", () -> new Tensor[] {GradCase.leafOf(new double[] {0.7, 0, -1.3, 0}, 4)},
                        x -> x[0].prod()),
                new GradCase("prod(1) with zero, one and two zeros per row", () -> new Tensor[] {GradCase.leafOf(
                        new double[] {0.9, 1.2, -0.8, 0, 1.4, 0.5, 0.6, 0, 0}, 3, 3)}, x -> x[0].prod(1, false)),
                new GradCase("norm", () -> new Tensor[] {leaf(0, 2, 3)}, x -> x[0].norm(2, dims(1), false)),
                new GradCase("custom Function", () -> new Tensor[] {leaf(0, 2, 3), leaf(11, 3)},
                        x -> new GradCheckLinalgTableTest.CubeTimes().apply(x[0], x[1])));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void secondDerivativesMatchFiniteDifferences(GradCase entry) {
        GradCheck.checkSecondOrder(entry.f(), entry.inputs().get());
    }

    /** Every first-order table entry at second order too; rules linear in g with constant factors pass trivially. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.nabla.autograd.OpCoverageTest#allCases")
    void everyTableEntryAtSecondOrder(GradCase entry) {
        GradCheck.checkSecondOrder(entry.f(), entry.inputs().get());
    }
}
