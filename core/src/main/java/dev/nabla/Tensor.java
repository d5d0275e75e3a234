package dev.nabla;

import dev.nabla.spi.Backend;
import dev.nabla.spi.BinaryOp;
import dev.nabla.spi.Storage;
import dev.nabla.spi.Strided;
import dev.nabla.spi.UnaryOp;
import dev.nabla.spi.Window2d;

import java.util.List;

/**
 * An n-dimensional array of one dtype on one device: a storage plus a layout (shape, strides in elements,
 * offset). Views share storage and never copy. Methods follow PyTorch's names in camelCase; a trailing
 * underscore marks the in-place form ({@code add_}), exactly as in PyTorch.
 */
public sealed class Tensor permits Parameter {
    // Not final: setData swaps them, as PyTorch's `t.data = other` does (Module.to relies on it).
    Storage storage;
    int[] shape;
    int[] strides;
    int offset;
    final VersionCounter version;
    /** Made from a Java number; such operands rank lowest in type promotion, as PyTorch's wrapped numbers. */
    final boolean wrappedNumber;

    // Autograd state: set by Recorder for op results, by requiresGrad(true) for leaves.
    boolean requiresGrad;
    GradFn gradFn;
    Tensor grad;
    /** The tensor whose storage a view reads (null for tensors that own theirs, and for detached tensors). */
    Tensor viewBase;
    private GradFn accumulator;
    /** {@link #strided()}, made once: every op hands its operands' layouts to a backend. */
    private Strided strided;

    Tensor(Storage storage, int[] shape, int[] strides, int offset, VersionCounter version, boolean wrappedNumber) {
        this.storage = storage;
        this.shape = shape;
        this.strides = strides;
        this.offset = offset;
        this.version = version;
        this.wrappedNumber = wrappedNumber;
    }

    /** A new contiguous tensor over a fresh storage. */
    Tensor(Storage storage, int[] shape) {
        this(storage, shape, Strided.contiguousStrides(shape), 0, new VersionCounter(), false);
    }

    /** A tensor over {@code data}'s storage and layout, outside any graph (what {@link Parameter} wraps). */
    Tensor(Tensor data) {
        this(data.storage, data.shape, data.strides, data.offset, data.version, false);
    }

    Backend backend() {
        return Backends.of(storage.device());
    }

    /** This tensor's layout as backend kernels take it. */
    Strided strided() {
        Strided s = strided;
        if (s == null) strided = s = new Strided(storage, shape, strides, offset);
        return s;
    }

    // ---------------------------------------------------------------- metadata

    /** The sizes of each dimension (a copy). */
    public int[] shape() {
        return shape.clone();
    }

    /** The size of one dimension; negative dims count from the end. */
    public int size(int dim) {
        return shape[Shapes.wrapDim("size", dim, shape.length)];
    }

    /** The number of dimensions. */
    public int dim() {
        return shape.length;
    }

    /** The number of elements. */
    public int numel() {
        return Shapes.numel(shape);
    }

    /** The element type. */
    public DType dtype() {
        return storage.dtype();
    }

    /** The device holding the storage. */
    public Device device() {
        return storage.device();
    }

    /** The strides, in elements, of each dimension (a copy), as PyTorch's {@code stride()}. */
    public int[] strides() {
        return strides.clone();
    }

    /** The index of the first element in the storage, as PyTorch's {@code storage_offset()}. */
    public int storageOffset() {
        return offset;
    }

    /** How many in-place writes this tensor's storage has seen (shared with its views), as PyTorch's {@code _version}. */
    public int version() {
        return version.get();
    }

    /** True when the elements are laid out row-major without gaps. */
    public boolean isContiguous() {
        return strided().isContiguous();
    }

    /** True when both tensors are windows onto the same storage. */
    public boolean sharesStorageWith(Tensor other) {
        return storage == other.storage;
    }

    // ---------------------------------------------------------------- autograd

    /** True when gradients flow back to this tensor: a leaf marked by {@link #requiresGrad(boolean)} or an op result. */
    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** Marks a leaf as requiring grad (or not), like {@code requires_grad_()}; returns this tensor. */
    public Tensor requiresGrad(boolean requires) {
        AutogradSupport.setRequiresGrad(this, requires);
        return this;
    }

    /** True for tensors not made by a recorded op: user-created tensors and results computed without grad. */
    public boolean isLeaf() {
        return gradFn == null;
    }

    /** The gradient accumulated by backward into this leaf (or retaining non-leaf); null before the first backward. */
    public Tensor grad() {
        return grad;
    }

    /** Replaces the accumulated gradient, e.g. with null to reset it as optimizers' {@code zero_grad} does. */
    public void setGrad(Tensor grad) {
        AutogradSupport.setGrad(this, grad);
    }

    /** The node that made this tensor ({@code MulBackward0} ...), or null for a leaf. */
    public GradFn gradFn() {
        return gradFn;
    }

    /** Back-propagates from this scalar: accumulates d(this)/d(leaf) into every leaf's {@link #grad()}. */
    public void backward() {
        AutogradSupport.backward(this, null, false, false);
    }

    /** Back-propagates {@code gradient} (same shape as this tensor), as PyTorch's {@code backward(gradient)}. */
    public void backward(Tensor gradient) {
        AutogradSupport.backward(this, gradient, false, false);
    }

    /** {@link #backward(Tensor)} keeping the graph for another backward and/or recording it for higher derivatives. */
    public void backward(Tensor gradient, boolean retainGraph, boolean createGraph) {
        AutogradSupport.backward(this, gradient, retainGraph, createGraph);
    }

