package dev.nabla.autograd;

import dev.nabla.GradFn;
import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.TensorOptions;
import dev.nabla.spi.BinaryOp;
import dev.nabla.spi.CustomBackward;
import dev.nabla.spi.GraphOp;
import dev.nabla.spi.ReduceArgs;
import dev.nabla.spi.ReduceOp;
import dev.nabla.spi.UnaryOp;
import dev.nabla.spi.Window2d;

import java.util.Arrays;

/**
 * Every derivative rule, in one place (PyTorch's derivatives.yaml). Each rule maps the gradient of a node's output
 * to the gradients of its inputs using Tensor ops, so a backward run with grad mode on records its own graph and
 * higher derivatives come for free. Rules return gradients in the output's broadcast shape; the engine sums them
 * back to each input's shape. The switches are exhaustive: a primitive without a rule does not compile.
 */
final class Derivatives {
    private static final double SQRT_2 = Math.sqrt(2);
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
    private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

    private Derivatives() {
    }

    /** The gradients of a node's inputs (null where not needed or not differentiable). */
    static Tensor[] backward(GradFn f, Tensor g, boolean[] needs) {
        Enum<?> op = f.op();
        if (op instanceof UnaryOp u) return new Tensor[] {needs[0] ? unary(u, f, g) : null};
        if (op instanceof BinaryOp b) return binary(b, f, g, needs);
        if (op instanceof ReduceOp r) return new Tensor[] {needs[0] ? reduce(r, f, g) : null};
        return graph((GraphOp) op, f, g, needs);
    }

    /** True when the op has a gradient at all (comparisons, logic, argmax and the like do not). */
    static boolean isDifferentiable(Enum<?> op) {
        if (op instanceof UnaryOp u) return u != UnaryOp.LOGICAL_NOT;
        if (op instanceof BinaryOp b) return !b.isComparison() && !b.isLogical();
        if (op instanceof ReduceOp r) return r == ReduceOp.SUM || r == ReduceOp.PROD || r == ReduceOp.MAX
                || r == ReduceOp.MIN;
        return true;
    }

    private static Tensor unary(UnaryOp op, GradFn f, Tensor g) {
        return switch (op) {
            case NEG -> g.neg();
            case ABS -> g.mul(f.input(0).sign());
            case SIGN, FLOOR, CEIL, ROUND -> Nabla.zerosLike(g);
            case EXP -> g.mul(f.output());
            case LOG -> g.div(f.input(0));
            case LOG1P -> g.div(f.input(0).add(1.0));
            case EXPM1 -> g.mul(f.output().add(1.0));
            case SQRT -> g.div(f.output().mul(2.0));
            case RSQRT -> g.mul(f.output().pow(3.0)).mul(-0.5);
            case RECIPROCAL -> g.mul(f.output().square()).neg();
            case SIN -> g.mul(f.input(0).cos());
            case COS -> g.mul(f.input(0).sin()).neg();
            case TAN -> g.mul(f.output().square().add(1.0));
            case TANH -> g.mul(f.output().square().neg().add(1.0));
            case SIGMOID -> {
                Tensor s = f.output();
                yield g.mul(s.mul(s.neg().add(1.0)));
            }
            case RELU -> Nabla.where(f.output().gt(0.0), g, 0.0);
            case GELU -> {
                Tensor x = f.input(0);
                Tensor cdf = x.div(SQRT_2).erf().add(1.0).mul(0.5);
                Tensor pdf = x.square().mul(-0.5).exp().mul(INV_SQRT_2PI);
                yield g.mul(cdf.add(x.mul(pdf)));
            }
            case SILU -> {
                Tensor x = f.input(0);
                Tensor s = x.sigmoid();
                yield g.mul(s.mul(x.mul(s.neg().add(1.0)).add(1.0)));
            }
            case SOFTPLUS -> g.mul(f.input(0).sigmoid());
            case ERF -> g.mul(f.input(0).square().neg().exp().mul(TWO_OVER_SQRT_PI));
            case LOGICAL_NOT -> null;
        };
    }

