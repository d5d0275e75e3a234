package dev.nabla.nn;

import dev.nabla.Tensor;
import dev.nabla.autograd.GradCheck;

import java.util.function.Function;

/** GradCheck for losses; a reduced (0-dim) loss is checked as a 1-element vector, which has the same Jacobian. */
final class LossGradCheck {
    private LossGradCheck() {
    }

    static void check(Function<Tensor[], Tensor> loss, Tensor... inputs) {
        GradCheck.check(in -> {
            Tensor out = loss.apply(in);
            return out.dim() == 0 ? out.reshape(1) : out;
        }, inputs);
    }
}