    /** Asks backward to store this non-leaf tensor's gradient in {@link #grad()} too; returns this tensor. */
    public Tensor retainGrad() {
        AutogradSupport.retainGrad(this);
        return this;
    }

    /** True when backward will fill {@link #grad()} although this tensor is not a leaf. */
    public boolean retainsGrad() {
        return gradFn != null && gradFn.retainedBy() == this;
    }

    /**
     * Makes this tensor a window onto {@code data}'s storage, keeping its identity and autograd state, as
     * PyTorch's {@code t.data = data}; used to move parameters between devices and dtypes in place.
     */
    public void setData(Tensor data) {
        if (requiresGrad && !data.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("setData: a tensor that requires grad can only hold floating point data, "
                    + "got " + data.dtype());
        }
        storage = data.storage;
        shape = data.shape;
        strides = data.strides;
        offset = data.offset;
        strided = null;
        version.bump();
    }

    /** A tensor sharing this one's storage (and version counter) that is cut off from the graph. */
    public Tensor detach() {
        return new Tensor(storage, shape, strides, offset, version, false);
    }

    /**
     * Registers {@code hook} to see (and possibly replace, by returning another tensor) this tensor's gradient
     * whenever backward computes it; returns a handle whose {@code close()} removes it.
     */
    public AutoCloseable registerHook(java.util.function.UnaryOperator<Tensor> hook) {
        return AutogradSupport.registerHook(this, hook);
    }

    /** The node that accumulates this leaf's gradient, created on first use. */
    GradFn accumulator() {
        if (accumulator == null) accumulator = GradFn.accumulatorOf(this);
        return accumulator;
    }

    // ---------------------------------------------------------------- read-out

    /** The single element as a double; the tensor must hold exactly one element. */
    public double item() {
        return Readout.item(this).doubleValue();
    }

    /** The single element as a long (exact for INT64); the tensor must hold exactly one element. */
    public long itemLong() {
        return Readout.item(this).longValue();
    }

    /** The single element as a boolean (non-zero is true); the tensor must hold exactly one element. */
    public boolean itemBoolean() {
        return Readout.item(this).doubleValue() != 0;
    }

    /** All elements in row-major order, converted to float. */
    public float[] toFloatArray() {
        return (float[]) Readout.toArray(this, DType.FLOAT32);
    }

    /** All elements in row-major order, converted to double. */
    public double[] toDoubleArray() {
        return (double[]) Readout.toArray(this, DType.FLOAT64);
    }

    /** All elements in row-major order, converted to int (floats truncate toward zero). */
    public int[] toIntArray() {
        return (int[]) Readout.toArray(this, DType.INT32);
    }

    /** All elements in row-major order, converted to long (floats truncate toward zero). */
    public long[] toLongArray() {
        return (long[]) Readout.toArray(this, DType.INT64);
    }

    /** All elements in row-major order, converted to boolean (non-zero is true). */
    public boolean[] toBooleanArray() {
        return (boolean[]) Readout.toArray(this, DType.BOOL);
    }

    /** The element at {@code index} (one index per dim, negative from the end) as a double. */
    public double getDouble(int... index) {
        return get(index).item();
    }

    /** The element at {@code index} as a float. */
    public float getFloat(int... index) {
        return (float) get(index).item();
    }

    /** The element at {@code index} as a long. */
    public long getLong(int... index) {
        return get(index).itemLong();
    }

    /** The element at {@code index} as an int. */
    public int getInt(int... index) {
        return (int) get(index).itemLong();
    }

    /** The element at {@code index} as a boolean. */
    public boolean getBoolean(int... index) {
        return get(index).itemBoolean();
    }

    /** The view {@code t[i0, i1, ...]}: selects the leading dims, like PyTorch's integer indexing. */
    public Tensor get(int... index) {
        return Views.index("get", this, index);
    }

    /** Writes {@code value} at {@code index} (one index per dim), as {@code t[i, j] = value}. */
    public Tensor set(double value, int... index) {
        Views.index("set", this, index).fill_(value);
        return this;
    }

    /** PyTorch-style printing: {@code tensor([[1., 2.], [3., 4.]])} with a dtype suffix for non-default dtypes. */
    @Override
    public String toString() {
        return Formatter.format(this);
    }

    // ---------------------------------------------------------------- conversion

    /** A copy with the given dtype, or this tensor when it already has it. */
    public Tensor to(DType dtype) {
        return dtype == dtype() ? this : Dispatch.cast(this, dtype);
    }

    /** A copy on the given device, or this tensor when it is already there. */
    public Tensor to(Device device) {
        return device.equals(device()) ? this : Dispatch.toDevice(this, device);
    }

    /** A contiguous tensor with the same values: this one if already contiguous, else a copy. */
    public Tensor contiguous() {
        return isContiguous() ? this : clone();
    }

    /** A contiguous copy with its own storage. */
    @Override
    public Tensor clone() {
        return Dispatch.cast(this, dtype());
    }

    // ---------------------------------------------------------------- views

    /** A view with a new shape (one size may be -1); the layout must allow it without copying. */
    public Tensor view(int... shape) {
        return Views.view(this, shape);
    }

    /** The same values with a new shape: a view when the layout allows it, else a copy (like PyTorch). */
    public Tensor reshape(int... shape) {
        return Views.reshape(this, shape);
    }

    /** A view with the dims reordered: output dim i is input dim {@code dims[i]}. */
    public Tensor permute(int... dims) {
        return Views.permute(this, dims);
    }