    private static Tensor[] binary(BinaryOp op, GradFn f, Tensor g, boolean[] needs) {
        Tensor ga = null;
        Tensor gb = null;
        switch (op) {
            case ADD -> {
                ga = g;
                gb = g;
            }
            case SUB -> {
                ga = g;
                gb = needs[1] ? g.neg() : null;
            }
            case MUL -> {
                ga = needs[0] ? g.mul(f.input(1)) : null;
                gb = needs[1] ? g.mul(f.input(0)) : null;
            }
            case DIV -> {
                Tensor b = f.input(1);
                ga = needs[0] ? g.div(b) : null;
                gb = needs[1] ? g.neg().mul(f.input(0)).div(b.square()) : null;
            }
            case POW -> {
                Tensor a = f.input(0);
                Tensor b = f.input(1);
                if (needs[0]) {
                    // PyTorch: exponent 0 gives gradient 0 even where a^(b-1) is infinite.
                    ga = Nabla.where(b.eq(0.0), g.mul(0.0), g.mul(b).mul(a.pow(b.sub(1.0))));
                }
                if (needs[1]) {
                    // PyTorch: a = 0 with b >= 0 gives 0 rather than 0 * log(0).
                    Tensor safe = a.eq(0.0).logicalAnd(b.ge(0.0));
                    gb = Nabla.where(safe, g.mul(0.0), g.mul(f.output()).mul(a.log()));
                }
            }
            case MAXIMUM, MINIMUM -> {
                Tensor a = f.input(0);
                Tensor b = f.input(1);
                Tensor split = Nabla.where(a.eq(b), g.mul(0.5), g);
                boolean max = op == BinaryOp.MAXIMUM;
                // PyTorch: ties split the gradient in half; NaN passes it to both sides.
                ga = needs[0] ? Nabla.where((max ? a.lt(b) : a.gt(b)).logicalNot(), split, 0.0) : null;
                gb = needs[1] ? Nabla.where((max ? a.gt(b) : a.lt(b)).logicalNot(), split, 0.0) : null;
            }
            case EQ, NE, LT, LE, GT, GE, LOGICAL_AND, LOGICAL_OR -> {
                return new Tensor[2];
            }
        }
        return new Tensor[] {needs[0] ? ga : null, needs[1] ? gb : null};
    }

    private static Tensor reduce(ReduceOp op, GradFn f, Tensor g) {
        ReduceArgs args = (ReduceArgs) f.attributes();
        int[] shape = f.inputShape(0);
        return switch (op) {
            case SUM -> kept(g, args).expand(shape);
            case PROD -> {
                // The product of the other elements, as PyTorch's prod_safe_zeros_backward, without dividing by a
                // zero and differentiable again: with P the product of the non-zeros and Z that of the zeros, a
                // non-zero x has Z * P / x; a zero has P times the other zeros' product (1, the other zero, or 0).
                Tensor x = f.input(0);
                int[] dims = args.dims();
                Tensor zero = x.eq(0.0);
                Tensor count = zero.sum(dims, true);
                Tensor safe = Nabla.where(zero, Nabla.onesLike(x), x);
                Tensor p = safe.prod(dims, true);
                Tensor z = Nabla.where(zero, x, 1.0).prod(dims, true);
                Tensor otherZero = Nabla.where(zero, x, 0.0).sum(dims, true).sub(x);
                Tensor otherZeros = Nabla.where(count.ne(1L), Nabla.where(count.eq(2L), otherZero, 0.0), 1.0);
                yield kept(g, args).mul(Nabla.where(zero, p.mul(otherZeros), z.mul(p).div(safe)));
            }
            case MAX, MIN -> {
                // Ties share the gradient evenly; a NaN result sends it to the NaNs (PyTorch's
                // evenly_distribute_backward), where x == y alone would find no element and give NaN everywhere.
                Tensor x = f.input(0);
                Tensor y = kept(f.output(), args);
                Tensor hit = x.eq(y).logicalOr(x.ne(x).logicalAnd(y.ne(y))).to(x.dtype());
                yield kept(g, args).mul(hit).div(hit.sum(args.dims(), true));
            }
            case ARGMAX, ARGMIN, ALL, ANY -> null;
        };
    }

    /** A reduction's gradient with the reduced dims put back as size-1 dims. */
    private static Tensor kept(Tensor g, ReduceArgs args) {
        if (args.keepdim()) return g;
        Tensor r = g;
        for (int d : args.dims()) r = r.unsqueeze(d);
        return r;
    }

