package dev.nabla.nn.optim;

import dev.nabla.DType;
import dev.nabla.Parameter;
import dev.nabla.Tensor;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static dev.nabla.Nabla.tensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * stateDict/loadStateDict: PyTorch's flat names, a round trip that reproduces the following steps bit for bit, and
 * mismatches that throw without changing the optimizer.
 */
class OptimizerStateDictTest {
    private static final double[][] GRADS = {{0.5, -1, 2}, {0.25, 0.75, -0.5}, {-1, 0.1, 0.3}, {2, -2, 0.5}};

    private static List<Parameter> params() {
        return List.of(new Parameter(tensor(new double[] {1, -2})), new Parameter(tensor(new double[] {0.5})));
    }

    private static void step(Optimizer opt, List<Parameter> ps, double[] g) {
        ps.get(0).setGrad(tensor(new double[] {g[0], g[1]}));
        ps.get(1).setGrad(tensor(new double[] {g[2]}));
        opt.step();
    }

    /** Two steps, save, two more steps; a fresh optimizer loaded from the save must make the same two steps. */
    private static void assertRoundTrip(Function<List<Parameter>, Optimizer> make) {
        List<Parameter> a = params();
        Optimizer first = make.apply(a);
        step(first, a, GRADS[0]);
        step(first, a, GRADS[1]);
        OptimizerState saved = first.stateDict();
        List<Parameter> b = List.of(new Parameter(a.get(0).clone()), new Parameter(a.get(1).clone()));
        step(first, a, GRADS[2]);
        step(first, a, GRADS[3]);

        Optimizer second = make.apply(b);
        second.paramGroups().get(0).lr(123.0);
        second.loadStateDict(saved);
        step(second, b, GRADS[2]);
        step(second, b, GRADS[3]);
        for (int i = 0; i < 2; i++) assertArrayEquals(a.get(i).toDoubleArray(), b.get(i).toDoubleArray(), 0.0);
    }

    @Test
    void roundTripReproducesTheNextStepsForEveryOptimizer() {
        assertRoundTrip(ps -> SGD.builder().lr(0.1).momentum(0.9).nesterov(true).weightDecay(0.01).build(ps));
        assertRoundTrip(ps -> Adam.builder().lr(0.1).betas(0.8, 0.5).amsgrad(true).weightDecay(0.1).build(ps));
        assertRoundTrip(ps -> AdamW.builder().lr(0.1).build(ps));
        assertRoundTrip(ps -> RMSprop.builder().momentum(0.5).centered(true).build(ps));
        assertRoundTrip(ps -> Adagrad.builder().lr(0.1).lrDecay(0.1).initialAccumulatorValue(0.1).build(ps));
    }

    @Test
    void namesFollowPyTorchsStateDict() {
        List<Parameter> ps = params();
        Adam opt = Adam.builder().lr(0.1).build(ps);
        step(opt, ps, GRADS[0]);
        OptimizerState s = opt.stateDict();
        assertEquals(List.of("state.0.exp_avg", "state.0.exp_avg_sq", "state.0.step",
                "state.1.exp_avg", "state.1.exp_avg_sq", "state.1.step"), s.tensors().keySet().stream().sorted().toList());
        assertEquals(DType.FLOAT32, s.tensors().get("state.0.step").dtype());
        assertEquals(1.0, s.tensors().get("state.0.step").item());
        assertEquals("0.1", s.values().get("param_groups.0.lr"));
        assertEquals("0.9,0.999", s.values().get("param_groups.0.betas"));
        assertEquals("false", s.values().get("param_groups.0.amsgrad"));
        assertEquals("0,1", s.values().get("param_groups.0.params"));
    }

    @Test
    void stateDictIsASnapshot() {
        List<Parameter> ps = params();
        SGD opt = SGD.builder().lr(0.1).momentum(0.9).build(ps);
        step(opt, ps, GRADS[0]);
        OptimizerState s = opt.stateDict();
        double[] before = s.tensors().get("state.0.momentum_buffer").toDoubleArray();
        step(opt, ps, GRADS[1]);
        assertArrayEquals(before, s.tensors().get("state.0.momentum_buffer").toDoubleArray());
    }

