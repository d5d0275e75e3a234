package dev.nabla.autograd;

import dev.nabla.GradFn;
import dev.nabla.Tensor;
import dev.nabla.spi.BinaryOp;
import dev.nabla.spi.GraphOp;
import dev.nabla.spi.ReduceOp;
import dev.nabla.spi.UnaryOp;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Keeps the gradcheck tables complete: every op constant that {@link Derivatives} differentiates must appear in
 * the recorded graph of at least one table entry, so a new differentiable primitive fails here until it has one.
 */
class OpCoverageTest {

    /** Every entry of every gradcheck table. */
    static List<GradCase> allCases() {
        List<GradCase> all = new ArrayList<>();
        Stream.of(GradCheckTableTest.cases(), GradCheckReductionTableTest.cases(), GradCheckLinalgTableTest.cases(),
                GradCheckViewTableTest.cases(), GradCheckInPlaceTableTest.cases()).forEach(all::addAll);
        return all;
    }

    /** Every differentiable constant of the four op enums. */
    static Set<Enum<?>> differentiableOps() {
        Set<Enum<?>> ops = new LinkedHashSet<>();
        Stream.of(UnaryOp.values(), BinaryOp.values(), ReduceOp.values(), GraphOp.values())
                .flatMap(Stream::of)
                .filter(Derivatives::isDifferentiable)
                .forEach(ops::add);
        return ops;
    }

    /** The ops recorded in the graph that produced {@code out}. */
    static Set<Enum<?>> recordedOps(Tensor out) {
        Set<Enum<?>> ops = new LinkedHashSet<>();
        Set<GradFn> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<GradFn> todo = new ArrayDeque<>();
        if (out.gradFn() != null) todo.push(out.gradFn());
        while (!todo.isEmpty()) {
            GradFn f = todo.pop();
            if (!seen.add(f)) continue;
            if (f.op() != null) ops.add(f.op());
            for (GradFn next : f.nextFunctions()) if (next != null) todo.push(next);
        }
        return ops;
    }

    @Test
    void everyDifferentiableOpAppearsInSomeTableEntry() {
        Set<Enum<?>> seen = new LinkedHashSet<>();
        for (GradCase entry : allCases()) seen.addAll(recordedOps(entry.output()));
        List<String> missing = new ArrayList<>();
        for (Enum<?> op : differentiableOps()) {
            if (!seen.contains(op)) missing.add(op.getDeclaringClass().getSimpleName() + "." + op.name());
        }
        if (!missing.isEmpty()) {
            fail("differentiable ops with no gradcheck table entry: " + missing + "; add entries to a GradCheck*TableTest");
        }
    }

    @Test
    void everyTableEntryProducesAGraph() {
        List<String> detached = new ArrayList<>();
        for (GradCase entry : allCases()) if (!entry.output().requiresGrad()) detached.add(entry.name());
        if (!detached.isEmpty()) fail("table entries whose output no input reaches (they check nothing): " + detached);
    }

    @Test
    void theWalkFindsTheOpsOfAKnownGraph() {
        Tensor x = GradCase.leaf(0, 2, 3);
        Set<Enum<?>> ops = recordedOps(x.t().exp().sum());
        assertTrue(ops.containsAll(List.of(GraphOp.PERMUTE, UnaryOp.EXP, ReduceOp.SUM)) && ops.size() == 3,
                "ops of x.t().exp().sum(): " + ops);
    }

    @Test
    void theDifferentiableSetLeavesOutComparisonsLogicAndIndices() {
        Set<Enum<?>> ops = differentiableOps();
        for (Enum<?> op : List.of(BinaryOp.EQ, BinaryOp.LOGICAL_AND, UnaryOp.LOGICAL_NOT, ReduceOp.ARGMAX, ReduceOp.ANY)) {
            assertTrue(!ops.contains(op), op + " has no gradient");
        }
        assertTrue(ops.containsAll(List.of(UnaryOp.ROUND, BinaryOp.POW, ReduceOp.PROD, GraphOp.TO_DEVICE, GraphOp.CUSTOM)),
                "differentiable: " + ops);
    }
}
