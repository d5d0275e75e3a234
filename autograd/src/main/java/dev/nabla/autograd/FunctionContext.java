package dev.nabla.autograd;

import dev.nabla.Tensor;

import java.util.HashMap;
import java.util.Map;

/** What a custom {@link Function}'s forward leaves for its backward: saved tensors and plain values. */
public final class FunctionContext {
    private Tensor[] saved = new Tensor[0];
    private int[] savedVersions = new int[0];
    private final Map<String, Object> values = new HashMap<>();
    private boolean[] needsInputGrad = new boolean[0];

    FunctionContext() {
    }

    /** Keeps tensors for backward; modifying them in place before backward makes backward fail. */
    public void saveForBackward(Tensor... tensors) {
        saved = tensors.clone();
        savedVersions = new int[tensors.length];
        for (int i = 0; i < tensors.length; i++) savedVersions[i] = tensors[i].version();
    }

    /** The tensors given to {@link #saveForBackward}, checked to be unmodified. */
    public Tensor[] savedTensors() {
        for (int i = 0; i < saved.length; i++) {
            if (saved[i].version() != savedVersions[i]) {
                throw new IllegalStateException("one of the variables needed for gradient computation has been modified "
                        + "by an inplace operation: saved tensor " + i + " is at version " + saved[i].version()
                        + "; expected version " + savedVersions[i] + " instead");
            }
        }
        return saved.clone();
    }

    /** Stores a non-tensor value (a shape, a flag) for backward. */
    public void put(String key, Object value) {
        values.put(key, value);
    }

    /** A value stored by {@link #put}. */
    @SuppressWarnings("unchecked")
    public <T> T get(String key) {
        return (T) values.get(key);
    }

    /** Whether backward must produce a gradient for input {@code i}, as PyTorch's {@code ctx.needs_input_grad}. */
    public boolean needsInputGrad(int i) {
        return i < needsInputGrad.length && needsInputGrad[i];
    }

    void needs(boolean[] needs) {
        needsInputGrad = needs.clone();
    }
}
