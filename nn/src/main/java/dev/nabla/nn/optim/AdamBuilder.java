package dev.nabla.nn.optim;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The keyword arguments {@link Adam} and {@link AdamW} share, {@code lr, betas, eps, weight_decay, amsgrad,
 * maximize}, with PyTorch's defaults; only the default weight decay differs between the two.
 *
 * @param <B> the builder itself, returned by the setters
 * @param <O> the optimizer it builds
 */
abstract class AdamBuilder<B extends AdamBuilder<B, O>, O extends Optimizer> extends OptimizerBuilder<B, O> {
    private final String name;

    /** Defaults lr 0.001, betas 0.9 and 0.999, eps 1e-8, the given weight decay, no amsgrad, minimizing. */
    AdamBuilder(String name, double weightDecay, BiFunction<List<ParamGroup>, Map<String, Object>, O> create) {
        super(create);
        this.name = name;
        set("lr", 1e-3);
        set("betas", new double[] {0.9, 0.999});
        set("eps", 1e-8);
        set("weight_decay", weightDecay);
        set("amsgrad", false);
        set("maximize", false);
    }

    /** The decay rates of the first and second moment averages (default 0.9, 0.999). */
    public B betas(double beta1, double beta2) {
        return set("betas", new double[] {beta1, beta2});
    }

    /** Added to the denominator for numerical stability (default 1e-8). */
    public B eps(double eps) {
        return set("eps", eps);
    }

    /** Use the maximum of past second moments (AMSGrad). */
    public B amsgrad(boolean amsgrad) {
        return set("amsgrad", amsgrad);
    }

    @Override
    final void check() {
        Checks.nonNegative(name, "learning rate", getDouble("lr"));
        Checks.nonNegative(name, "epsilon value", getDouble("eps"));
        double[] betas = getDoubles("betas");
        Checks.unitInterval(name, "beta parameter at index 0", betas[0]);
        Checks.unitInterval(name, "beta parameter at index 1", betas[1]);
        Checks.nonNegative(name, "weight_decay value", getDouble("weight_decay"));
    }
}