    @Test
    void groupsAreNumberedAcrossGroupsAndKeepTheirOptions() {
        List<Parameter> ps = params();
        SGD opt = SGD.builder().lr(0.1).momentum(0.5).build(new ParamGroup(List.of(ps.get(0))),
                new ParamGroup(List.of(ps.get(1))).lr(0.01));
        opt.paramGroups().get(1).set("initial_lr", 0.02);
        step(opt, ps, GRADS[0]);
        OptimizerState s = opt.stateDict();
        assertEquals("1", s.values().get("param_groups.1.params"));
        assertTrue(s.tensors().containsKey("state.1.momentum_buffer"));

        List<Parameter> qs = params();
        SGD other = SGD.builder().lr(0.3).build(new ParamGroup(List.of(qs.get(0))), new ParamGroup(List.of(qs.get(1))));
        other.loadStateDict(s);
        assertEquals(0.01, other.paramGroups().get(1).lr());
        assertEquals(0.5, other.paramGroups().get(1).getDouble("momentum"));
        assertEquals(0.02, other.paramGroups().get(1).getDouble("initial_lr"));
        assertArrayEquals(s.tensors().get("state.1.momentum_buffer").toDoubleArray(),
                other.state(qs.get(1)).get("momentum_buffer").toDoubleArray());
    }

    @Test
    void stateIsCastToTheParameterDtype() {
        List<Parameter> ps = params();
        SGD opt = SGD.builder().lr(0.1).momentum(0.5).build(ps);
        step(opt, ps, GRADS[0]);
        OptimizerState s = opt.stateDict();
        Parameter f0 = new Parameter(tensor(new float[] {1, -2}));
        Parameter f1 = new Parameter(tensor(new float[] {0.5f}));
        SGD floats = SGD.builder().lr(0.1).momentum(0.5).build(List.of(f0, f1));
        floats.loadStateDict(s);
        assertEquals(DType.FLOAT32, floats.state(f0).get("momentum_buffer").dtype());
    }

    @Test
    void mismatchesThrowAndLeaveTheOptimizerUnchanged() {
        List<Parameter> ps = params();
        SGD source = SGD.builder().lr(0.1).momentum(0.9).build(ps);
        step(source, ps, GRADS[0]);
        OptimizerState good = source.stateDict();

        List<Parameter> qs = params();
        SGD target = SGD.builder().lr(0.5).momentum(0.9).build(new ParamGroup(List.of(qs.get(0))),
                new ParamGroup(List.of(qs.get(1))));
        step(target, qs, GRADS[1]);
        OptimizerState before = target.stateDict();

        // One group against two.
        assertUnchangedAfterFailure(target, before, good);
        // Two groups, but a different number of parameters in each.
        Map<String, String> values = new LinkedHashMap<>(good.values());
        values.put("param_groups.0.params", "0");
        values.put("param_groups.1.params", "1");
        for (String k : List.of("lr", "momentum", "dampening", "weight_decay", "nesterov", "maximize")) {
            values.put("param_groups.1." + k, good.values().get("param_groups.0." + k));
        }
        Map<String, Tensor> wrongShape = new LinkedHashMap<>(good.tensors());
        wrongShape.put("state.0.momentum_buffer", tensor(new double[] {1, 2, 3}));
        assertUnchangedAfterFailure(target, before, new OptimizerState(wrongShape, values));
        values.put("param_groups.0.params", "0,1");
        values.put("param_groups.1.params", "");
        assertUnchangedAfterFailure(target, before, new OptimizerState(good.tensors(), values));
        Map<String, String> badNumber = new LinkedHashMap<>(before.values());
        badNumber.put("param_groups.0.lr", "fast");
        assertUnchangedAfterFailure(target, before, new OptimizerState(before.tensors(), badNumber));
        Map<String, Tensor> orphan = new LinkedHashMap<>(before.tensors());
        orphan.put("state.7.momentum_buffer", tensor(new double[] {1}));
        assertUnchangedAfterFailure(target, before, new OptimizerState(orphan, before.values()));
    }

    private static void assertUnchangedAfterFailure(Optimizer target, OptimizerState before, OptimizerState bad) {
        assertThrows(IllegalArgumentException.class, () -> target.loadStateDict(bad));
        OptimizerState after = target.stateDict();
        assertEquals(before.values(), after.values());
        assertEquals(before.tensors().keySet(), after.tensors().keySet());
        for (String k : before.tensors().keySet()) {
            assertArrayEquals(before.tensors().get(k).toDoubleArray(), after.tensors().get(k).toDoubleArray(), 0.0, k);
        }
    }
}
