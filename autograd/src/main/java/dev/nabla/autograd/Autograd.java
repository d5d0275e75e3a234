package dev.nabla.autograd;

import dev.nabla.Nabla;
import dev.nabla.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** PyTorch's {@code torch.autograd.grad}: gradients of outputs with respect to chosen inputs, leaving {@code grad()} alone. */
public final class Autograd {
    private Autograd() {
    }

    /** d(output)/d(inputs) for a scalar output, freeing the graph afterwards. */
    public static List<Tensor> grad(Tensor output, Tensor... inputs) {
        return grad(List.of(output), Arrays.asList(inputs), null, false, false, false);
    }

    /**
     * The gradients of {@code outputs} weighted by {@code gradOutputs} (null: ones, for scalar outputs) with respect
     * to {@code inputs}; {@code retainGraph} keeps the graph for another pass, {@code createGraph} records this one
     * so the results can be differentiated again.
     */
    public static List<Tensor> grad(List<Tensor> outputs, List<Tensor> inputs, List<Tensor> gradOutputs,
                                    boolean retainGraph, boolean createGraph) {
        return grad(outputs, inputs, gradOutputs, retainGraph, createGraph, false);
    }

    /** As the five-argument form; with {@code allowUnused}, inputs the outputs do not depend on get null. */
    public static List<Tensor> grad(List<Tensor> outputs, List<Tensor> inputs, List<Tensor> gradOutputs,
                                    boolean retainGraph, boolean createGraph, boolean allowUnused) {
        if (gradOutputs != null && gradOutputs.size() != outputs.size()) {
            throw new IllegalArgumentException("Autograd.grad: got " + gradOutputs.size() + " gradOutputs for "
                    + outputs.size() + " outputs");
        }
        List<Tensor> weights = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            Tensor out = outputs.get(i);
            if (!out.requiresGrad()) {
                throw new IllegalArgumentException("Autograd.grad: output " + i + " does not require grad and does not "
                        + "have a grad_fn");
            }
            Tensor w = gradOutputs == null ? null : gradOutputs.get(i);
            if (w == null) {
                if (out.numel() != 1) {
                    throw new IllegalArgumentException("Autograd.grad: grad can be implicitly created only for scalar "
                            + "outputs, but output " + i + " has shape " + Arrays.toString(out.shape()));
                }
                w = Nabla.onesLike(out);
            } else if (!Arrays.equals(w.shape(), out.shape())) {
                throw new IllegalArgumentException("Autograd.grad: mismatch in shape: gradOutput " + i + " has shape "
                        + Arrays.toString(w.shape()) + " and output has shape " + Arrays.toString(out.shape()));
            }
            weights.add(w);
        }
        return Arrays.asList(Engine.gradients(outputs, weights, inputs, retainGraph || createGraph, createGraph,
                allowUnused));
    }
}