    /** A view with two dims swapped. */
    public Tensor transpose(int dim0, int dim1) {
        return Views.transpose(this, dim0, dim1);
    }

    /** The transpose of a tensor of at most 2 dims. */
    public Tensor t() {
        return Views.t(this);
    }

    /** A view repeating size-1 dims (stride 0) to the given sizes; -1 keeps a size; new leading dims may be added. */
    public Tensor expand(int... sizes) {
        return Views.expand(this, sizes);
    }

    /** {@code expand(other.shape())}. */
    public Tensor expandAs(Tensor other) {
        return Views.expand(this, other.shape);
    }

    /** A view without any size-1 dims. */
    public Tensor squeeze() {
        return Views.squeeze(this);
    }

    /** A view without {@code dim} if its size is 1 (otherwise this tensor's shape). */
    public Tensor squeeze(int dim) {
        return Views.squeeze(this, dim);
    }

    /** A view with a size-1 dim inserted at {@code dim} (in [-dim()-1, dim()]). */
    public Tensor unsqueeze(int dim) {
        return Views.unsqueeze(this, dim);
    }

    /** All dims flattened into one (a view when possible). */
    public Tensor flatten() {
        return Views.flatten(this, 0, -1);
    }

    /** Dims {@code startDim..endDim} flattened into one (a view when possible). */
    public Tensor flatten(int startDim, int endDim) {
        return Views.flatten(this, startDim, endDim);
    }

    /** A view splitting {@code dim} into {@code sizes} (one may be -1). */
    public Tensor unflatten(int dim, int... sizes) {
        return Views.unflatten(this, dim, sizes);
    }

    /** A view of {@code length} elements of {@code dim} starting at {@code start}. */
    public Tensor narrow(int dim, int start, int length) {
        return Views.narrow(this, dim, start, length);
    }

    /** A view at {@code index} of {@code dim}, with that dim removed. */
    public Tensor select(int dim, int index) {
        return Views.select(this, dim, index);
    }

    /** A view of {@code dim} from {@code start} (inclusive) to {@code end} (exclusive), as Python's {@code [start:end]}. */
    public Tensor slice(int dim, int start, int end) {
        return Views.slice(this, dim, start, end, 1);
    }

    /** A view of {@code dim} as Python's {@code [start:end:step]}: negative bounds count from the end and are clamped. */
    public Tensor slice(int dim, int start, int end, int step) {
        return Views.slice(this, dim, start, end, step);
    }

    /** Views of consecutive pieces of {@code splitSize} along {@code dim} (the last may be smaller). */
    public List<Tensor> split(int splitSize, int dim) {
        return Views.split(this, splitSize, dim);
    }

    /** Views of pieces with the given sizes along {@code dim}; the sizes must add up to the dim's size. */
    public List<Tensor> split(int[] sizes, int dim) {
        return Views.split(this, sizes, dim);
    }

    /** At most {@code chunks} views of equal size (the last may be smaller) along {@code dim}. */
    public List<Tensor> chunk(int chunks, int dim) {
        return Views.chunk(this, chunks, dim);
    }

    /** Views of each index along {@code dim}, with that dim removed. */
    public List<Tensor> unbind(int dim) {
        return Views.unbind(this, dim);
    }

    // ---------------------------------------------------------------- elementwise arithmetic

    /** {@code this + other}, broadcasting. */
    public Tensor add(Tensor other) {
        return Elementwise.add("add", this, other, 1);
    }

    /** {@code this + alpha * other}, broadcasting. */
    public Tensor add(Tensor other, double alpha) {
        return Elementwise.add("add", this, other, alpha);
    }

    /** {@code this + value}. */
    public Tensor add(double value) {
        return Elementwise.binary("add", BinaryOp.ADD, this, value);
    }

    /** {@code this + value}; an integer tensor stays integer. */
    public Tensor add(long value) {
        return Elementwise.binary("add", BinaryOp.ADD, this, value);
    }

    /** {@code this - other}, broadcasting. */
    public Tensor sub(Tensor other) {
        return Elementwise.sub("sub", this, other, 1);
    }

    /** {@code this - alpha * other}, broadcasting. */
    public Tensor sub(Tensor other, double alpha) {
        return Elementwise.sub("sub", this, other, alpha);
    }

    /** {@code this - value}. */
    public Tensor sub(double value) {
        return Elementwise.binary("sub", BinaryOp.SUB, this, value);
    }

    /** {@code this - value}; an integer tensor stays integer. */
    public Tensor sub(long value) {
        return Elementwise.binary("sub", BinaryOp.SUB, this, value);
    }

    /** {@code this * other}, broadcasting. */
    public Tensor mul(Tensor other) {
        return Elementwise.binary("mul", BinaryOp.MUL, this, other);
    }

    /** {@code this * value}. */
    public Tensor mul(double value) {
        return Elementwise.binary("mul", BinaryOp.MUL, this, value);
    }

    /** {@code this * value}; an integer tensor stays integer. */
    public Tensor mul(long value) {
        return Elementwise.binary("mul", BinaryOp.MUL, this, value);
    }

    /** True division {@code this / other}, broadcasting; integer inputs give the default float dtype. */
    public Tensor div(Tensor other) {
        return Elementwise.div(this, other);
    }

    /** True division {@code this / value}. */
    public Tensor div(double value) {
        return Elementwise.div(this, value);
    }

    /** {@code this} to the power {@code exponent}, elementwise with broadcasting. */
    public Tensor pow(Tensor exponent) {
        return Elementwise.pow(this, exponent);
    }

