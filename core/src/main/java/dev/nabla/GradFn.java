package dev.nabla;

import dev.nabla.spi.CustomBackward;
import dev.nabla.spi.GraphOp;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * A node of the autograd graph: how a tensor was made (the op, its attributes, the inputs it saved) and where
 * gradients flow next. Core records nodes; the {@code nabla-autograd} engine walks them. Methods past
 * {@link #nextFunctions()} serve engines and custom functions rather than everyday use.
 */
public final class GradFn {
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static volatile boolean captureTraces;

    private final Enum<?> op;
    private final Object attributes;
    private final String customName;
    private Tensor[] inputs;
    private final int[] inputVersions;
    private final int[][] inputShapes;
    private final DType[] inputDtypes;
    private final Device[] inputDevices;
    private Tensor output;
    private final int outputVersion;
    private final GradFn[] next;
    private final Tensor leaf;
    private final long sequence = SEQUENCE.incrementAndGet();
    private final List<UnaryOperator<Tensor>> hooks = new CopyOnWriteArrayList<>();
    private volatile Tensor retainTarget;
    private final Throwable trace;
    private volatile boolean released;

    private GradFn(Enum<?> op, Object attributes, String customName, Tensor[] inputs, Tensor output, Tensor leaf) {
        this.op = op;
        this.attributes = attributes;
        this.customName = customName;
        this.inputs = inputs;
        this.output = output;
        this.leaf = leaf;
        this.outputVersion = output == null ? 0 : output.version.get();
        int n = inputs.length;
        inputVersions = new int[n];
        inputShapes = new int[n][];
        inputDtypes = new DType[n];
        inputDevices = new Device[n];
        next = new GradFn[n];
        for (int i = 0; i < n; i++) {
            Tensor t = inputs[i];
            inputVersions[i] = t.version.get();
            inputShapes[i] = t.shape;
            inputDtypes[i] = t.dtype();
            inputDevices[i] = t.device();
            if (t.requiresGrad) next[i] = t.gradFn != null ? t.gradFn : t.accumulator();
        }
        trace = captureTraces ? new Throwable("forward call of " + name()) : null;
    }

    /** A node for {@code output} = op(inputs). */
    static GradFn of(Enum<?> op, Object attributes, Tensor output, Tensor[] inputs) {
        return new GradFn(op, attributes, null, inputs, output, null);
    }

    /** The node that accumulates gradients into a leaf's {@code grad()}. */
    static GradFn accumulatorOf(Tensor leaf) {
        return new GradFn(null, null, null, new Tensor[0], null, leaf);
    }

    /**
     * Makes {@code output} the result of a user-defined differentiable function of {@code inputs}, when grad mode
     * is on and some input requires grad; returns {@code output}. Used by custom autograd functions.
     */
    public static Tensor attachCustom(Tensor output, String name, CustomBackward backward, Tensor... inputs) {
        if (!Recorder.needed(inputs) || !output.dtype().isFloatingPoint()) return output;
        output.gradFn = new GradFn(GraphOp.CUSTOM, backward, name, inputs.clone(), output, null);
        output.requiresGrad = true;
        return output;
    }

    /** Turns on or off recording where each node's forward was called (anomaly mode). */
    public static void captureForwardTraces(boolean capture) {
        captureTraces = capture;
    }

    /** True while nodes record where their forward was called. */
    public static boolean capturesForwardTraces() {
        return captureTraces;
    }

    /** A readable name in PyTorch's style: {@code MulBackward0}, {@code MmBackward0}, {@code AccumulateGrad}. */
    public String name() {
        if (leaf != null) return "AccumulateGrad";
        if (customName != null) return customName + "Backward";
        String base = op == GraphOp.MATMUL ? (String) attributes : op.name();
        StringBuilder b = new StringBuilder();
        for (String part : base.toLowerCase(Locale.ROOT).split("_")) {
            if (!part.isEmpty()) b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return b + "Backward0";
    }

    /** The nodes gradients flow to, one per input (null for inputs that need no gradient). */
    public List<GradFn> nextFunctions() {
        return Collections.unmodifiableList(Arrays.asList(next.clone()));
    }

    @Override
    public String toString() {
        return "<" + name() + ">";
    }

    /** The recorded op: a UnaryOp, BinaryOp, ReduceOp or GraphOp; null for a leaf's accumulator. */
    public Enum<?> op() {
        return op;
    }

    /** The op's attributes (see {@link GraphOp} and {@code ReduceArgs}), or null. */
    public Object attributes() {
        return attributes;
    }

    /** The number of inputs. */
    public int inputCount() {
        return next.length;
    }

    /** Input {@code i}, checked not to have been modified in place since it was saved. */
    public Tensor input(int i) {
        checkLive();
        return checkVersion(inputs[i], inputVersions[i], "input " + i);
    }

    /** The output this node made, checked not to have been modified in place since. */
    public Tensor output() {
        checkLive();
        return checkVersion(output, outputVersion, "output 0");
    }

    /** The shape input {@code i} had (available after release). */
    public int[] inputShape(int i) {
        return inputShapes[i].clone();
    }

    /** The dtype input {@code i} had. */
    public DType inputDtype(int i) {
        return inputDtypes[i];
    }

    /** The device input {@code i} was on. */
    public Device inputDevice(int i) {
        return inputDevices[i];
    }

    /** Where the gradient of input {@code i} flows, or null if that input needs none. */
    public GradFn next(int i) {
        return next[i];
    }

    /** The leaf whose gradient this accumulator collects, or null for other nodes. */
    public Tensor leaf() {
        return leaf;
    }

    /** Hooks to apply, in order, to the gradient of this node's output before it is used. */
    public List<UnaryOperator<Tensor>> hooks() {
        return hooks;
    }

    /** The non-leaf tensor that asked, through {@code retainGrad()}, to keep this node's output gradient. */
    public Tensor retainedBy() {
        return retainTarget;
    }

    void retainFor(Tensor t) {
        retainTarget = t;
    }

    /** A number that grows with creation order: later nodes run first in backward. */
    public long sequenceNumber() {
        return sequence;
    }

    /** Where the forward op was called, when anomaly mode was on at the time; else null. */
    public StackTraceElement[] forwardTrace() {
        return trace == null ? null : trace.getStackTrace();
    }

    /** Drops the saved tensors after a backward that did not retain the graph. */
    public void release() {
        if (leaf != null) return;
        released = true;
        inputs = null;
        output = null;
    }

    /** True once the saved tensors have been dropped. */
    public boolean isReleased() {
        return released;
    }

    private void checkLive() {
        if (released) {
            throw new IllegalStateException(name() + ": trying to backward through the graph a second time (or to "
                    + "access saved tensors after they have been freed). Saved intermediate values of the graph are "
                    + "freed when you call backward() or Autograd.grad(); pass retainGraph=true to backward through "
                    + "the graph a second time");
        }
    }

    private Tensor checkVersion(Tensor t, int saved, String what) {
        int now = t.version.get();
        if (now != saved) {
            throw new IllegalStateException("one of the variables needed for gradient computation has been modified "
                    + "by an inplace operation: [" + t.dtype() + " " + Shapes.str(t.shape) + "], which is " + what
                    + " of " + name() + ", is at version " + now + "; expected version " + saved + " instead. Hint: "
                    + "clone() the tensor before modifying it in place, or do the in-place op after backward()");
        }
        return t;
    }
}
