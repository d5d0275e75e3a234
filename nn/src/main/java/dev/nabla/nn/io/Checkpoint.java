package dev.nabla.nn.io;

import dev.nabla.Tensor;
import dev.nabla.nn.LoadResult;
import dev.nabla.nn.Module;
import dev.nabla.nn.optim.Optimizer;
import dev.nabla.nn.optim.OptimizerState;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model's state dict, and optionally its optimizer's state, in one safetensors file. The model's tensors keep
 * their dotted names ({@code fc1.weight}), so Hugging Face and PyTorch tools read them as a state dict; the
 * optimizer's tensors go under {@value #OPTIMIZER_PREFIX} and its string values into {@code __metadata__} under
 * the same prefix, with the optimizer's class name under the key {@value #OPTIMIZER_KEY}. Loading reads and checks
 * the whole file before anything is copied, so a bad or mismatched file leaves the model and optimizer unchanged.
 */
public final class Checkpoint {
    /** The prefix of the optimizer's entries. */
    public static final String OPTIMIZER_PREFIX = "optimizer.";
    /** The metadata key naming the optimizer's class; present exactly when the file holds optimizer state. */
    public static final String OPTIMIZER_KEY = "optimizer";

    private Checkpoint() {
    }

    /** Writes {@code module}'s state dict to {@code file} atomically. */
    public static void save(Path file, Module module) throws IOException {
        save(file, module, null);
    }

    /** Writes {@code module}'s state dict and, unless null, {@code optimizer}'s state to {@code file} atomically. */
    public static void save(Path file, Module module, Optimizer optimizer) throws IOException {
        Map<String, Tensor> tensors = new LinkedHashMap<>(module.stateDict());
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("format", "pt"); // what Hugging Face's loaders expect of a PyTorch state dict
        if (optimizer != null) {
            for (String key : tensors.keySet()) {
                if (key.startsWith(OPTIMIZER_PREFIX)) {
                    throw new IllegalArgumentException("Checkpoint.save: the model's entry '" + key + "' starts with '"
                            + OPTIMIZER_PREFIX + "', which is reserved for the optimizer's state");
                }
            }
            OptimizerState state = optimizer.stateDict();
            metadata.put(OPTIMIZER_KEY, optimizer.getClass().getSimpleName());
            state.tensors().forEach((k, v) -> tensors.put(OPTIMIZER_PREFIX + k, v));
            state.values().forEach((k, v) -> metadata.put(OPTIMIZER_PREFIX + k, v));
        }
        SafeTensors.save(file, tensors, metadata);
    }

    /**
     * Loads {@code file} into {@code module} (any optimizer state in the file is ignored). Shape mismatches fail;
     * with {@code strict} missing and unexpected keys fail too. Returns the keys left unmatched.
     */
    public static LoadResult load(Path file, Module module, boolean strict) throws IOException {
        return load(file, module, null, strict);
    }

    /**
     * Loads {@code file} into {@code module} and, unless null, {@code optimizer}, which must be of the class that
     * saved it. A file that is corrupt is a {@link FileFormatException}; one that does not fit the model or the
     * optimizer an {@link IllegalArgumentException}; both name the file and leave the model and optimizer as
     * they were.
     */
    public static LoadResult load(Path file, Module module, Optimizer optimizer, boolean strict) throws IOException {
        SafeTensors.Contents contents = SafeTensors.load(file);
        String saved = contents.metadata().get(OPTIMIZER_KEY);
        Map<String, Tensor> model = new LinkedHashMap<>();
        Map<String, Tensor> optimizerTensors = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : contents.tensors().entrySet()) {
            if (saved != null && e.getKey().startsWith(OPTIMIZER_PREFIX)) {
                optimizerTensors.put(e.getKey().substring(OPTIMIZER_PREFIX.length()), e.getValue());
            } else {
                model.put(e.getKey(), e.getValue());
            }
        }
        if (optimizer == null) return loadModel(file, module, model, strict);

        if (saved == null) {
            throw new IllegalArgumentException(file + ": the checkpoint holds no optimizer state (it was saved "
                    + "without an optimizer)");
        }
        if (!saved.equals(optimizer.getClass().getSimpleName())) {
            throw new IllegalArgumentException(file + ": the checkpoint holds the state of a " + saved
                    + " optimizer, which cannot be loaded into a " + optimizer.getClass().getSimpleName());
        }
        Map<String, String> values = new LinkedHashMap<>();
        contents.metadata().forEach((k, v) -> {
            if (k.startsWith(OPTIMIZER_PREFIX)) values.put(k.substring(OPTIMIZER_PREFIX.length()), v);
        });
        Map<String, Tensor> modelBefore = copy(module.stateDict());
        LoadResult result = loadModel(file, module, model, strict);
        try {
            optimizer.loadStateDict(new OptimizerState(optimizerTensors, values));
        } catch (RuntimeException e) {
            IllegalArgumentException error = new IllegalArgumentException(file + ": the optimizer state does not fit "
                    + "the optimizer: " + e.getMessage(), e);
            // A failed Optimizer.loadStateDict leaves the optimizer unchanged; only the model needs restoring.
            try {
                module.loadStateDict(modelBefore, false);
            } catch (RuntimeException restore) {
                error.addSuppressed(restore);
            }
            throw error;
        }
        return result;
    }

    private static LoadResult loadModel(Path file, Module module, Map<String, Tensor> state, boolean strict) {
        try {
            return module.loadStateDict(state, strict);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": the checkpoint does not fit the model: " + e.getMessage(), e);
        }
    }

    private static Map<String, Tensor> copy(Map<String, Tensor> tensors) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        tensors.forEach((k, v) -> out.put(k, v.detach().clone()));
        return out;
    }
}