    /** {@code this} to the power {@code exponent}. */
    public Tensor pow(double exponent) {
        return Elementwise.pow(this, exponent);
    }

    /** {@code this} to the integer power {@code exponent}; an integer tensor stays integer. */
    public Tensor pow(long exponent) {
        return Elementwise.pow(this, exponent);
    }

    /** {@code this * this}; as PyTorch's {@code pow(x, 2)}, a bool tensor gives INT64. */
    public Tensor square() {
        return dtype() == DType.BOOL ? pow(2L) : mul(this);
    }

    /** Elementwise maximum of two tensors (NaN wins), broadcasting. */
    public Tensor maximum(Tensor other) {
        return Elementwise.binary("maximum", BinaryOp.MAXIMUM, this, other);
    }

    /** Elementwise minimum of two tensors (NaN wins), broadcasting. */
    public Tensor minimum(Tensor other) {
        return Elementwise.binary("minimum", BinaryOp.MINIMUM, this, other);
    }

    /** Values limited to [min, max]; NaN stays NaN. */
    public Tensor clamp(double min, double max) {
        return Elementwise.clamp(this, min, max);
    }

    /** Values limited from below, as {@code clamp(min=...)}. */
    public Tensor clampMin(double min) {
        return Elementwise.clamp(this, min, null);
    }

    /** Values limited from above, as {@code clamp(max=...)}. */
    public Tensor clampMax(double max) {
        return Elementwise.clamp(this, null, max);
    }

    /** Values limited elementwise to [min, max] given as tensors (either may be null), broadcasting. */
    public Tensor clamp(Tensor min, Tensor max) {
        return Elementwise.clamp(this, min, max);
    }

    /** {@code -this}. */
    public Tensor neg() {
        return Elementwise.unary("neg", UnaryOp.NEG, this);
    }

    /** {@code |this|}. */
    public Tensor abs() {
        return Elementwise.unary("abs", UnaryOp.ABS, this);
    }

    /** -1, 0 or 1 by sign; 0 for zero and for NaN, as PyTorch. */
    public Tensor sign() {
        return Elementwise.unary("sign", UnaryOp.SIGN, this);
    }

    /** e to the power of each element. */
    public Tensor exp() {
        return Elementwise.unary("exp", UnaryOp.EXP, this);
    }

    /** Natural logarithm. */
    public Tensor log() {
        return Elementwise.unary("log", UnaryOp.LOG, this);
    }

    /** {@code log(1 + x)}, accurate near 0. */
    public Tensor log1p() {
        return Elementwise.unary("log1p", UnaryOp.LOG1P, this);
    }

    /** {@code exp(x) - 1}, accurate near 0. */
    public Tensor expm1() {
        return Elementwise.unary("expm1", UnaryOp.EXPM1, this);
    }

    /** Square root. */
    public Tensor sqrt() {
        return Elementwise.unary("sqrt", UnaryOp.SQRT, this);
    }

    /** {@code 1 / sqrt(x)}. */
    public Tensor rsqrt() {
        return Elementwise.unary("rsqrt", UnaryOp.RSQRT, this);
    }

    /** {@code 1 / x}. */
    public Tensor reciprocal() {
        return Elementwise.unary("reciprocal", UnaryOp.RECIPROCAL, this);
    }

    /** Sine. */
    public Tensor sin() {
        return Elementwise.unary("sin", UnaryOp.SIN, this);
    }

    /** Cosine. */
    public Tensor cos() {
        return Elementwise.unary("cos", UnaryOp.COS, this);
    }

    /** Tangent. */
    public Tensor tan() {
        return Elementwise.unary("tan", UnaryOp.TAN, this);
    }

    /** Hyperbolic tangent. */
    public Tensor tanh() {
        return Elementwise.unary("tanh", UnaryOp.TANH, this);
    }

    /** {@code 1 / (1 + exp(-x))}. */
    public Tensor sigmoid() {
        return Elementwise.unary("sigmoid", UnaryOp.SIGMOID, this);
    }

    /** The error function. */
    public Tensor erf() {
        return Elementwise.unary("erf", UnaryOp.ERF, this);
    }

    /** {@code max(x, 0)}. */
    public Tensor relu() {
        return Elementwise.unary("relu", UnaryOp.RELU, this);
    }

    /** Exact GELU, {@code x * Phi(x)}, PyTorch's default. */
    public Tensor gelu() {
        return Elementwise.activation("gelu", UnaryOp.GELU, this);
    }

    /** GELU with PyTorch's {@code approximate='tanh'} formula when {@code tanhApproximation} is true. */
    public Tensor gelu(boolean tanhApproximation) {
        return tanhApproximation ? Elementwise.geluTanh(this) : gelu();
    }

    /** {@code x * sigmoid(x)}. */
    public Tensor silu() {
        return Elementwise.activation("silu", UnaryOp.SILU, this);
    }

    /** {@code log(1 + exp(x))}, PyTorch's defaults (beta 1, threshold 20). */
    public Tensor softplus() {
        return Elementwise.softplus(this, 1, 20);
    }

    /** {@code log(1 + exp(beta x)) / beta}, linear where {@code beta x > threshold}. */
    public Tensor softplus(double beta, double threshold) {
        return Elementwise.softplus(this, beta, threshold);
    }

    /** ELU with alpha 1. */
    public Tensor elu() {
        return Elementwise.elu(this, 1);
    }

    /** {@code x} for x &gt; 0, else {@code alpha (exp(x) - 1)}. */
    public Tensor elu(double alpha) {
        return Elementwise.elu(this, alpha);
    }

