package dev.nabla.spi;

/**
 * Elementwise primitives of one input. Floating-point ops take FLOAT32 or FLOAT64; {@link #NEG}, {@link #ABS},
 * {@link #SIGN} and {@link #RELU} also take INT64; {@link #LOGICAL_NOT} takes BOOL. Output dtype equals input
 * dtype. Everything else (leaky ReLU, ELU, softmax ...) is composed from these in core.
 */
public enum UnaryOp {
    NEG, ABS, SIGN, EXP, LOG, LOG1P, EXPM1, SQRT, RSQRT, RECIPROCAL,
    SIN, COS, TAN, TANH, SIGMOID, RELU,
    /** Exact (erf-based) GELU, PyTorch's default {@code approximate='none'}. */
    GELU,
    /** x * sigmoid(x). */
    SILU,
    /** log(1 + exp(x)) computed without overflow (beta = 1, no threshold; core adds those). */
    SOFTPLUS,
    ERF, FLOOR, CEIL,
    /** Round half to even, as PyTorch's {@code round}. */
    ROUND,
    LOGICAL_NOT;

    /** True for the ops defined on INT64 inputs as well as floating ones. */
    public boolean acceptsIntegers() {
        return this == NEG || this == ABS || this == SIGN || this == RELU;
    }
}
