package dev.nabla.nn.io;

import dev.nabla.Nabla;
import dev.nabla.Parameter;
import dev.nabla.Tensor;
import dev.nabla.nn.LoadResult;
import dev.nabla.nn.Module;
import dev.nabla.nn.optim.Adam;
import dev.nabla.nn.optim.Optimizer;
import dev.nabla.nn.optim.OptimizerState;
import dev.nabla.nn.optim.ParamGroup;
import dev.nabla.nn.optim.SGD;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checkpoint files of a model with SGD and Adam: round trips, the file layout, and rejections that change nothing. */
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

    /** Every state value with its shape and dtype, to compare states without the code under test. */
    static Map<String, String> snapshot(Map<String, Tensor> state) {
        Map<String, String> out = new LinkedHashMap<>();
        state.forEach((k, v) -> out.put(k, v.dtype() + Arrays.toString(v.shape())
                + Arrays.toString(v.toDoubleArray())));
        return out;
    }

    /** An optimizer's whole state dict, buffers and string values, as one comparable map. */
    static Map<String, String> snapshot(Optimizer opt) {
        OptimizerState s = opt.stateDict();
        Map<String, String> out = snapshot(s.tensors());
        s.values().forEach((k, v) -> out.put("value " + k, v));
        return out;
    }

    /** The raw bits of every float32 parameter, by name, for bit-for-bit comparisons. */
    static Map<String, List<Integer>> bits(Module net) {
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        net.namedParameters().forEach((k, p) -> {
            List<Integer> b = new ArrayList<>();
            for (float v : p.toFloatArray()) b.add(Float.floatToRawIntBits(v));
            out.put(k, b);
        });
        return out;
    }

    /**
     * Zeroes the gradients, sets them by backpropagating {@code sum(sin(c * p)) + sum(p * p) / 4} over every
     * parameter (c runs from 0.5 to 2 across the elements, so the gradients vary within a tensor and with the
     * current values), and steps.
     */
    static void trainStep(Module net, Optimizer opt) {
        opt.zeroGrad();
        Tensor loss = null;
        for (Parameter p : net.parameters()) {
            Tensor c = Nabla.linspace(0.5, 2.0, p.numel()).reshape(p.shape());
            Tensor term = p.mul(c).sin().sum().add(p.mul(p).sum(), 0.25);
            loss = loss == null ? term : loss.add(term);
        }
        loss.backward();
        opt.step();
    }

    /**
     * Trains {@code make}'s optimizer two steps, saves it with its model and loads both into a differently filled
     * model and {@code makeTarget}'s optimizer; checks that the loaded states equal the live ones captured before
     * saving, and that one more step on each pair gives the same parameters bit for bit, while a step by a fresh
     * {@code make} optimizer (same options, no state) does not. Returns the loaded optimizer.
     */
    private <O extends Optimizer> O assertRoundTrip(Function<List<Parameter>, O> make,
            Function<List<Parameter>, O> makeTarget) throws IOException {
        Net saved = new Net(2f, 3, true);
        O savedOpt = make.apply(saved.parameters());
        trainStep(saved, savedOpt);
        trainStep(saved, savedOpt);
        Map<String, String> model = snapshot(saved.stateDict());
        Map<String, String> optimizer = snapshot(savedOpt);
        Path f = dir.resolve(savedOpt.getClass().getSimpleName() + ".safetensors");
        Checkpoint.save(f, saved, savedOpt);

        Net loaded = new Net(7f, 3, true);
        O loadedOpt = makeTarget.apply(loaded.parameters());
        assertNotEquals(optimizer, snapshot(loadedOpt), "the target starts from another state");
        LoadResult r = Checkpoint.load(f, loaded, loadedOpt, true);
        assertEquals(List.of(), r.missingKeys());
        assertEquals(List.of(), r.unexpectedKeys());
        assertEquals(model, snapshot(loaded.stateDict()));
        assertEquals(optimizer, snapshot(loadedOpt));

        // The same options without the saved state, over the restored weights: the comparison below is not vacuous.
        Net fresh = new Net(0f, 3, true);
        Checkpoint.load(f, fresh, true);
        Optimizer freshOpt = make.apply(fresh.parameters());
        trainStep(fresh, freshOpt);

        trainStep(saved, savedOpt);
        trainStep(loaded, loadedOpt);
        assertEquals(bits(saved), bits(loaded), "the restored pair steps exactly as the original");
        assertEquals(snapshot(savedOpt), snapshot(loadedOpt));
        assertNotEquals(bits(saved), bits(fresh), "without the optimizer's state the step differs");
        return loadedOpt;
    }

    @Test
    void roundTripsAModelAndSgdWithMomentum() throws IOException {
        SGD loaded = assertRoundTrip(ps -> SGD.builder().lr(0.1).momentum(0.5).build(ps),
                ps -> SGD.builder().lr(0.9).momentum(0.1).dampening(0.2).build(ps));
        ParamGroup g = loaded.paramGroups().get(0);
        assertEquals(0.1, g.lr());
        assertEquals(0.5, g.getDouble("momentum"));
        assertEquals(0.0, g.getDouble("dampening"));
        assertEquals(List.of("momentum_buffer"), List.copyOf(loaded.state(g.params().get(0)).keySet()));
    }

    @Test
    void roundTripsAModelAndAdam() throws IOException {
        Adam loaded = assertRoundTrip(ps -> Adam.builder().lr(0.05).betas(0.8, 0.9).build(ps),
                ps -> Adam.builder().lr(0.3).amsgrad(true).build(ps));
        ParamGroup g = loaded.paramGroups().get(0);
        assertEquals(0.05, g.lr());
        assertArrayEquals(new double[] {0.8, 0.9}, g.getDoubles("betas"));
        assertFalse(g.getBoolean("amsgrad"));
        // Two steps before saving and one after loading.
        assertEquals(3.0, loaded.state(g.params().get(2)).get("step").item());
    }

    @Test
    void theFileIsAPlainSafetensorsStateDict() throws IOException {
        Net net = new Net(2f, 3, true);
        SGD sgd = SGD.builder().lr(0.1).momentum(0.5).build(net.parameters());
        List<Parameter> ps = net.parameters();
        ps.get(0).setGrad(Nabla.full(new int[] {2, 3}, 0.25));
        ps.get(1).setGrad(Nabla.full(new int[] {3}, -1.0));
        ps.get(2).setGrad(Nabla.full(new int[] {3}, 2.0));
        sgd.step(); // the first step's momentum buffer is the gradient
        Path f = dir.resolve("sgd.safetensors");
        Checkpoint.save(f, net, sgd);
        SafeTensors.Contents c = SafeTensors.load(f);
        assertEquals(Set.of("weight", "bias", "steps", "head.weight", "optimizer.state.0.momentum_buffer",
                "optimizer.state.1.momentum_buffer", "optimizer.state.2.momentum_buffer"), c.tensors().keySet());
        Map<String, Tensor> buffers = new LinkedHashMap<>(c.tensors());
        buffers.keySet().removeIf(k -> !k.startsWith("optimizer."));
        assertEquals(Map.of(
                "optimizer.state.0.momentum_buffer", "torch.float32[2, 3][0.25, 0.25, 0.25, 0.25, 0.25, 0.25]",
                "optimizer.state.1.momentum_buffer", "torch.float32[3][-1.0, -1.0, -1.0]",
                "optimizer.state.2.momentum_buffer", "torch.float32[3][2.0, 2.0, 2.0]"), snapshot(buffers));
        assertEquals(Map.of("format", "pt", "optimizer", "SGD", "optimizer.param_groups.0.lr", "0.1",
                "optimizer.param_groups.0.momentum", "0.5", "optimizer.param_groups.0.dampening", "0.0",
                "optimizer.param_groups.0.weight_decay", "0.0", "optimizer.param_groups.0.nesterov", "false",
                "optimizer.param_groups.0.maximize", "false", "optimizer.param_groups.0.params", "0,1,2"),
                c.metadata());

        Net plain = new Net(0f, 3, true);
        Checkpoint.load(f, plain, true); // the optimizer's entries are not the model's unexpected keys
        assertEquals(snapshot(net.stateDict()), snapshot(plain.stateDict()));

        Adam adam = Adam.builder().lr(0.01).build(net.parameters());
        adam.step();
        Path g = dir.resolve("adam.safetensors");
        Checkpoint.save(g, net, adam);
        c = SafeTensors.load(g);
        Set<String> keys = new HashSet<>(Set.of("weight", "bias", "steps", "head.weight"));
        for (int i = 0; i < 3; i++) {
            for (String b : List.of("exp_avg", "exp_avg_sq", "step")) keys.add("optimizer.state." + i + "." + b);
        }
        assertEquals(keys, c.tensors().keySet());
        assertEquals("torch.float32[][1.0]",
                snapshot(Map.of("s", c.tensors().get("optimizer.state.1.step"))).get("s"));
        assertEquals(Map.of("format", "pt", "optimizer", "Adam", "optimizer.param_groups.0.lr", "0.01",
                "optimizer.param_groups.0.betas", "0.9,0.999", "optimizer.param_groups.0.eps", "1.0E-8",
                "optimizer.param_groups.0.weight_decay", "0.0", "optimizer.param_groups.0.amsgrad", "false",
                "optimizer.param_groups.0.maximize", "false", "optimizer.param_groups.0.params", "0,1,2"),
                c.metadata());
    }

    @Test
    void mismatchedModelsAreRejectedAndLeftUnchanged() throws IOException {
        Path f = dir.resolve("ckpt.safetensors");
        Checkpoint.save(f, new Net(2f, 3, true));

        Net wide = new Net(5f, 4, true);
        assertRejectedUnchanged(f, wide, null, true, "the checkpoint does not fit the model: Error(s) in loading "
                + "state_dict for Net:\n\tsize mismatch for weight: copying a param with shape torch.Size([2, 3]) from "
                + "checkpoint, the shape in current model is torch.Size([2, 4]).");

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
        Path withSgd = dir.resolve("with.safetensors");
        Path without = dir.resolve("without.safetensors");
        Net source = new Net(2f, 3, true);
        SGD sourceOpt = SGD.builder().lr(0.1).momentum(0.5).build(source.parameters());
        trainStep(source, sourceOpt);
        Checkpoint.save(withSgd, source, sourceOpt);
        Checkpoint.save(without, source);

        Net net = new Net(5f, 3, true);
        Adam adam = Adam.builder().lr(0.3).build(net.parameters());
        trainStep(net, adam);
        assertRejectedUnchanged(withSgd, net, adam,
                "the checkpoint holds the state of a SGD optimizer, which cannot be loaded into a Adam");

        SGD sgd = SGD.builder().lr(0.3).momentum(0.9).build(net.parameters());
        trainStep(net, sgd);
        assertRejectedUnchanged(without, net, sgd, "the checkpoint holds no optimizer state");

        // In each of these the model fits, the optimizer does not: the model's copy is rolled back.
        Map<String, Parameter> p = net.namedParameters();
        SGD reordered = SGD.builder().lr(0.3).momentum(0.9)
                .build(List.of(p.get("bias"), p.get("weight"), p.get("head.weight")));
        trainStep(net, reordered);
        assertRejectedUnchanged(withSgd, net, reordered, "the optimizer state does not fit the optimizer: "
                + "SGD.loadStateDict: state.0.momentum_buffer has shape [2, 3] but its parameter has shape [3]");

        SGD partial = SGD.builder().lr(0.3).momentum(0.9).build(List.of(p.get("weight"), p.get("bias")));
        trainStep(net, partial);
        assertRejectedUnchanged(withSgd, net, partial, "the optimizer state does not fit the optimizer: "
                + "SGD.loadStateDict: loaded state dict contains a parameter group that doesn't match the size of "
                + "optimizer's group: group 0 has 2 parameters, the loaded one 3");

        Net wide = new Net(5f, 4, true);
        SGD wideOpt = SGD.builder().lr(0.3).momentum(0.9).build(wide.parameters());
        trainStep(wide, wideOpt);
        assertRejectedUnchanged(withSgd, net, wideOpt, "the optimizer state does not fit the optimizer: "
                + "SGD.loadStateDict: state.0.momentum_buffer has shape [2, 3] but its parameter has shape [2, 4]");
    }

    @Test
    void savingAnOptimizerReservesItsPrefix() {
        Variant net = new Variant(1f, "optimizer");
        SGD sgd = SGD.builder().lr(0.1).momentum(0.5).build(net.parameters());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.save(
                dir.resolve("x.safetensors"), net, sgd));
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

    /**
     * Loading {@code f} fails with an IllegalArgumentException naming the file and {@code problem}, and the model
     * and optimizer (which has state, so that this means something) are as they were.
     */
    private static void assertRejectedUnchanged(Path f, Net net, Optimizer opt, boolean strict, String problem) {
        Map<String, String> model = snapshot(net.stateDict());
        Map<String, String> optimizer = opt == null ? Map.of() : snapshot(opt);
        if (opt != null) assertFalse(opt.stateDict().tensors().isEmpty(), "the optimizer has state to lose");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Checkpoint.load(f, net, opt, strict));
        assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertEquals(model, snapshot(net.stateDict()), "the model is unchanged");
        if (opt != null) assertEquals(optimizer, snapshot(opt), "the optimizer is unchanged");
    }

    private static void assertRejectedUnchanged(Path f, Net net, Optimizer opt, String problem) {
        assertRejectedUnchanged(f, net, opt, true, problem);
    }
}