    /** Leaky ReLU with PyTorch's default slope 0.01. */
    public Tensor leakyRelu() {
        return Elementwise.leakyRelu(this, 0.01);
    }

    /** {@code x} for x &gt; 0, else {@code negativeSlope * x}. */
    public Tensor leakyRelu(double negativeSlope) {
        return Elementwise.leakyRelu(this, negativeSlope);
    }

    /** Rounds down. */
    public Tensor floor() {
        return Elementwise.rounding("floor", UnaryOp.FLOOR, this);
    }

    /** Rounds up. */
    public Tensor ceil() {
        return Elementwise.rounding("ceil", UnaryOp.CEIL, this);
    }

    /** Rounds half to even, as PyTorch. */
    public Tensor round() {
        return Elementwise.rounding("round", UnaryOp.ROUND, this);
    }

    /** Elements of this where {@code condition} is true, else of {@code other}: PyTorch's {@code Tensor.where}. */
    public Tensor where(Tensor condition, Tensor other) {
        return Elementwise.where(condition, this, other);
    }

    /** A copy with {@code value} wherever {@code mask} (BOOL, broadcastable) is true. */
    public Tensor maskedFill(Tensor mask, double value) {
        return Elementwise.maskedFill(this, mask, value);
    }

    /** A copy with the 0-dim tensor {@code value} wherever {@code mask} is true. */
    public Tensor maskedFill(Tensor mask, Tensor value) {
        return Elementwise.maskedFill(this, mask, value);
    }

    // ---------------------------------------------------------------- comparisons and logic

    /** Elementwise {@code ==}, giving BOOL. */
    public Tensor eq(Tensor other) {
        return Elementwise.compare("eq", BinaryOp.EQ, this, other);
    }

    /** Elementwise {@code == value}. */
    public Tensor eq(double value) {
        return Elementwise.compare("eq", BinaryOp.EQ, this, value);
    }

    /** Elementwise {@code !=}, giving BOOL. */
    public Tensor ne(Tensor other) {
        return Elementwise.compare("ne", BinaryOp.NE, this, other);
    }

    /** Elementwise {@code != value}. */
    public Tensor ne(double value) {
        return Elementwise.compare("ne", BinaryOp.NE, this, value);
    }

    /** Elementwise {@code <}, giving BOOL. */
    public Tensor lt(Tensor other) {
        return Elementwise.compare("lt", BinaryOp.LT, this, other);
    }

    /** Elementwise {@code < value}. */
    public Tensor lt(double value) {
        return Elementwise.compare("lt", BinaryOp.LT, this, value);
    }

    /** Elementwise {@code <=}, giving BOOL. */
    public Tensor le(Tensor other) {
        return Elementwise.compare("le", BinaryOp.LE, this, other);
    }

    /** Elementwise {@code <= value}. */
    public Tensor le(double value) {
        return Elementwise.compare("le", BinaryOp.LE, this, value);
    }

    /** Elementwise {@code >}, giving BOOL. */
    public Tensor gt(Tensor other) {
        return Elementwise.compare("gt", BinaryOp.GT, this, other);
    }

    /** Elementwise {@code > value}. */
    public Tensor gt(double value) {
        return Elementwise.compare("gt", BinaryOp.GT, this, value);
    }

    /** Elementwise {@code >=}, giving BOOL. */
    public Tensor ge(Tensor other) {
        return Elementwise.compare("ge", BinaryOp.GE, this, other);
    }

    /** Elementwise {@code >= value}. */
    public Tensor ge(double value) {
        return Elementwise.compare("ge", BinaryOp.GE, this, value);
    }

    /** Elementwise logical and (non-zero is true), giving BOOL. */
    public Tensor logicalAnd(Tensor other) {
        return Elementwise.logical("logicalAnd", BinaryOp.LOGICAL_AND, this, other);
    }

    /** Elementwise logical or (non-zero is true), giving BOOL. */
    public Tensor logicalOr(Tensor other) {
        return Elementwise.logical("logicalOr", BinaryOp.LOGICAL_OR, this, other);
    }

    /** Elementwise logical not (zero becomes true), giving BOOL. */
    public Tensor logicalNot() {
        return Elementwise.logicalNot(this);
    }

    // ---------------------------------------------------------------- reductions

    /** Sum of all elements (integers and bools sum to INT64). */
    public Tensor sum() {
        return Reductions.sum(this, Shapes.allDims(dim()), false);
    }

    /** Sum over {@code dim}. */
    public Tensor sum(int dim) {
        return Reductions.sum(this, new int[] {dim}, false);
    }

    /** Sum over {@code dim}, keeping it with size 1 when {@code keepdim}. */
    public Tensor sum(int dim, boolean keepdim) {
        return Reductions.sum(this, new int[] {dim}, keepdim);
    }

    /** Sum over several dims. */
    public Tensor sum(int[] dims, boolean keepdim) {
        return Reductions.sum(this, dims, keepdim);
    }

    /** Mean of all elements (floating dtypes only). */
    public Tensor mean() {
        return Reductions.mean(this, Shapes.allDims(dim()), false);
    }

    /** Mean over {@code dim}. */
    public Tensor mean(int dim) {
        return Reductions.mean(this, new int[] {dim}, false);
    }

    /** Mean over {@code dim}, keeping it with size 1 when {@code keepdim}. */
    public Tensor mean(int dim, boolean keepdim) {
        return Reductions.mean(this, new int[] {dim}, keepdim);
    }

    /** Mean over several dims. */
    public Tensor mean(int[] dims, boolean keepdim) {
        return Reductions.mean(this, dims, keepdim);
    }

