package dev.nabla.benchmarks;

import dev.nabla.Nabla;
import dev.nabla.NoGrad;
import dev.nabla.Parameter;
import dev.nabla.Tensor;
import dev.nabla.nn.Linear;
import dev.nabla.nn.MSELoss;
import dev.nabla.nn.ReLU;
import dev.nabla.nn.Reduction;
import dev.nabla.nn.Sequential;
import dev.nabla.nn.optim.SGD;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The examples' two-layer ReLU network (x·w1, ReLU, ·w2, summed squared error, plain SGD) in the three forms of
 * {@code TwoLayerManual}, {@code TwoLayerAutograd} and {@code TwoLayerNn}, step for step, at any size. It keeps a
 * copy of the initial weights so that a timed run can start from the same point every time.
 */
public final class TwoLayerNet {
    /** How the gradients are computed. */
    public enum Form {
        /** Hand-written backward on tensors without gradients, as TwoLayerManual. */
        MANUAL,
        /** requiresGrad weights, loss.backward(), updates under NoGrad, as TwoLayerAutograd. */
        AUTOGRAD,
        /** Sequential(Linear, ReLU, Linear), MSELoss(sum) and SGD, as TwoLayerNn. */
        NN
    }

    /** The examples' learning rate for the manual and autograd forms. */
    public static final double LEARNING_RATE = 1e-6;
    /** The examples' learning rate for the nn form. */
    public static final double NN_LEARNING_RATE = 1e-4;

    private final Form form;
    private final Tensor x;
    private final Tensor y;
    private final List<Tensor> weights = new ArrayList<>();
    private final List<Tensor> initial = new ArrayList<>();
    private Sequential model;
    private MSELoss lossFn;
    private SGD optimizer;
    private long createdBytes;

    /** A network of the given sizes and form, with seeded normal data and weights. */
    public TwoLayerNet(Form form, int batch, int input, int hidden, int output, long seed) {
        this.form = form;
        Nabla.manualSeed(seed);
        x = Nabla.randn(batch, input);
        y = Nabla.randn(batch, output);
        if (form == Form.NN) {
            model = new Sequential(new Linear(input, hidden), new ReLU(), new Linear(hidden, output));
            lossFn = new MSELoss(Reduction.SUM);
            optimizer = new SGD(model.parameters(), NN_LEARNING_RATE);
            for (Parameter p : model.parameters()) weights.add(p);
        } else {
            boolean grad = form == Form.AUTOGRAD;
            weights.add(Nabla.randn(input, hidden).requiresGrad(grad));
            weights.add(Nabla.randn(hidden, output).requiresGrad(grad));
        }
        for (Tensor w : weights) initial.add(w.detach().clone());
    }

    /** The examples' sizes: x 100×1000, w1 1000×100, w2 100×10. */
    public static TwoLayerNet tutorial(Form form) {
        return new TwoLayerNet(form, 100, 1000, 100, 10, 7);
    }

    /** The scaled variant: x 1024×4096, w1 4096×1024, w2 1024×10. */
    public static TwoLayerNet scaled(Form form) {
        return new TwoLayerNet(form, 1024, 4096, 1024, 10, 8);
    }

    /** The form named case-insensitively ("manual", "autograd", "nn"). */
    public static Form form(String name) {
        return Form.valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** Puts the weights back to their initial values and drops any gradients. */
    public void restore() {
        try (NoGrad g = NoGrad.enter()) {
            for (int i = 0; i < weights.size(); i++) {
                Tensor w = weights.get(i);
                w.copy_(initial.get(i));
                w.setGrad(null);
            }
        }
    }

    /** Runs {@code steps} training steps; returns the last step's loss (read with item(), as the examples print it). */
    public double train(int steps) {
        double loss = Double.NaN;
        for (int i = 0; i < steps; i++) {
            loss = switch (form) {
                case MANUAL -> manualStep();
                case AUTOGRAD -> autogradStep();
                case NN -> nnStep();
            };
        }
        return loss;
    }

    /** Bytes of tensor data the manual form's steps have created so far (views and in-place ops create none). */
    public long createdBytes() {
        return createdBytes;
    }

    private double manualStep() {
        Tensor w1 = weights.get(0);
        Tensor w2 = weights.get(1);
        Tensor h1 = made(made(x.mm(w1)).clampMin(0));
        Tensor yPred = made(h1.mm(w2));
        Tensor loss = made(made(made(yPred.sub(y)).pow(2.0)).sum());
        double value = loss.item();
        Tensor gradYPred = made(made(yPred.sub(y)).mul(2.0));
        Tensor gradW2 = made(h1.t().mm(gradYPred));
        Tensor gradH = made(made(gradYPred.clone()).mm(w2.t()));
        gradH.maskedFill_(made(h1.le(0.0)), 0.0);
        Tensor gradW1 = made(x.t().mm(gradH));
        w1.sub_(made(gradW1.mul(LEARNING_RATE)));
        w2.sub_(made(gradW2.mul(LEARNING_RATE)));
        return value;
    }

    private double autogradStep() {
        Tensor w1 = weights.get(0);
        Tensor w2 = weights.get(1);
        Tensor yPred = x.mm(w1).clampMin(0).mm(w2);
        Tensor loss = yPred.sub(y).pow(2.0).sum();
        double value = loss.item();
        loss.backward();
        try (NoGrad g = NoGrad.enter()) {
            w1.sub_(w1.grad().mul(LEARNING_RATE));
            w2.sub_(w2.grad().mul(LEARNING_RATE));
            w1.grad().zero_();
            w2.grad().zero_();
        }
        return value;
    }

    private double nnStep() {
        Tensor loss = lossFn.forward(model.forward(x), y);
        double value = loss.item();
        optimizer.zeroGrad();
        loss.backward();
        optimizer.step();
        return value;
    }

    private Tensor made(Tensor t) {
        createdBytes += (long) t.numel() * t.dtype().itemSize();
        return t;
    }
}
