package dev.nabla.nn.io;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.nn.LoadResult;
import dev.nabla.nn.Module;
import dev.nabla.nn.optim.Optimizer;
import dev.nabla.nn.optim.OptimizerState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckpointTest {
    @TempDir
    Path dir;

    /** Two parameters, a persistent INT64 buffer and a child, each filled from {@code fill}. */
    static class Net extends Module {
        Net(float fill, int cols, boolean withHead) {
            registerParameter("weight", Nabla.full(new int[] {2, cols}, fill));
            registerParameter("bias", Nabla.full(new int[] {cols}, fill + 1));
            registerBuffer("steps", Nabla.tensor((long) fill));
            if (withHead) registerModule("head", new Head(fill));
        }

        @Override
        public Tensor forward(Tensor... inputs) {
            return single(inputs);
        }
    }

    static final class Head extends Module {
        Head(float fill) {
            registerParameter("weight", Nabla.full(new int[] {3}, -fill));
        }

        @Override
        public Tensor forward(Tensor... inputs) {
            return single(inputs);
        }
    }

    /** A net with an extra buffer, or a child named "optimizer". */
    static final class Variant extends Net {
        Variant(float fill, String extra) {
            super(fill, 3, true);
            if (extra.equals("optimizer")) registerModule("optimizer", new Head(fill));
            else registerBuffer(extra, Nabla.zeros(1));
        }
    }

    /** A stand-in optimizer: one momentum buffer and two hyperparameters, checked on load like a real one. */
    static class FakeOptimizer extends Optimizer {
        final Map<String, Tensor> buffers = new LinkedHashMap<>();
        final Map<String, String> values = new LinkedHashMap<>();

        FakeOptimizer(double lr, float momentum, int cols) {
            buffers.put("state.0.momentum_buffer", Nabla.full(new int[] {2, cols}, momentum));
            values.put("param_groups.0.lr", Double.toString(lr));
            values.put("param_groups.0.params", "[0, 1]");
        }

        @Override
        public void step() {
            buffers.values().forEach(b -> b.add_(1.0));
        }

        @Override
        public void zeroGrad() {
            buffers.values().forEach(Tensor::zero_);
        }

        @Override
        public OptimizerState stateDict() {
            return new OptimizerState(new LinkedHashMap<>(buffers), new LinkedHashMap<>(values));
        }

        @Override
        public void loadStateDict(OptimizerState state) {
            if (!state.tensors().keySet().equals(buffers.keySet())
                    || !state.values().keySet().equals(values.keySet())) {
                throw new IllegalArgumentException("loaded state has keys " + state.tensors().keySet()
                        + state.values().keySet());
            }
            for (Map.Entry<String, Tensor> e : state.tensors().entrySet()) {
                if (!Arrays.equals(e.getValue().shape(), buffers.get(e.getKey()).shape())) {
                    throw new IllegalArgumentException("loaded state has shape " + Arrays.toString(e.getValue().shape())
                            + " for " + e.getKey());
                }
            }
            state.tensors().forEach((k, v) -> buffers.get(k).copy_(v));
            values.putAll(state.values());
        }
    }

    static final class FakeSgd extends FakeOptimizer {
        FakeSgd(double lr, float momentum, int cols) {
            super(lr, momentum, cols);
        }
    }

    static final class FakeAdam extends FakeOptimizer {
        FakeAdam(double lr, float momentum) {
            super(lr, momentum, 3);
        }
    }

    /** Every state value with its shape and dtype, to compare states without the code under test. */
    static Map<String, String> snapshot(Map<String, Tensor> state) {
        Map<String, String> out = new LinkedHashMap<>();
        state.forEach((k, v) -> out.put(k, v.dtype() + Arrays.toString(v.shape())
                + Arrays.toString(v.toDoubleArray())));
        return out;
    }

    @Test
    void roundTripsAModelAndItsOptimizer() throws IOException {
        Net saved = new Net(2f, 3, true);
        FakeSgd savedOpt = new FakeSgd(0.1, 0.5f, 3);
        Path f = dir.resolve("ckpt.safetensors");
        Checkpoint.save(f, saved, savedOpt);

        Net loaded = new Net(7f, 3, true);
        FakeSgd loadedOpt = new FakeSgd(0.9, 0f, 3);
        LoadResult r = Checkpoint.load(f, loaded, loadedOpt, true);
        assertEquals(List.of(), r.missingKeys());
        assertEquals(List.of(), r.unexpectedKeys());
        assertEquals(snapshot(saved.stateDict()), snapshot(loaded.stateDict()));
        assertEquals("{weight=torch.float32[2, 3][2.0, 2.0, 2.0, 2.0, 2.0, 2.0], bias=torch.float32[3][3.0, 3.0, 3.0], "
                + "steps=torch.int64[][2.0], head.weight=torch.float32[3][-2.0, -2.0, -2.0]}",
                snapshot(loaded.stateDict()).toString());
        assertEquals(snapshot(savedOpt.buffers), snapshot(loadedOpt.buffers));
        assertEquals(Map.of("param_groups.0.lr", "0.1", "param_groups.0.params", "[0, 1]"), loadedOpt.values);
    }

    @Test
    void theFileIsAPlainSafetensorsStateDict() throws IOException {
        Path f = dir.resolve("ckpt.safetensors");
        Checkpoint.save(f, new Net(2f, 3, true), new FakeSgd(0.1, 0.5f, 3));
        SafeTensors.Contents c = SafeTensors.load(f);
        assertEquals(java.util.Set.of("weight", "bias", "steps", "head.weight", "optimizer.state.0.momentum_buffer"),
                c.tensors().keySet());
        assertEquals(Map.of("format", "pt", "optimizer", "FakeSgd", "optimizer.param_groups.0.lr", "0.1",
                "optimizer.param_groups.0.params", "[0, 1]"), c.metadata());

        Net plain = new Net(0f, 3, true);
        Checkpoint.load(f, plain, true); // the optimizer's entries are not the model's unexpected keys
        assertEquals(snapshot(new Net(2f, 3, true).stateDict()), snapshot(plain.stateDict()));
    }

    @Test
    void mismatchedModelsAreRejectedAndLeftUnchanged() throws IOException {
        Path f = dir.resolve("ckpt.safetensors");
        Checkpoint.save(f, new Net(2f, 3, true));

        Net wide = new Net(5f, 4, true);
        assertRejectedUnchanged(f, wide, null, true, "the checkpoint does not fit the model: Error(s) in loading "
                + "state_dict for Net:\n\tsize mismatch for weight: copying a param with shape [2, 3] from checkpoint, "
                + "the shape in current model is [2, 4]");

        Variant extra = new Variant(5f, "extra");
        assertRejectedUnchanged(f, extra, null, true, "Missing key(s) in state_dict: \"extra\".");
        LoadResult lenient = Checkpoint.load(f, extra, false);
        assertEquals(List.of("extra"), lenient.missingKeys());
        assertEquals(2f, extra.stateDict().get("weight").getFloat(0, 0));

        Net headless = new Net(5f, 3, false);
        assertRejectedUnchanged(f, headless, null, true, "Unexpected key(s) in state_dict: \"head.weight\".");
    }

    @Test
    void corruptFilesAreRejectedAndTheModelLeftUnchanged() throws IOException {
        Path f = dir.resolve("ckpt.safetensors");
        Checkpoint.save(f, new Net(2f, 3, true));
        byte[] good = Files.readAllBytes(f);
        Net net = new Net(5f, 3, true);
        Map<String, String> before = snapshot(net.stateDict());

        Files.write(f, Arrays.copyOf(good, good.length - 1));
        FileFormatException e = assertThrows(FileFormatException.class, () -> Checkpoint.load(f, net, true));
        assertTrue(e.getMessage().startsWith(f + ": truncated payload"), e.getMessage());
        byte[] badHeader = good.clone();
        badHeader[8] = '[';
        Files.write(f, badHeader);
        e = assertThrows(FileFormatException.class, () -> Checkpoint.load(f, net, true));
        assertTrue(e.getMessage().startsWith(f + ": the header does not start with '{'"), e.getMessage());
        assertEquals(before, snapshot(net.stateDict()));
    }

    @Test
    void optimizerMismatchesAreRejectedAndBothLeftUnchanged() throws IOException {
        Path withOpt = dir.resolve("with.safetensors");
        Path without = dir.resolve("without.safetensors");
        Checkpoint.save(withOpt, new Net(2f, 3, true), new FakeSgd(0.1, 0.5f, 3));
        Checkpoint.save(without, new Net(2f, 3, true));

        assertRejectedUnchanged(withOpt, new Net(5f, 3, true), new FakeAdam(0.3, 0f), true,
                "the checkpoint holds the state of a FakeSgd optimizer, which cannot be loaded into a FakeAdam");
        assertRejectedUnchanged(without, new Net(5f, 3, true), new FakeSgd(0.3, 0f, 3), true,
                "the checkpoint holds no optimizer state");
        // The model fits, the optimizer does not: the model's copy is rolled back.
        assertRejectedUnchanged(withOpt, new Net(5f, 3, true), new FakeSgd(0.3, 0f, 4), true,
                "the optimizer state does not fit the optimizer: loaded state has shape [2, 3]");
    }

    @Test
    void savingAnOptimizerReservesItsPrefix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.save(
                dir.resolve("x.safetensors"), new Variant(1f, "optimizer"), new FakeSgd(0.1, 0f, 3)));
        assertTrue(e.getMessage().contains("the model's entry 'optimizer.weight' starts with 'optimizer.'"),
                e.getMessage());
        assertEquals(0, dir.toFile().list().length, "nothing was written");
    }

    @Test
    void writesAreAtomic() throws IOException {
        Path f = dir.resolve("ckpt.safetensors");
        Files.write(f, new byte[] {1, 2, 3});
        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(f, out -> {
            out.write(new byte[1000]);
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals("[1, 2, 3]", Arrays.toString(Files.readAllBytes(f)), "the old file is untouched");
        Checkpoint.save(f, new Net(2f, 3, true));
        Checkpoint.save(f, new Net(3f, 3, true));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(f), files.toList(), "no temporary file is left behind");
        }
        Net net = new Net(0f, 3, true);
        Checkpoint.load(f, net, true);
        assertEquals(3f, net.stateDict().get("weight").getFloat(1, 2));
    }

    private static void assertRejectedUnchanged(Path f, Net net, FakeOptimizer opt, boolean strict, String problem) {
        Map<String, String> model = snapshot(net.stateDict());
        Map<String, String> optimizer = opt == null ? Map.of() : snapshot(opt.buffers);
        Map<String, String> values = opt == null ? Map.of() : new LinkedHashMap<>(opt.values);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Checkpoint.load(f, net, opt, strict));
        assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertEquals(model, snapshot(net.stateDict()), "the model is unchanged");
        if (opt != null) {
            assertEquals(optimizer, snapshot(opt.buffers), "the optimizer is unchanged");
            assertEquals(values, opt.values);
        }
    }
}