    /** Product of all elements. */
    public Tensor prod() {
        return Reductions.prod(this, Shapes.allDims(dim()), false);
    }

    /** Product over {@code dim}. */
    public Tensor prod(int dim, boolean keepdim) {
        return Reductions.prod(this, new int[] {dim}, keepdim);
    }

    /** Product over several dims. */
    public Tensor prod(int[] dims, boolean keepdim) {
        return Reductions.prod(this, dims, keepdim);
    }

    /** Largest element (NaN if any is NaN). */
    public Tensor max() {
        return Reductions.amax("max", this, Shapes.allDims(dim()), false, true);
    }

    /** Largest values along {@code dim} and the index of the first of each. */
    public ValuesIndices max(int dim) {
        return Reductions.maxMin("max", this, dim, false, true);
    }

    /** Largest values along {@code dim} and their indices, keeping the dim when {@code keepdim}. */
    public ValuesIndices max(int dim, boolean keepdim) {
        return Reductions.maxMin("max", this, dim, keepdim, true);
    }

    /** Elementwise maximum with {@code other}, as PyTorch's {@code max(other)}. */
    public Tensor max(Tensor other) {
        return maximum(other);
    }

    /** Smallest element (NaN if any is NaN). */
    public Tensor min() {
        return Reductions.amax("min", this, Shapes.allDims(dim()), false, false);
    }

    /** Smallest values along {@code dim} and the index of the first of each. */
    public ValuesIndices min(int dim) {
        return Reductions.maxMin("min", this, dim, false, false);
    }

    /** Smallest values along {@code dim} and their indices, keeping the dim when {@code keepdim}. */
    public ValuesIndices min(int dim, boolean keepdim) {
        return Reductions.maxMin("min", this, dim, keepdim, false);
    }

    /** Elementwise minimum with {@code other}, as PyTorch's {@code min(other)}. */
    public Tensor min(Tensor other) {
        return minimum(other);
    }

    /** Largest values over several dims (no indices). */
    public Tensor amax(int[] dims, boolean keepdim) {
        return Reductions.amax("amax", this, dims, keepdim, true);
    }

    /** Smallest values over several dims (no indices). */
    public Tensor amin(int[] dims, boolean keepdim) {
        return Reductions.amax("amin", this, dims, keepdim, false);
    }

    /** Index of the largest element of the flattened tensor (the first one on ties). */
    public Tensor argmax() {
        return Reductions.argFlat("argmax", this, true);
    }

    /** Indices of the largest values along {@code dim}. */
    public Tensor argmax(int dim, boolean keepdim) {
        return Reductions.arg("argmax", this, dim, keepdim, true);
    }

    /** Index of the smallest element of the flattened tensor (the first one on ties). */
    public Tensor argmin() {
        return Reductions.argFlat("argmin", this, false);
    }

    /** Indices of the smallest values along {@code dim}. */
    public Tensor argmin(int dim, boolean keepdim) {
        return Reductions.arg("argmin", this, dim, keepdim, false);
    }

    /** Unbiased variance of all elements. */
    public Tensor var() {
        return Reductions.var("var", this, Shapes.allDims(dim()), true, false);
    }

    /** Variance of all elements, dividing by n-1 when {@code unbiased}, else by n. */
    public Tensor var(boolean unbiased) {
        return Reductions.var("var", this, Shapes.allDims(dim()), unbiased, false);
    }

    /** Variance over dims. */
    public Tensor var(int[] dims, boolean unbiased, boolean keepdim) {
        return Reductions.var("var", this, dims, unbiased, keepdim);
    }

    /** Unbiased standard deviation of all elements. */
    public Tensor std() {
        return Reductions.std(this, Shapes.allDims(dim()), true, false);
    }

    /** Standard deviation of all elements, unbiased or not. */
    public Tensor std(boolean unbiased) {
        return Reductions.std(this, Shapes.allDims(dim()), unbiased, false);
    }

    /** Standard deviation over dims. */
    public Tensor std(int[] dims, boolean unbiased, boolean keepdim) {
        return Reductions.std(this, dims, unbiased, keepdim);
    }

    /** {@code log(sum(exp(x)))} over {@code dim}, computed without overflow. */
    public Tensor logsumexp(int dim) {
        return Reductions.logsumexp(this, new int[] {dim}, false);
    }

    /** {@code log(sum(exp(x)))} over several dims, computed without overflow. */
    public Tensor logsumexp(int[] dims, boolean keepdim) {
        return Reductions.logsumexp(this, dims, keepdim);
    }

    /** The 2-norm of all elements. */
    public Tensor norm() {
        return Reductions.norm(this, 2, Shapes.allDims(dim()), false);
    }

    /** The p-norm of all elements (p may be infinite or 0). */
    public Tensor norm(double p) {
        return Reductions.norm(this, p, Shapes.allDims(dim()), false);
    }

    /** The p-norm over dims. */
    public Tensor norm(double p, int[] dims, boolean keepdim) {
        return Reductions.norm(this, p, dims, keepdim);
    }

    /** True if every element is non-zero. */
    public Tensor all() {
        return Reductions.logical("all", this, Shapes.allDims(dim()), false);
    }

    /** Whether every element along {@code dim} is non-zero. */
    public Tensor all(int dim, boolean keepdim) {
        return Reductions.logical("all", this, new int[] {dim}, keepdim);
    }

    /** True if any element is non-zero. */
    public Tensor any() {
        return Reductions.logical("any", this, Shapes.allDims(dim()), false);
    }

