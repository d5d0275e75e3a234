package dev.nabla;

import dev.nabla.spi.Parallelism;

import java.util.Arrays;
import java.util.List;

/**
 * Nabla's counterpart of the {@code torch} namespace: tensor factories, joining ops and process-wide settings.
 * {@code import static dev.nabla.Nabla.*;} lets code read like PyTorch: {@code var x = randn(2, 3);}.
 */
public final class Nabla {
    private Nabla() {
    }

    // ---------------------------------------------------------------- settings

    /** Seeds the default generator, as {@code torch.manual_seed}; returns it. */
    public static Generator manualSeed(long seed) {
        return Generator.defaultGenerator().manualSeed(seed);
    }

    /** Sets how many threads one op may use on the CPU, as {@code torch.set_num_threads}. */
    public static void setNumThreads(int n) {
        Parallelism.setNumThreads(n);
    }

    /** The number of threads one op may use on the CPU. */
    public static int getNumThreads() {
        return Parallelism.numThreads();
    }

    /** Sets the floating dtype of factories and of Java floating numbers in ops (FLOAT32 or FLOAT64). */
    public static void setDefaultDtype(DType dtype) {
        Defaults.setDtype(dtype);
    }

    /** The default floating dtype (FLOAT32 unless changed). */
    public static DType getDefaultDtype() {
        return Defaults.dtype();
    }

    /** Sets the device factories create tensors on, as {@code torch.set_default_device}. */
    public static void setDefaultDevice(Device device) {
        Defaults.setDevice(device);
    }

    /** The device factories create tensors on (the CPU unless changed). */
    public static Device getDefaultDevice() {
        return Defaults.device();
    }

    /** Sets how tensors print, as {@code torch.set_printoptions}; {@code PrintOptions.defaults()} restores PyTorch's. */
    public static void setPrintOptions(PrintOptions options) {
        Formatter.setOptions(options);
    }

    /** The options tensors print with, as {@code torch.get_printoptions}. */
    public static PrintOptions getPrintOptions() {
        return Formatter.options();
    }

    // ---------------------------------------------------------------- from Java data

    /** A FLOAT32 tensor holding a copy of {@code data} with the given shape (1-d when no shape is given). */
    public static Tensor tensor(float[] data, int... shape) {
        return fromArray(data.clone(), data.length, DType.FLOAT32, vectorIfEmpty(shape, data.length));
    }

    /** A FLOAT64 tensor holding a copy of {@code data}. */
    public static Tensor tensor(double[] data, int... shape) {
        return fromArray(data.clone(), data.length, DType.FLOAT64, vectorIfEmpty(shape, data.length));
    }

    /** An INT32 tensor holding a copy of {@code data}. */
    public static Tensor tensor(int[] data, int... shape) {
        return fromArray(data.clone(), data.length, DType.INT32, vectorIfEmpty(shape, data.length));
    }

    /** An INT64 tensor holding a copy of {@code data}. */
    public static Tensor tensor(long[] data, int... shape) {
        return fromArray(data.clone(), data.length, DType.INT64, vectorIfEmpty(shape, data.length));
    }

    /** A BOOL tensor holding a copy of {@code data}. */
    public static Tensor tensor(boolean[] data, int... shape) {
        return fromArray(data.clone(), data.length, DType.BOOL, vectorIfEmpty(shape, data.length));
    }

    /** A 2-d FLOAT32 tensor from rows of equal length. */
    public static Tensor tensor(float[][] rows) {
        int cols = rectangular(rows.length, i -> rows[i].length);
        float[] flat = new float[rows.length * cols];
        for (int i = 0; i < rows.length; i++) System.arraycopy(rows[i], 0, flat, i * cols, cols);
        return fromArray(flat, flat.length, DType.FLOAT32, rows.length, cols);
    }

    /** A 2-d FLOAT64 tensor from rows of equal length. */
    public static Tensor tensor(double[][] rows) {
        int cols = rectangular(rows.length, i -> rows[i].length);
        double[] flat = new double[rows.length * cols];
        for (int i = 0; i < rows.length; i++) System.arraycopy(rows[i], 0, flat, i * cols, cols);
        return fromArray(flat, flat.length, DType.FLOAT64, rows.length, cols);
    }

