package dev.nabla.nn.optim;

import dev.nabla.Nabla;
import dev.nabla.Tensor;

import java.util.Map;

/**
 * The Adam step shared by {@link Adam} (L2 weight decay added to the gradient) and {@link AdamW} (decoupled:
 * {@code p *= 1 - lr * weight_decay} first). With {@code t} the step count:
 * {@code m = b1 m + (1 - b1) g}, {@code v = b2 v + (1 - b2) g^2}, with amsgrad {@code vmax = max(vmax, v)} used in
 * place of {@code v}, and {@code p -= lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)}: eps is added after
 * the bias correction of the second moment, as PyTorch does.
 */
final class AdamUpdate {
    private AdamUpdate() {
    }

    static void apply(Tensor p, Tensor grad, Map<String, Tensor> state, ParamGroup group, boolean decoupled) {
        double lr = group.lr();
        double[] betas = group.getDoubles("betas");
        double eps = group.getDouble("eps");
        double weightDecay = group.getDouble("weight_decay");
        boolean amsgrad = group.getBoolean("amsgrad");
        if (state.isEmpty()) {
            state.put("exp_avg", Nabla.zerosLike(p));
            state.put("exp_avg_sq", Nabla.zerosLike(p));
            if (amsgrad) state.put("max_exp_avg_sq", Nabla.zerosLike(p));
        }
        double t = Optimizer.incrementStep(state);
        Tensor g = Optimizer.l2Gradient(p, grad, group, decoupled ? 0 : weightDecay);
        if (decoupled && weightDecay != 0) p.mul_(1 - lr * weightDecay);
        Tensor expAvg = state.get("exp_avg");
        Tensor expAvgSq = state.get("exp_avg_sq");
        expAvg.mul_(betas[0]).add_(g, 1 - betas[0]);
        expAvgSq.mul_(betas[1]).add_(g.mul(g), 1 - betas[1]);
        double biasCorrection1 = 1 - Math.pow(betas[0], t);
        double biasCorrection2Sqrt = Math.sqrt(1 - Math.pow(betas[1], t));
        Tensor second = expAvgSq;
        if (amsgrad) {
            // amsgrad may be switched on after the first steps; the running max then starts from zero.
            Tensor max = state.computeIfAbsent("max_exp_avg_sq", k -> Nabla.zerosLike(p));
            max.copy_(max.maximum(expAvgSq));
            second = max;
        }
        Tensor denom = second.sqrt().div_(biasCorrection2Sqrt).add_(eps);
        p.add_(expAvg.div(denom), -lr / biasCorrection1);
    }
}