    private static Tensor[] graph(GraphOp op, GradFn f, Tensor g, boolean[] needs) {
        return switch (op) {
            case MATMUL -> matmul(f, g, needs);
            case WHERE -> {
                Tensor cond = f.input(0);
                yield new Tensor[] {null, needs[1] ? Nabla.where(cond, g, 0.0) : null,
                        needs[2] ? Nabla.where(cond.logicalNot(), g, 0.0) : null};
            }
            case CAST -> new Tensor[] {g.to(f.inputDtype(0))};
            case TO_DEVICE -> new Tensor[] {g.to(f.inputDevice(0))};
            case GATHER -> {
                int dim = (Integer) f.attributes();
                // In place: the out-of-place form would copy the fresh zeros first.
                Tensor zeros = zeros(f.inputShape(0), g);
                yield new Tensor[] {zeros.scatterAdd_(dim, f.input(1), g), null};
            }
            case SCATTER -> {
                int dim = (Integer) f.attributes();
                Tensor index = f.input(1);
                yield new Tensor[] {needs[0] ? g.scatter(dim, index, 0.0) : null, null,
                        needs[2] ? padTo(g.gather(dim, index), f.inputShape(2)) : null};
            }
            case SCATTER_ADD -> {
                int dim = (Integer) f.attributes();
                yield new Tensor[] {g, null, needs[2] ? padTo(g.gather(dim, f.input(1)), f.inputShape(2)) : null};
            }
            case CUMSUM -> {
                int dim = (Integer) f.attributes();
                yield new Tensor[] {g.flip(dim).cumsum(dim).flip(dim)};
            }
            case CAT -> {
                int dim = (Integer) f.attributes();
                Tensor[] parts = new Tensor[f.inputCount()];
                int at = 0;
                for (int i = 0; i < parts.length; i++) {
                    int len = f.inputShape(i)[dim];
                    if (needs[i]) parts[i] = g.narrow(dim, at, len);
                    at += len;
                }
                yield parts;
            }
            case RESHAPE -> new Tensor[] {g.reshape(f.inputShape(0))};
            case PERMUTE -> {
                int[] perm = (int[]) f.attributes();
                int[] inverse = new int[perm.length];
                for (int i = 0; i < perm.length; i++) inverse[perm[i]] = i;
                yield new Tensor[] {g.permute(inverse)};
            }
            case EXPAND -> new Tensor[] {g};
            case SLICE -> {
                int[] w = (int[]) f.attributes();
                yield new Tensor[] {zeros(f.inputShape(0), g).sliceScatter(g, w[0], w[1], w[2], w[3])};
            }
            case SLICE_SCATTER -> {
                int[] w = (int[]) f.attributes();
                yield new Tensor[] {needs[0] ? g.sliceScatter(zeros(f.inputShape(1), g), w[0], w[1], w[2], w[3]) : null,
                        needs[1] ? g.slice(w[0], w[1], w[2], w[3]) : null};
            }
            case FLIP -> new Tensor[] {g.flip((int[]) f.attributes())};
            case IM2COL -> {
                int[] image = f.inputShape(0);
                yield new Tensor[] {g.col2im(image[2], image[3], (Window2d) f.attributes())};
            }
            case COL2IM -> new Tensor[] {g.im2col((Window2d) f.attributes(), 0.0)};
            case CUSTOM -> ((CustomBackward) f.attributes()).backward(g, needs);
        };
    }

    /**
     * The product rule for every matmul entry point: 1-d operands become a row (left) or a column (right),
     * then dA = dC B^T and dB = A^T dC over the last two dims; the engine sums broadcast batch dims away.
     */
    private static Tensor[] matmul(GradFn f, Tensor g, boolean[] needs) {
        int[] sa = f.inputShape(0);
        int[] sb = f.inputShape(1);
        boolean vecA = sa.length == 1;
        boolean vecB = sb.length == 1;
        Tensor gc = g;
        if (vecA) gc = gc.unsqueeze(vecB ? 0 : -2);
        if (vecB) gc = gc.unsqueeze(-1);
        Tensor ga = null;
        Tensor gb = null;
        if (needs[0]) {
            Tensor b = f.input(1);
            Tensor b2 = vecB ? b.unsqueeze(1) : b;
            ga = gc.matmul(b2.transpose(-1, -2));
            if (vecA) ga = ga.squeeze(-2);
        }
        if (needs[1]) {
            Tensor a = f.input(0);
            Tensor a2 = vecA ? a.unsqueeze(0) : a;
            gb = a2.transpose(-1, -2).matmul(gc);
            if (vecB) gb = gb.squeeze(-1);
        }
        return new Tensor[] {ga, gb};
    }

    /** Zeros of {@code shape} with g's dtype and device. */
    private static Tensor zeros(int[] shape, Tensor like) {
        return Nabla.zeros(TensorOptions.of(like.dtype()).device(like.device()), shape);
    }

    /** Pads {@code g} with zeros at the end of each dim up to {@code shape} (a src larger than its index). */
    private static Tensor padTo(Tensor g, int[] shape) {
        Tensor r = g;
        int[] have = g.shape();
        for (int d = 0; d < shape.length; d++) {
            if (have[d] < shape[d]) {
                int[] pad = r.shape();
                pad[d] = shape[d] - have[d];
                r = Nabla.cat(Arrays.asList(r, zeros(pad, g)), d);
            }
        }
        return r;
    }
}
