package dev.nabla.examples;

import dev.nabla.DType;
import dev.nabla.Tensor;

import java.io.PrintStream;

import static dev.nabla.Nabla.empty;
import static dev.nabla.Nabla.manualSeed;
import static dev.nabla.Nabla.rand;
import static dev.nabla.Nabla.randn;
import static dev.nabla.Nabla.range;
import static dev.nabla.Nabla.tensor;
import static dev.nabla.Nabla.zeros;

/** The first page of the PyTorch introduction: making tensors and the basic arithmetic on them. */
final class TensorBasics implements Example {
    @Override
    public String name() {
        return "tensor-basics";
    }

    @Override
    public String summary() {
        return "create tensors (from sizes, lists, rand, randn, range, zeros) and do arithmetic on them";
    }

    @Override
    public void run(Options options, PrintStream out) {
        manualSeed(options.seed());
        show(out, "torch.Tensor(2, 3)            # a float tensor from a size (zeros: Java memory is initialized)",
                empty(2, 3));
        show(out, "torch.Tensor([2, 3, 4, 5])    # a float tensor from a list", tensor(new float[] {2, 3, 4, 5}));
        show(out, "torch.IntTensor(2, 3)", empty(DType.INT32, 2, 3));
        show(out, "torch.IntTensor([2, 3, 4, 5])", tensor(new int[] {2, 3, 4, 5}));
        show(out, "torch.rand(2, 3)", rand(2, 3));
        show(out, "torch.randn(2, 3)", randn(2, 3));
        show(out, "torch.range(2, 8, 1)          # end included", range(2, 8, 1));
        show(out, "torch.zeros(2, 3)", zeros(2, 3));

        Tensor a = randn(2, 3);
        show(out, "a = torch.randn(2, 3)", a);
        show(out, "torch.abs(a)", a.abs());
        Tensor b = randn(2, 3);
        show(out, "b = torch.randn(2, 3)", b);
        show(out, "torch.add(a, b)", a.add(b));
        show(out, "torch.add(a, 10)", a.add(10.0));
        show(out, "torch.clamp(a, -0.1, 0.1)", a.clamp(-0.1, 0.1));
        show(out, "torch.div(a, b)", a.div(b));
        show(out, "torch.div(a, 10)", a.div(10.0));
        show(out, "torch.mul(a, b)", a.mul(b));
        show(out, "torch.mul(a, 10)", a.mul(10.0));
        show(out, "torch.pow(a, 2)", a.pow(2.0));

        Tensor c = randn(2, 3);
        Tensor d = randn(3, 2);
        show(out, "c = torch.randn(2, 3)", c);
        show(out, "d = torch.randn(3, 2)", d);
        show(out, "torch.mm(c, d)", c.mm(d));
        Tensor e = randn(2, 3);
        Tensor f = randn(3);
        show(out, "e = torch.randn(2, 3)", e);
        show(out, "f = torch.randn(3)", f);
        show(out, "torch.mv(e, f)", e.mv(f));
    }

    private static void show(PrintStream out, String python, Tensor value) {
        out.println(">>> " + python);
        out.println(value);
    }
}
