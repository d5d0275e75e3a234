package dev.nabla.nn;

import dev.nabla.DType;
import dev.nabla.Nabla;
import dev.nabla.Parameter;
import dev.nabla.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.nabla.nn.NnAsserts.assertClose;
import static dev.nabla.nn.NnAsserts.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Module registry: names, traversal, modes, dtype moves, apply, state dicts and printing. */
class ModuleTest {

    static final class Block extends Module {
        final Linear fc = registerModule("fc", new Linear(4, 3));
        final BatchNorm1d bn = registerModule("bn", new BatchNorm1d(3));

        @Override
        public Tensor forward(Tensor... inputs) {
            return bn.forward(fc.forward(single(inputs))).relu();
        }
    }

    static final class Net extends Module {
        final Parameter scale = registerParameter("scale", Nabla.ones(1));
        final Block block = registerModule("block", new Block());
        final Sequential head = registerModule("head", new Sequential(new ReLU(), new Linear(3, 2)));

        @Override
        public Tensor forward(Tensor... inputs) {
            return head.forward(block.forward(single(inputs))).mul(scale);
        }
    }

    @Test
    void nestedParametersBuffersAndModulesHaveDottedNames() {
        Net net = new Net();
        assertEquals(List.of("scale", "block.fc.weight", "block.fc.bias", "block.bn.weight", "block.bn.bias",
                "head.1.weight", "head.1.bias"), new ArrayList<>(net.namedParameters().keySet()));
        assertEquals(List.of("block.bn.running_mean", "block.bn.running_var", "block.bn.num_batches_tracked"),
                new ArrayList<>(net.namedBuffers().keySet()));
        assertEquals(List.of("", "block", "block.fc", "block.bn", "head", "head.0", "head.1"),
                new ArrayList<>(net.namedModules().keySet()));
        assertEquals(List.of(net.block, net.head), net.children());
        assertEquals(List.of("block", "head"), new ArrayList<>(net.namedChildren().keySet()));
        assertEquals(7, net.modules().size());
        assertSame(net, net.modules().get(0));
        assertSame(net.block.fc.weight(), net.namedParameters().get("block.fc.weight"));
        assertEquals(7, net.parameters().size());
        assertEquals(3, net.buffers().size());
    }

    @Test
    void stateDictListsParametersThenBuffersPerModuleAndSharesStorage() {
        Net net = new Net();
        Map<String, Tensor> sd = net.stateDict();
        assertEquals(List.of("scale", "block.fc.weight", "block.fc.bias", "block.bn.weight", "block.bn.bias",
                "block.bn.running_mean", "block.bn.running_var", "block.bn.num_batches_tracked", "head.1.weight",
                "head.1.bias"), new ArrayList<>(sd.keySet()));
        assertFalse(sd.get("scale").requiresGrad());
        assertTrue(sd.get("scale").sharesStorageWith(net.scale));
        sd.get("scale").fill_(3.0);
        assertEquals(3.0, net.scale.item());
    }

    @Test
    void trainAndEvalReachEveryDescendant() {
        Net net = new Net();
        for (Module m : net.modules()) assertTrue(m.isTraining());
        assertSame(net, net.eval());
        for (Module m : net.modules()) assertFalse(m.isTraining());
        net.train();
        net.block.eval();
        assertTrue(net.isTraining());
        assertTrue(net.head.get(1).isTraining());
        assertFalse(net.block.isTraining());
        assertFalse(net.block.bn.isTraining());
    }

    @Test
    void zeroGradClearsEveryGradient() {
        Net net = new Net();
        net.forward(Nabla.randn(5, 4)).sum().backward();
        for (Parameter p : net.parameters()) assertNotNull(p.grad());
        net.zeroGrad();
        for (Parameter p : net.parameters()) assertNull(p.grad());
    }

    @Test
    void toFloat64KeepsParameterIdentityValuesAndIntegerBuffers() {
        Net net = new Net();
        Parameter w = net.block.fc.weight();
        double[] before = w.toDoubleArray();
        net.forward(Nabla.randn(5, 4)).sum().backward();
        assertSame(net, net.to(DType.FLOAT64));
        assertSame(w, net.block.fc.weight());
        assertEquals(DType.FLOAT64, w.dtype());
        assertTrue(w.requiresGrad());
        assertEquals(DType.FLOAT64, w.grad().dtype());
        assertClose(before, new int[] {3, 4}, w, 0);
        assertEquals(DType.FLOAT64, net.block.bn.runningMean().dtype());
        assertEquals(DType.INT64, net.block.bn.numBatchesTracked().dtype());
        net.zeroGrad();
        net.forward(Nabla.randn(5, 4).to(DType.FLOAT64)).sum().backward();
        assertEquals(DType.FLOAT64, w.grad().dtype());
        assertMessage(() -> net.to(DType.INT32), "only floating");
    }

