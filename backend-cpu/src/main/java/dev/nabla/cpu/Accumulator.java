package dev.nabla.cpu;

import dev.nabla.DType;
import dev.nabla.spi.ReduceOp;

/**
 * The running state of one reduction output, fed dense runs of values in index order. Each run costs one call
 * and one switch; the per-element loops live in the typed reduce kernels.
 */
final class Accumulator {
    private final ReduceOp op;
    private final DType type;
    private double d;
    private long l;
    private boolean b;
    /** For ARGMAX/ARGMIN: the index of the best value so far, and that value (in d or l). */
    private long index;
    private boolean seen;

    Accumulator(ReduceOp op, DType type) {
        this.op = op;
        this.type = type;
        reset();
    }

    void reset() {
        seen = false;
        index = 0;
        switch (op) {
            case SUM -> { d = 0; l = 0; }
            case PROD -> { d = 1; l = 1; }
            case MAX -> { d = Double.NEGATIVE_INFINITY; l = Long.MIN_VALUE; }
            case MIN -> { d = Double.POSITIVE_INFINITY; l = Long.MAX_VALUE; }
            case ALL -> b = true;
            case ANY -> b = false;
            default -> { }
        }
    }

    /** Folds in {@code array[from..to)}, whose first element has position {@code base} along the reduction. */
    void add(Object array, int from, int to, long base) {
        if (from >= to) return;
        switch (type) {
            case FLOAT32 -> addFloat((float[]) array, from, to, base);
            case FLOAT64 -> addDouble((double[]) array, from, to, base);
            case INT64 -> addLong((long[]) array, from, to, base);
            case BOOL -> addBool((boolean[]) array, from, to);
            default -> throw new IllegalArgumentException("cpu reduce: " + type + " must be widened by core first");
        }
    }

    private void addFloat(float[] a, int from, int to, long base) {
        switch (op) {
            case SUM -> d += FloatReduce.sum(a, from, to);
            case PROD -> d *= FloatReduce.prod(a, from, to);
            case MAX -> d = maxNan(d, FloatReduce.max(a, from, to));
            case MIN -> d = minNan(d, FloatReduce.min(a, from, to));
            case ARGMAX -> { int i = FloatReduce.argmax(a, from, to); offer(a[i], base + i - from, true); }
            case ARGMIN -> { int i = FloatReduce.argmin(a, from, to); offer(a[i], base + i - from, false); }
            default -> throw new IllegalArgumentException(op + " is not defined on float32 tensors");
        }
    }

    private void addDouble(double[] a, int from, int to, long base) {
        switch (op) {
            case SUM -> d += DoubleReduce.sum(a, from, to);
            case PROD -> d *= DoubleReduce.prod(a, from, to);
            case MAX -> d = maxNan(d, DoubleReduce.max(a, from, to));
            case MIN -> d = minNan(d, DoubleReduce.min(a, from, to));
            case ARGMAX -> { int i = DoubleReduce.argmax(a, from, to); offer(a[i], base + i - from, true); }
            case ARGMIN -> { int i = DoubleReduce.argmin(a, from, to); offer(a[i], base + i - from, false); }
            default -> throw new IllegalArgumentException(op + " is not defined on float64 tensors");
        }
    }

    private void addLong(long[] a, int from, int to, long base) {
        switch (op) {
            case SUM -> l += LongReduce.sum(a, from, to);
            case PROD -> l *= LongReduce.prod(a, from, to);
            case MAX -> l = Math.max(l, LongReduce.max(a, from, to));
            case MIN -> l = Math.min(l, LongReduce.min(a, from, to));
            case ARGMAX -> { int i = LongReduce.argmax(a, from, to); offerLong(a[i], base + i - from, true); }
            case ARGMIN -> { int i = LongReduce.argmin(a, from, to); offerLong(a[i], base + i - from, false); }
            default -> throw new IllegalArgumentException(op + " is not defined on int64 tensors");
        }
    }

    private void addBool(boolean[] a, int from, int to) {
        if (op == ReduceOp.ALL) {
            for (int i = from; i < to && b; i++) b = a[i];
        } else if (op == ReduceOp.ANY) {
            for (int i = from; i < to && !b; i++) b = a[i];
        } else {
            throw new IllegalArgumentException(op + " is not defined on bool tensors");
        }
    }

    /** Keeps the earlier candidate on ties; a NaN beats everything but an earlier NaN. */
    private void offer(double v, long at, boolean max) {
        if (!seen || (d == d && (v != v || (max ? v > d : v < d)))) {
            d = v;
            index = at;
            seen = true;
        }
    }

    private void offerLong(long v, long at, boolean max) {
        if (!seen || (max ? v > l : v < l)) {
            l = v;
            index = at;
            seen = true;
        }
    }

    /** Folds in the state of an accumulator that covered a later part of the same reduction. */
    void merge(Accumulator later) {
        switch (op) {
            case SUM -> { d += later.d; l += later.l; }
            case PROD -> { d *= later.d; l *= later.l; }
            case MAX -> { d = maxNan(d, later.d); l = Math.max(l, later.l); }
            case MIN -> { d = minNan(d, later.d); l = Math.min(l, later.l); }
            case ARGMAX, ARGMIN -> {
                if (later.seen) {
                    if (type == DType.INT64) offerLong(later.l, later.index, op == ReduceOp.ARGMAX);
                    else offer(later.d, later.index, op == ReduceOp.ARGMAX);
                }
            }
            case ALL -> b &= later.b;
            case ANY -> b |= later.b;
        }
    }

    /** Writes the result into {@code out[pos]}, whose array type is the output dtype. */
    void store(Object out, int pos) {
        if (op.isIndex()) {
            ((long[]) out)[pos] = index;
        } else if (out instanceof float[] o) {
            o[pos] = (float) d;
        } else if (out instanceof double[] o) {
            o[pos] = d;
        } else if (out instanceof long[] o) {
            o[pos] = l;
        } else {
            ((boolean[]) out)[pos] = b;
        }
    }

    private static double maxNan(double a, double b) {
        return a != a || b != b ? Double.NaN : Math.max(a, b);
    }

    private static double minNan(double a, double b) {
        return a != a || b != b ? Double.NaN : Math.min(a, b);
    }
}