    /** A 0-dim tensor of the default floating dtype, as {@code torch.tensor(2.5)}. */
    public static Tensor tensor(double value) {
        return full(new int[0], value);
    }

    /** A 0-dim INT64 tensor, as {@code torch.tensor(3)}. */
    public static Tensor tensor(long value) {
        return full(new int[0], value);
    }

    /** A 0-dim BOOL tensor. */
    public static Tensor tensor(boolean value) {
        return fromArray(new boolean[] {value}, 1, DType.BOOL, new int[0]);
    }

    private static int rectangular(int rows, java.util.function.IntUnaryOperator length) {
        int cols = rows == 0 ? 0 : length.applyAsInt(0);
        for (int i = 1; i < rows; i++) {
            if (length.applyAsInt(i) != cols) {
                throw new IllegalArgumentException("tensor: expected a rectangular array, but row " + i + " has "
                        + length.applyAsInt(i) + " elements and row 0 has " + cols);
            }
        }
        return cols;
    }

    /** The shape a flat array gets when none is given: 1-d. */
    private static int[] vectorIfEmpty(int[] shape, int length) {
        return shape.length == 0 ? new int[] {length} : shape;
    }

    private static Tensor fromArray(Object owned, int length, DType dtype, int... shape) {
        if (Shapes.numel("tensor", shape) != length) {
            throw new IllegalArgumentException("tensor: shape " + Shapes.str(shape) + " needs " + Shapes.numel(shape)
                    + " elements, but the array has " + length);
        }
        return Dispatch.upload(owned, dtype, shape, Defaults.device());
    }

    // ---------------------------------------------------------------- filled

    /** A tensor of zeros of the default dtype. */
    public static Tensor zeros(int... shape) {
        return full("zeros", TensorOptions.defaults(), shape, 0L, Defaults.dtype());
    }

    /** A tensor of zeros of the given dtype. */
    public static Tensor zeros(DType dtype, int... shape) {
        return full("zeros", TensorOptions.of(dtype), shape, 0L, dtype);
    }

    /** A tensor of zeros with the given options. */
    public static Tensor zeros(TensorOptions options, int... shape) {
        return full("zeros", options, shape, 0L, Defaults.dtype());
    }

    /** A tensor of ones of the default dtype. */
    public static Tensor ones(int... shape) {
        return full("ones", TensorOptions.defaults(), shape, 1L, Defaults.dtype());
    }

    /** A tensor of ones of the given dtype. */
    public static Tensor ones(DType dtype, int... shape) {
        return full("ones", TensorOptions.of(dtype), shape, 1L, dtype);
    }

    /** A tensor of ones with the given options. */
    public static Tensor ones(TensorOptions options, int... shape) {
        return full("ones", options, shape, 1L, Defaults.dtype());
    }

    /** An uninitialized tensor in PyTorch; here zero-filled, since Java memory always is. */
    public static Tensor empty(int... shape) {
        return zeros(shape);
    }

    /** {@link #empty(int...)} of the given dtype. */
    public static Tensor empty(DType dtype, int... shape) {
        return zeros(dtype, shape);
    }

    /** {@link #empty(int...)} with the given options. */
    public static Tensor empty(TensorOptions options, int... shape) {
        return zeros(options, shape);
    }

    /** A tensor filled with {@code value}, of the default floating dtype. */
    public static Tensor full(int[] shape, double value) {
        return full("full", TensorOptions.defaults(), shape, value, Defaults.dtype());
    }

    /** A tensor filled with the integer {@code value}, INT64 as PyTorch infers from an int fill value. */
    public static Tensor full(int[] shape, long value) {
        return full("full", TensorOptions.defaults(), shape, value, DType.INT64);
    }

    /** A tensor filled with the boolean {@code value}. */
    public static Tensor full(int[] shape, boolean value) {
        return full("full", TensorOptions.defaults(), shape, value ? 1L : 0L, DType.BOOL);
    }

    /** A tensor filled with {@code value} with the given options (dtype defaults to the default floating dtype). */
    public static Tensor full(int[] shape, double value, TensorOptions options) {
        return full("full", options, shape, value, Defaults.dtype());
    }