    @Test
    void applyVisitsChildrenBeforeParents() {
        Net net = new Net();
        List<String> seen = new ArrayList<>();
        assertSame(net, net.apply(m -> seen.add(m.getClass().getSimpleName())));
        assertEquals(List.of("Linear", "BatchNorm1d", "Block", "ReLU", "Linear", "Sequential", "Net"), seen);
        net.apply(m -> {
            if (m instanceof Linear l) Init.zeros_(l.bias());
        });
        assertEquals(0.0, net.block.fc.bias().abs().sum().item());
        assertEquals(0.0, ((Linear) net.head.get(1)).bias().abs().sum().item());
    }

    @Test
    void stateDictRoundTripCopiesEveryValue() {
        Nabla.manualSeed(1);
        Net a = new Net();
        a.block.bn.forward(Nabla.randn(6, 3));
        Nabla.manualSeed(2);
        Net b = new Net();
        LoadResult r = b.loadStateDict(a.stateDict(), true);
        assertEquals(List.of(), r.missingKeys());
        assertEquals(List.of(), r.unexpectedKeys());
        for (Map.Entry<String, Tensor> e : a.stateDict().entrySet()) {
            assertClose(e.getValue(), b.stateDict().get(e.getKey()), 0);
        }
        assertEquals(1L, b.block.bn.numBatchesTracked().itemLong());
    }

    @Test
    void nonStrictLoadReportsMissingAndUnexpectedKeysAndLoadsTheRest() {
        Net net = new Net();
        Map<String, Tensor> sd = new LinkedHashMap<>(new Net().stateDict());
        Tensor headBias = net.head.get(1).namedParameters().get("bias");
        double[] keptBias = headBias.toDoubleArray();
        sd.remove("head.1.bias");
        sd.put("extra.weight", Nabla.zeros(2));
        sd.put("scale", Nabla.full(new int[] {1}, 5.0));
        LoadResult r = net.loadStateDict(sd, false);
        assertEquals(List.of("head.1.bias"), r.missingKeys());
        assertEquals(List.of("extra.weight"), r.unexpectedKeys());
        assertEquals(5.0, net.scale.item());
        assertClose(keptBias, new int[] {2}, headBias, 0);
    }