    /** Whether any element along {@code dim} is non-zero. */
    public Tensor any(int dim, boolean keepdim) {
        return Reductions.logical("any", this, new int[] {dim}, keepdim);
    }

    /** Running sum along {@code dim} (integers and bools sum to INT64). */
    public Tensor cumsum(int dim) {
        return Reductions.cumsum(this, dim);
    }

    /** {@code exp(x) / sum(exp(x))} along {@code dim}, computed stably. */
    public Tensor softmax(int dim) {
        return Reductions.softmax(this, dim);
    }

    /** {@code x - logsumexp(x)} along {@code dim}, computed stably. */
    public Tensor logSoftmax(int dim) {
        return Reductions.logSoftmax(this, dim);
    }

    // ---------------------------------------------------------------- linear algebra

    /** Matrix product of two 2-d tensors. */
    public Tensor mm(Tensor other) {
        return LinAlg.mm(this, other);
    }

    /** Matrix-vector product of a 2-d and a 1-d tensor. */
    public Tensor mv(Tensor vec) {
        return LinAlg.mv(this, vec);
    }

    /** Inner product of two 1-d tensors of equal size. */
    public Tensor dot(Tensor other) {
        return LinAlg.dot(this, other);
    }

    /** Outer product of two 1-d tensors. */
    public Tensor outer(Tensor other) {
        return LinAlg.outer(this, other);
    }

    /** Batched matrix product of two 3-d tensors with the same batch size. */
    public Tensor bmm(Tensor other) {
        return LinAlg.bmm(this, other);
    }

    /** PyTorch's {@code matmul}: dot, mv, mm or batched mm with broadcast batch dims, by rank. */
    public Tensor matmul(Tensor other) {
        return LinAlg.matmul(this, other);
    }

    // ---------------------------------------------------------------- sliding windows

    /**
     * im2col of an [N, C, H, W] tensor: [N, C*kh*kw, blocksH*blocksW] columns holding each window's taps, with
     * {@code padValue} where a tap falls outside the image (the primitive under PyTorch's {@code F.unfold}).
     */
    public Tensor im2col(Window2d window, double padValue) {
        return Patches.im2col(this, window, padValue);
    }

    /** col2im, the adjoint of {@link #im2col}: [N, C*kh*kw, L] columns summed into an [N, C, height, width] image. */
    public Tensor col2im(int height, int width, Window2d window) {
        return Patches.col2im(this, height, width, window);
    }

    // ---------------------------------------------------------------- indexing and reordering

    /** The entries of {@code index} (1-d, integer) along {@code dim}. */
    public Tensor indexSelect(int dim, Tensor index) {
        return Indexing.indexSelect(this, dim, index);
    }

    /** {@code out[i][j] = this[index[i][j]][j]} for dim 0, and so on: PyTorch's {@code gather}. */
    public Tensor gather(int dim, Tensor index) {
        return Indexing.gather(this, dim, index);
    }

    /** A copy with {@code src} written at {@code index} along {@code dim}: PyTorch's {@code scatter}. */
    public Tensor scatter(int dim, Tensor index, Tensor src) {
        return Indexing.scatterCopy("scatter", this, dim, index, src, false);
    }

    /** A copy with {@code value} written at {@code index} along {@code dim}. */
    public Tensor scatter(int dim, Tensor index, double value) {
        return Indexing.scatterValue("scatter", this, dim, index, value);
    }

    /** A copy with {@code src} added at {@code index} along {@code dim}: PyTorch's {@code scatter_add}. */
    public Tensor scatterAdd(int dim, Tensor index, Tensor src) {
        return Indexing.scatterCopy("scatterAdd", this, dim, index, src, true);
    }

    /** A copy whose window [start:end:step] of {@code dim} is replaced by {@code src}: PyTorch's {@code slice_scatter}. */
    public Tensor sliceScatter(Tensor src, int dim, int start, int end, int step) {
        return Indexing.sliceScatter(this, src, dim, start, end, step);
    }

    /** A copy with the order of elements reversed along {@code dims}. */
    public Tensor flip(int... dims) {
        return Indexing.flip(this, dims);
    }

    /** The tensor tiled {@code repeats[i]} times along each dim (leading dims may be added). */
    public Tensor repeat(int... repeats) {
        return Indexing.repeat(this, repeats);
    }

    /** Values sorted ascending along the last dim, with the indices that sort them. */
    public ValuesIndices sort() {
        return Indexing.sort(this, -1, false);
    }

    /** Values sorted along {@code dim} (stably), with their original indices. */
    public ValuesIndices sort(int dim, boolean descending) {
        return Indexing.sort(this, dim, descending);
    }

    /** The indices that sort along {@code dim}. */
    public Tensor argsort(int dim, boolean descending) {
        return Indexing.argsort(this, dim, descending);
    }

    /** The {@code k} largest values along the last dim, largest first, with their indices. */
    public ValuesIndices topk(int k) {
        return Indexing.topk(this, k, -1, true);
    }

    /** The {@code k} largest (or smallest) values along {@code dim}, sorted, with their indices. */
    public ValuesIndices topk(int k, int dim, boolean largest) {
        return Indexing.topk(this, k, dim, largest);
    }

    // ---------------------------------------------------------------- in place

    /** In place {@code this += other}; returns this. */
    public Tensor add_(Tensor other) {
        return InPlace.binary("add_", BinaryOp.ADD, this, other, 1);
    }

    /** In place {@code this += alpha * other}; returns this. */
    public Tensor add_(Tensor other, double alpha) {
        return InPlace.binary("add_", BinaryOp.ADD, this, other, alpha);
    }