    private static Tensor full(String op, TensorOptions options, int[] shape, Number value, DType fallback) {
        Shapes.numel(op, shape);
        DType dtype = options.dtypeOr(fallback);
        Tensor t = Dispatch.empty(shape, dtype, options.deviceOrDefault());
        if (value.doubleValue() != 0 && t.numel() > 0) Dispatch.fill(t, value);
        return t;
    }

    /** A 2-d identity matrix n x n. */
    public static Tensor eye(int n) {
        return eye(n, n, TensorOptions.defaults());
    }

    /** A 2-d n x m matrix with ones on the diagonal. */
    public static Tensor eye(int n, int m) {
        return eye(n, m, TensorOptions.defaults());
    }

    /** A 2-d n x m matrix with ones on the diagonal, with the given options. */
    public static Tensor eye(int n, int m, TensorOptions options) {
        Tensor t = full("eye", options, new int[] {n, m}, 0L, Defaults.dtype());
        int k = Math.min(n, m);
        if (k > 0) {
            Tensor diagonal = Views.make(t, new int[] {k}, new int[] {m + 1}, 0);
            Dispatch.fill(diagonal, 1L);
        }
        return t;
    }

    // ---------------------------------------------------------------- ranges

    /** INT64 values 0, 1, ..., end-1. */
    public static Tensor arange(long end) {
        return arange(0, end, 1);
    }

    /** INT64 values start, start+1, ..., end-1. */
    public static Tensor arange(long start, long end) {
        return arange(start, end, 1);
    }

    /** INT64 values from start (inclusive) to end (exclusive) by step. */
    public static Tensor arange(long start, long end, long step) {
        int n = Ranges.count("arange", start, end, step, false);
        long[] v = new long[n];
        for (int i = 0; i < n; i++) v[i] = start + i * step;
        return Dispatch.upload(v, DType.INT64, new int[] {n}, Defaults.device());
    }

    /** Values from start (inclusive) to end (exclusive) by step, of the default floating dtype. */
    public static Tensor arange(double start, double end, double step) {
        int n = Ranges.count("arange", start, end, step, false);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = start + i * step;
        return Dispatch.upload(v, DType.FLOAT64, new int[] {n}, Defaults.device()).to(Defaults.dtype());
    }

    /** Old PyTorch's {@code range}: from start to end inclusive by step, of the default floating dtype. */
    public static Tensor range(double start, double end, double step) {
        int n = Ranges.count("range", start, end, step, true);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = start + i * step;
        return Dispatch.upload(v, DType.FLOAT64, new int[] {n}, Defaults.device()).to(Defaults.dtype());
    }

    /** {@code steps} evenly spaced values from start to end, both included. */
    public static Tensor linspace(double start, double end, int steps) {
        if (steps < 0) throw new IllegalArgumentException("linspace: number of steps must be non-negative, got " + steps);
        double[] v = new double[steps];
        if (steps == 1) v[0] = start;
        if (steps > 1) {
            double step = (end - start) / (steps - 1);
            int half = steps / 2;
            for (int i = 0; i < steps; i++) v[i] = i < half ? start + step * i : end - step * (steps - i - 1);
        }
        return Dispatch.upload(v, DType.FLOAT64, new int[] {steps}, Defaults.device()).to(Defaults.dtype());
    }

    // ---------------------------------------------------------------- random

    /** Uniform samples from [0, 1) of the default dtype, from the default generator. */
    public static Tensor rand(int... shape) {
        return rand(Generator.defaultGenerator(), TensorOptions.defaults(), shape);
    }

    /** Uniform samples from [0, 1) drawn from {@code generator}. */
    public static Tensor rand(Generator generator, int... shape) {
        return rand(generator, TensorOptions.defaults(), shape);
    }

    /** Uniform samples from [0, 1) with the given options (a floating dtype). */
    public static Tensor rand(Generator generator, TensorOptions options, int... shape) {
        return Random.uniform("rand", generator, options, shape, 0, 1);
    }

    /** Standard normal samples of the default dtype, from the default generator. */
    public static Tensor randn(int... shape) {
        return randn(Generator.defaultGenerator(), TensorOptions.defaults(), shape);
    }

    /** Standard normal samples drawn from {@code generator}. */
    public static Tensor randn(Generator generator, int... shape) {
        return randn(generator, TensorOptions.defaults(), shape);
    }