    @Test
    void strictLoadRejectsMissingAndUnexpectedKeysAndChangesNothing() {
        Net net = new Net();
        Map<String, Tensor> sd = new LinkedHashMap<>(net.stateDict());
        sd.remove("head.1.bias");
        sd.put("extra.weight", Nabla.zeros(2));
        sd.put("scale", Nabla.full(new int[] {1}, 5.0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> net.loadStateDict(sd, true));
        assertEquals("Error(s) in loading state_dict for Net:\n\tMissing key(s) in state_dict: \"head.1.bias\". \n\t"
                + "Unexpected key(s) in state_dict: \"extra.weight\". ", e.getMessage());
        assertEquals(1.0, net.scale.item());
    }

    @Test
    void shapeMismatchFailsEvenWhenNotStrictBeforeAnythingIsCopied() {
        Net net = new Net();
        Map<String, Tensor> sd = new LinkedHashMap<>(net.stateDict());
        sd.put("scale", Nabla.full(new int[] {1}, 5.0));
        sd.put("block.fc.weight", Nabla.zeros(3, 5));
        sd.put("extra", Nabla.zeros(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> net.loadStateDict(sd, false));
        assertEquals("Error(s) in loading state_dict for Net:\n\tsize mismatch for block.fc.weight: copying a param "
                + "with shape torch.Size([3, 5]) from checkpoint, the shape in current model is torch.Size([3, 4]).",
                e.getMessage());
        assertEquals(1.0, net.scale.item());
        sd.remove("head.1.weight");
        e = assertThrows(IllegalArgumentException.class,
                () -> net.loadStateDict(sd, true));
        assertTrue(e.getMessage().matches("(?s).*\tMissing key.*\n\tUnexpected key.*\n\tsize mismatch.*"),
                e.getMessage());
    }

    @Test
    void aModuleRegisteredTwiceIsOneChildButTwoSlots() {
        Linear shared = new Linear(2, 2);
        Sequential seq = new Sequential(shared, shared);
        assertEquals(2, seq.size());
        assertEquals(List.of(shared), seq.children());
        assertEquals(List.of("", "0"), new ArrayList<>(seq.namedModules().keySet()));
        assertEquals(2, seq.parameters().size());
        assertEquals(List.of("0.weight", "0.bias", "1.weight", "1.bias"), new ArrayList<>(seq.stateDict().keySet()));
        Tensor x = Nabla.randn(3, 2);
        assertClose(shared.forward(shared.forward(x)), seq.forward(x), 1e-6);
        List<Module> applied = new ArrayList<>();
        seq.apply(applied::add);
        assertEquals(List.of(shared, seq), applied);
        LoadResult r = seq.loadStateDict(new Sequential(new Linear(2, 2), new Linear(2, 2)).stateDict(), true);
        assertEquals(List.of(), r.unexpectedKeys());
    }

    @Test
    void registrationRejectsDottedAndRepeatedNames() {
        class Bad extends Module {
            Bad(String first, String second) {
                registerParameter(first, Nabla.zeros(1));
                registerBuffer(second, Nabla.zeros(1));
            }

            @Override
            public Tensor forward(Tensor... inputs) {
                return inputs[0];
            }
        }
        assertMessage(() -> new Bad("a.b", "c"), "contain no '.'", "a.b");
        assertMessage(() -> new Bad("w", "w"), "'w' is already registered");
        assertMessage(() -> new Bad("", "c"), "non-empty");
    }

    @Test
    void nonPersistentBuffersMoveButAreNotSaved() {
        class WithCache extends Module {
            final Tensor cache = registerBuffer("cache", Nabla.zeros(2), false);
            final Tensor kept = registerBuffer("kept", Nabla.zeros(2));

            @Override
            public Tensor forward(Tensor... inputs) {
                return inputs[0];
            }
        }
        WithCache m = new WithCache();
        assertEquals(List.of("cache", "kept"), new ArrayList<>(m.namedBuffers().keySet()));
        assertEquals(List.of("kept"), new ArrayList<>(m.stateDict().keySet()));
        m.to(DType.FLOAT64);
        assertEquals(DType.FLOAT64, m.cache.dtype());
    }

    /** A module whose forward takes the input and two weights, as in the introduction's two-layer network. */
    static final class TwoWeights extends Module {
        @Override
        public Tensor forward(Tensor... inputs) {
            if (inputs.length != 3) throw new IllegalArgumentException("TwoWeights.forward: expected (input, w1, w2)");
            return inputs[0].mm(inputs[1]).clampMin(0).mm(inputs[2]);
        }
    }

    @Test
    void customForwardTakesSeveralTensorsAndBackpropagatesToEach() {
        Tensor x = Nabla.tensor(new double[][] {{1, -1}, {0.5, 3}});
        Tensor w1 = Nabla.tensor(new double[][] {{1, -1, 2}, {0.5, 1, -1}}).requiresGrad(true);
        Tensor w2 = Nabla.tensor(new double[][] {{1}, {2}, {-1}}).requiresGrad(true);
        Tensor y = new Sequential(new TwoWeights(), new Identity()).forward(x, w1, w2);
        // h = relu(x w1) = relu([[0.5, -2, 3], [2, 2.5, -2]]) = [[0.5, 0, 3], [2, 2.5, 0]]; y = h w2 = [[-2.5], [7]].
        assertClose(new double[] {-2.5, 7}, new int[] {2, 1}, y, 1e-12);
        y.sum().backward();
        assertClose(new double[] {2.5, 2.5, 3}, new int[] {3, 1}, w2.grad(), 1e-12);
        // dL/dh = w2ᵀ where the unit is on: [[1, 0, -1], [1, 2, 0]]; dW1 = xᵀ dL/dh.
        assertClose(new double[] {1.5, 1, -1, 2, 6, 1}, new int[] {2, 3}, w1.grad(), 1e-12);
        assertMessage(() -> new Linear(2, 2).forward(x, w1), "Linear.forward: expected 1 input tensor, got 2");
    }

    @Test
    void sequentialChainsIndexesAndPassesAnEmptyChainThrough() {
        Linear l1 = new Linear(3, 4);
        ReLU act = new ReLU();
        Linear l2 = new Linear(4, 2);
        Sequential seq = new Sequential(l1, act).append(l2);
        assertEquals(3, seq.size());
        assertSame(l2, seq.get(-1));
        assertSame(l1, seq.get(0));
        List<Module> order = new ArrayList<>();
        seq.forEach(order::add);
        assertEquals(List.of(l1, act, l2), order);
        Tensor x = Nabla.randn(5, 3);
        assertClose(l2.forward(l1.forward(x).relu()), seq.forward(x), 1e-6);
        assertMessage(() -> seq.get(3), "index 3 is out of range for 3 modules");
        assertSame(x, new Sequential().forward(x));
    }

    @Test
    void moduleListAndModuleDictRegisterWhatTheyHold() {
        ModuleList list = new ModuleList(new Linear(2, 2), new ReLU());
        list.append(new Linear(2, 1));
        assertEquals(3, list.size());
        assertTrue(list.get(-1) instanceof Linear);
        assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias"),
                new ArrayList<>(list.namedParameters().keySet()));
        assertMessage(() -> list.forward(Nabla.zeros(1)), "ModuleList has no forward");
        assertMessage(() -> list.get(5), "index 5 is out of range");

        Map<String, Module> init = new LinkedHashMap<>();
        init.put("enc", new Linear(2, 3));
        init.put("act", new GELU());
        ModuleDict dict = new ModuleDict(init).put("dec", new Linear(3, 2));
        assertEquals(List.of("enc", "act", "dec"), new ArrayList<>(dict.keys()));
        assertTrue(dict.get("act") instanceof GELU);
        assertEquals(List.of("enc.weight", "enc.bias", "dec.weight", "dec.bias"),
                new ArrayList<>(dict.namedParameters().keySet()));
        assertMessage(() -> dict.get("nope"), "no module named 'nope'");
        assertMessage(() -> dict.put("enc", new ReLU()), "'enc' is already registered");
        assertMessage(() -> dict.forward(Nabla.zeros(1)), "ModuleDict has no forward");
    }
}
