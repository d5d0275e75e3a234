package dev.nabla.spi;

/**
 * Reductions over a set of dimensions. SUM, PROD, MAX and MIN take FLOAT32, FLOAT64 or INT64 (core widens INT32 and
 * BOOL first); MAX and MIN propagate NaN; ARGMAX and ARGMIN reduce exactly one dimension, write INT64 and pick the first
 * extreme (a NaN counts as the extreme); ALL and ANY read and write BOOL.
 */
public enum ReduceOp {
    SUM, PROD, MAX, MIN, ARGMAX, ARGMIN, ALL, ANY;

    /** True for the reductions that produce an index rather than a value. */
    public boolean isIndex() {
        return this == ARGMAX || this == ARGMIN;
    }
}