    /** In place {@code this += value}; returns this. */
    public Tensor add_(double value) {
        return InPlace.binary("add_", BinaryOp.ADD, this, value);
    }

    /** In place {@code this -= other}; returns this. */
    public Tensor sub_(Tensor other) {
        return InPlace.binary("sub_", BinaryOp.SUB, this, other, 1);
    }

    /** In place {@code this -= alpha * other}; returns this. */
    public Tensor sub_(Tensor other, double alpha) {
        return InPlace.binary("sub_", BinaryOp.SUB, this, other, alpha);
    }

    /** In place {@code this -= value}; returns this. */
    public Tensor sub_(double value) {
        return InPlace.binary("sub_", BinaryOp.SUB, this, value);
    }

    /** In place {@code this *= other}; returns this. */
    public Tensor mul_(Tensor other) {
        return InPlace.binary("mul_", BinaryOp.MUL, this, other, 1);
    }

    /** In place {@code this *= value}; returns this. */
    public Tensor mul_(double value) {
        return InPlace.binary("mul_", BinaryOp.MUL, this, value);
    }

    /** In place {@code this /= other} (floating tensors only); returns this. */
    public Tensor div_(Tensor other) {
        return InPlace.binary("div_", BinaryOp.DIV, this, other, 1);
    }

    /** In place {@code this /= value} (floating tensors only); returns this. */
    public Tensor div_(double value) {
        return InPlace.binary("div_", BinaryOp.DIV, this, value);
    }

    /** In place {@code this = this ^ exponent} (a whole exponent keeps an integer tensor integer); returns this. */
    public Tensor pow_(double exponent) {
        Number e = dtype().isFloatingPoint() ? exponent : Scalars.natural(exponent);
        return InPlace.assign("pow_", this, Elementwise.pow(this, e));
    }

    /** In place {@code clamp(min, max)}; returns this. */
    public Tensor clamp_(double min, double max) {
        return InPlace.assign("clamp_", this, clamp(min, max));
    }

    /** In place {@code clampMin(min)}, as PyTorch's {@code clamp_(min=...)}; returns this. */
    public Tensor clampMin_(double min) {
        return InPlace.assign("clampMin_", this, clampMin(min));
    }

    /** In place {@code clampMax(max)}; returns this. */
    public Tensor clampMax_(double max) {
        return InPlace.assign("clampMax_", this, clampMax(max));
    }

    /** In place {@code neg()}; returns this. */
    public Tensor neg_() {
        return InPlace.assign("neg_", this, neg());
    }

    /** In place {@code relu()}; returns this. */
    public Tensor relu_() {
        return InPlace.assign("relu_", this, relu());
    }

    /** In place {@code exp()}; returns this. */
    public Tensor exp_() {
        return InPlace.assign("exp_", this, exp());
    }

    /** In place {@code maskedFill(mask, value)}; returns this. */
    public Tensor maskedFill_(Tensor mask, double value) {
        return InPlace.maskedFill(this, mask, value);
    }

    /** Fills with uniform samples from [from, to) drawn from the default generator, as {@code uniform_}; returns this. */
    public Tensor uniform_(double from, double to) {
        return uniform_(from, to, Generator.defaultGenerator());
    }

    /** Fills with uniform samples from [from, to) drawn from {@code generator}; returns this. */
    public Tensor uniform_(double from, double to, Generator generator) {
        return InPlace.copy(this, Random.like(this, "uniform_", generator, 'u', from, to));
    }

    /** Fills with normal samples (default generator), as {@code normal_}; returns this. */
    public Tensor normal_(double mean, double std) {
        return normal_(mean, std, Generator.defaultGenerator());
    }

    /** Fills with normal samples drawn from {@code generator}; returns this. */
    public Tensor normal_(double mean, double std, Generator generator) {
        if (std < 0) throw new IllegalArgumentException("normal_: expected std >= 0, got " + std);
        return InPlace.copy(this, Random.like(this, "normal_", generator, 'n', mean, std));
    }

    /** Fills with 1 (probability p) or 0 from {@code generator}, as {@code bernoulli_(p)}; returns this. */
    public Tensor bernoulli_(double p, Generator generator) {
        if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("bernoulli_: expected 0 <= p <= 1, got " + p);
        return InPlace.copy(this, Random.like(this, "bernoulli_", generator, 'b', p, 0));
    }

    /** Sets every element to zero; returns this. */
    public Tensor zero_() {
        return InPlace.fill("zero_", this, 0L);
    }

    /** Sets every element to {@code value}; returns this. */
    public Tensor fill_(double value) {
        return InPlace.fill("fill_", this, value);
    }

    /** Sets every element to the integer {@code value} (exact for INT64); returns this. */
    public Tensor fill_(long value) {
        return InPlace.fill("fill_", this, value);
    }

    /** Copies {@code src} (broadcast to this shape, converted to this dtype, from any device) into this; returns this. */
    public Tensor copy_(Tensor src) {
        return InPlace.copy(this, src);
    }

    /** In place {@code scatter(dim, index, src)}; returns this. */
    public Tensor scatter_(int dim, Tensor index, Tensor src) {
        return Indexing.scatterInPlace("scatter_", this, dim, index, src, false);
    }

    /** In place {@code scatterAdd(dim, index, src)}; returns this. */
    public Tensor scatterAdd_(int dim, Tensor index, Tensor src) {
        return Indexing.scatterInPlace("scatterAdd_", this, dim, index, src, true);
    }
}