    /** Standard normal samples with the given options (a floating dtype). */
    public static Tensor randn(Generator generator, TensorOptions options, int... shape) {
        return Random.normal("randn", generator, options, shape, 0, 1);
    }

    /** INT64 integers uniform in [low, high), from the default generator. */
    public static Tensor randint(long low, long high, int... shape) {
        return randint(Generator.defaultGenerator(), TensorOptions.defaults(), low, high, shape);
    }

    /** Integers uniform in [low, high) with the given options (INT64 unless set). */
    public static Tensor randint(Generator generator, TensorOptions options, long low, long high, int... shape) {
        return Random.randint(generator, options, low, high, shape);
    }

    /** A random permutation of 0..n-1 (INT64), from the default generator. */
    public static Tensor randperm(int n) {
        return randperm(Generator.defaultGenerator(), n);
    }

    /** A random permutation of 0..n-1 (INT64) drawn from {@code generator}. */
    public static Tensor randperm(Generator generator, int n) {
        if (n < 0) throw new IllegalArgumentException("randperm: n must be non-negative, got " + n);
        return Dispatch.upload(generator.randperm(n), DType.INT64, new int[] {n}, Defaults.device());
    }

    // ---------------------------------------------------------------- *Like

    /** Zeros with the shape, dtype and device of {@code t}. */
    public static Tensor zerosLike(Tensor t) {
        return Dispatch.empty(t.shape, t.dtype(), t.device());
    }

    /** Ones with the shape, dtype and device of {@code t}. */
    public static Tensor onesLike(Tensor t) {
        return fullLike(t, 1);
    }

    /** {@link #zerosLike}; Java memory is always initialized. */
    public static Tensor emptyLike(Tensor t) {
        return zerosLike(t);
    }

    /** {@code value} (converted to t's dtype) with the shape, dtype and device of {@code t}. */
    public static Tensor fullLike(Tensor t, double value) {
        Tensor r = zerosLike(t);
        if (r.numel() > 0) Dispatch.fill(r, t.dtype().isFloatingPoint() ? (Number) value : Scalars.natural(value));
        return r;
    }

    /** Uniform samples from [0, 1) shaped like {@code t} (which must be floating). */
    public static Tensor randLike(Tensor t) {
        return Random.uniform("randLike", Generator.defaultGenerator(), like(t), t.shape, 0, 1);
    }

    /** Standard normal samples shaped like {@code t} (which must be floating). */
    public static Tensor randnLike(Tensor t) {
        return Random.normal("randnLike", Generator.defaultGenerator(), like(t), t.shape, 0, 1);
    }

    /** Integers uniform in [low, high) with the shape, dtype and device of {@code t}. */
    public static Tensor randintLike(Tensor t, long low, long high) {
        return Random.randint(Generator.defaultGenerator(), like(t), low, high, t.shape);
    }

    private static TensorOptions like(Tensor t) {
        return TensorOptions.of(t.dtype()).device(t.device());
    }

    // ---------------------------------------------------------------- joining and selection

    /** Tensors joined along an existing dim; dtypes are promoted together. */
    public static Tensor cat(List<Tensor> tensors, int dim) {
        return Indexing.cat(tensors, dim);
    }

    /** Tensors joined along dim 0. */
    public static Tensor cat(Tensor... tensors) {
        return Indexing.cat(Arrays.asList(tensors), 0);
    }

    /** Tensors of equal shape stacked along a new dim. */
    public static Tensor stack(List<Tensor> tensors, int dim) {
        return Indexing.stack(tensors, dim);
    }

    /** Tensors of equal shape stacked along a new dim 0. */
    public static Tensor stack(Tensor... tensors) {
        return Indexing.stack(Arrays.asList(tensors), 0);
    }

    /** Elements of {@code a} where {@code condition} holds, else of {@code b}, with broadcasting. */
    public static Tensor where(Tensor condition, Tensor a, Tensor b) {
        return Elementwise.where(condition, a, b);
    }

    /** Elements of {@code a} where {@code condition} holds, else {@code b}. */
    public static Tensor where(Tensor condition, Tensor a, double b) {
        return Elementwise.where(condition, a, a.dtype().isFloatingPoint() ? b : Scalars.natural(b), false);
    }
}
