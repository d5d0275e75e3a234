/* fill, dtype-converting copy, unary, binary, comparisons and where on elements of type T. Each comes as a _1d
 * kernel (one stride per operand, after the host merged the dims) and an _nd kernel (shape and strides as int8). */

/* Conversions to T from each storage type, with PyTorch's (and Java's) casting rules. */
#if defined(KIND_BOOL)
#define FROM_NUMBER(x) ((uchar) ((x) != 0))
inline T cvt_float(float x) { return FROM_NUMBER(x); }
inline T cvt_long(long x) { return FROM_NUMBER(x); }
inline T cvt_int(int x) { return FROM_NUMBER(x); }
#ifdef NABLA_FP64
inline T cvt_double(double x) { return FROM_NUMBER(x); }
#endif
#elif defined(KIND_FLOAT)
inline T cvt_float(float x) { return (T) x; }
inline T cvt_long(long x) { return (T) x; }
inline T cvt_int(int x) { return (T) x; }
#ifdef NABLA_FP64
inline T cvt_double(double x) { return (T) x; }
#endif
#else
/* Floats truncate toward zero and saturate, NaN becomes 0; wider integers wrap. */
#define CONVERT_SAT(x) CONVERT_SAT_(T, x)
#define CONVERT_SAT_(t, x) CONVERT_SAT__(t, x)
#define CONVERT_SAT__(t, x) convert_##t##_sat_rtz(x)
inline T cvt_float(float x) { return CONVERT_SAT(x); }
#ifdef NABLA_FP64
inline T cvt_double(double x) { return CONVERT_SAT(x); }
#endif
#ifdef T_int
inline T cvt_long(long x) { return as_int((uint) (x & 0xffffffffL)); }
#else
inline T cvt_long(long x) { return x; }
#endif
inline T cvt_int(int x) { return (T) x; }
#endif
inline T cvt_uchar(uchar x) { return (T) (x != 0); }

#define COPY_KERNELS(S) \
__kernel void copy_from_##S##_1d(__global T* out, int oo, int os, __global const S* in, int io, int is, int n) { \
    INDEX_OR_RETURN(i, n) \
    out[oo + i * os] = cvt_##S(in[io + i * is]); \
} \
__kernel void copy_from_##S##_nd(__global T* out, int oo, int8 ost, __global const S* in, int io, int8 ist, \
                                 int8 shape, int rank, int n) { \
    INDEX_OR_RETURN(i, n) \
    int8 c = coords(i, rank, shape); \
    out[oo + dot8(c, ost)] = cvt_##S(in[io + dot8(c, ist)]); \
}
COPY_KERNELS(float)
COPY_KERNELS(long)
COPY_KERNELS(int)
COPY_KERNELS(uchar)
#ifdef NABLA_FP64
COPY_KERNELS(double)
#endif

__kernel void fill_1d(__global T* out, int oo, int os, int n, T value) {
    INDEX_OR_RETURN(i, n)
    out[oo + i * os] = value;
}

__kernel void fill_nd(__global T* out, int oo, int8 ost, int8 shape, int rank, int n, T value) {
    INDEX_OR_RETURN(i, n)
    out[oo + dot8(coords(i, rank, shape), ost)] = value;
}

__kernel void where_1d(__global T* out, int oo, int os, __global const uchar* cond, int co, int cs,
                       __global const T* a, int ao, int as, __global const T* b, int bo, int bs, int n) {
    INDEX_OR_RETURN(i, n)
    out[oo + i * os] = cond[co + i * cs] ? a[ao + i * as] : b[bo + i * bs];
}

__kernel void where_nd(__global T* out, int oo, int8 ost, __global const uchar* cond, int co, int8 cst,
                       __global const T* a, int ao, int8 ast, __global const T* b, int bo, int8 bst,
                       int8 shape, int rank, int n) {
    INDEX_OR_RETURN(i, n)
    int8 c = coords(i, rank, shape);
    out[oo + dot8(c, ost)] = cond[co + dot8(c, cst)] ? a[ao + dot8(c, ast)] : b[bo + dot8(c, bst)];
}

#if defined(KIND_FLOAT)
/* Java's Math.max and Math.min: NaN wins, and +0.0 is larger than -0.0. */
inline T java_max(T a, T b) {
    if (isnan(a) || isnan(b)) return a + b;
    if (a != b) return a > b ? a : b;
    return signbit(a) ? b : a;
}
inline T java_min(T a, T b) {
    if (isnan(a) || isnan(b)) return a + b;
    if (a != b) return a < b ? a : b;
    return signbit(a) ? a : b;
}
/* C99's pow, as PyTorch: 1 to any power and -1 to an infinite power are 1; squaring is exact. */
inline T c99_pow(T a, T b) {
    if (a == (T) 1 || (a == (T) -1 && isinf(b))) return (T) 1;
    if (b == (T) 2) return a * a;
    return pow(a, b);
}
/* Float literals only: a device without double precision may reject double ones. */
#ifdef T_float
#define SQRT1_2 M_SQRT1_2_F
#else
#define SQRT1_2 M_SQRT1_2
#endif

inline T unary_op(int op, T x) {
    switch (op) {
        case U_NEG: return -x;
        case U_ABS: return fabs(x);
        case U_SIGN: return x > 0 ? (T) 1 : x < 0 ? (T) -1 : (T) 0;
        case U_EXP: return exp(x);
        case U_LOG: return log(x);
        case U_LOG1P: return log1p(x);
        case U_EXPM1: return expm1(x);
        case U_SQRT: return sqrt(x);
        case U_RSQRT: return (T) 1 / sqrt(x);
        case U_RECIPROCAL: return (T) 1 / x;
        case U_SIN: return sin(x);
        case U_COS: return cos(x);
        case U_TAN: return tan(x);
        case U_TANH: return tanh(x);
        case U_SIGMOID: return (T) 1 / ((T) 1 + exp(-x));
        case U_RELU: return isnan(x) ? x : x > 0 ? x : (T) 0;
        case U_GELU: return x * (T) 0.5f * ((T) 1 + erf(x * SQRT1_2));
        case U_SILU: return x / ((T) 1 + exp(-x));
        case U_SOFTPLUS: return (x > 0 ? x : (T) 0) + log1p(exp(-fabs(x)));
        case U_ERF: return erf(x);
        case U_FLOOR: return floor(x);
        case U_CEIL: return ceil(x);
        case U_ROUND: return rint(x);
        default: return x;
    }
}

inline T binary_op(int op, T a, T b) {
    switch (op) {
        case B_ADD: return a + b;
        case B_SUB: return a - b;
        case B_MUL: return a * b;
        case B_DIV: return a / b;
        case B_POW: return c99_pow(a, b);
        case B_MAXIMUM: return java_max(a, b);
        case B_MINIMUM: return java_min(a, b);
        default: return a;
    }
}
#elif defined(KIND_INT)
/* Power by squaring, wrapping like C; a negative exponent truncates as PyTorch's powi. */
inline T int_pow(T base, T e) {
    if (e < 0) return base == 1 ? (T) 1 : base == -1 ? ((e & 1) == 0 ? (T) 1 : (T) -1) : (T) 0;
    T result = 1;
    for (; e > 0; e >>= 1) {
        if (e & 1) result *= base;
        base *= base;
    }
    return result;
}

inline T unary_op(int op, T x) {
    switch (op) {
        case U_NEG: return -x;
        case U_ABS: return x < 0 ? -x : x;
        case U_SIGN: return x > 0 ? (T) 1 : x < 0 ? (T) -1 : (T) 0;
        case U_RELU: return x > 0 ? x : (T) 0;
        default: return x;
    }
}

inline T binary_op(int op, T a, T b) {
    switch (op) {
        case B_ADD: return a + b;
        case B_SUB: return a - b;
        case B_MUL: return a * b;
        case B_POW: return int_pow(a, b);
        case B_MAXIMUM: return a > b ? a : b;
        case B_MINIMUM: return a < b ? a : b;
        default: return a;
    }
}
#else
inline T unary_op(int op, T x) {
    return (T) (x == 0);
}

inline T binary_op(int op, T a, T b) {
    return op == B_LOGICAL_AND ? (T) (a && b) : (T) (a || b);
}
#endif

inline uchar compare_op(int op, T a, T b) {
    switch (op) {
        case B_EQ: return a == b;
        case B_NE: return a != b;
        case B_LT: return a < b;
        case B_LE: return a <= b;
        case B_GT: return a > b;
        default: return a >= b;
    }
}

/*
 * The _1d kernels are built once per op, so that the op is a constant the compiler folds (a CPU device can then
 * vectorize the loop); the _nd kernels, bound by their index arithmetic anyway, switch on the op at run time.
 */
#define UNARY_1D(OP) \
__kernel void unary_1d_##OP(__global T* out, int oo, int os, __global const T* in, int io, int is, int n, int op) { \
    INDEX_OR_RETURN(i, n) \
    out[oo + i * os] = unary_op(U_##OP, in[io + i * is]); \
}

#define BINARY_1D(NAME, OUT, FN, PREFIX, OP) \
__kernel void NAME##_1d_##OP(__global OUT* out, int oo, int os, __global const T* a, int ao, int as, \
                             __global const T* b, int bo, int bs, int n, int op) { \
    INDEX_OR_RETURN(i, n) \
    out[oo + i * os] = FN(PREFIX##OP, a[ao + i * as], b[bo + i * bs]); \
}
#define ARITHMETIC_1D(OP) BINARY_1D(binary, T, binary_op, B_, OP)
#define COMPARE_1D(OP) BINARY_1D(compare, uchar, compare_op, B_, OP)

#if defined(KIND_FLOAT)
UNARY_1D(NEG) UNARY_1D(ABS) UNARY_1D(SIGN) UNARY_1D(EXP) UNARY_1D(LOG) UNARY_1D(LOG1P) UNARY_1D(EXPM1) UNARY_1D(SQRT)
UNARY_1D(RSQRT) UNARY_1D(RECIPROCAL) UNARY_1D(SIN) UNARY_1D(COS) UNARY_1D(TAN) UNARY_1D(TANH) UNARY_1D(SIGMOID)
UNARY_1D(RELU) UNARY_1D(GELU) UNARY_1D(SILU) UNARY_1D(SOFTPLUS) UNARY_1D(ERF) UNARY_1D(FLOOR) UNARY_1D(CEIL)
UNARY_1D(ROUND)
ARITHMETIC_1D(ADD) ARITHMETIC_1D(SUB) ARITHMETIC_1D(MUL) ARITHMETIC_1D(DIV) ARITHMETIC_1D(POW) ARITHMETIC_1D(MAXIMUM)
ARITHMETIC_1D(MINIMUM)
#elif defined(KIND_INT)
UNARY_1D(NEG) UNARY_1D(ABS) UNARY_1D(SIGN) UNARY_1D(RELU)
ARITHMETIC_1D(ADD) ARITHMETIC_1D(SUB) ARITHMETIC_1D(MUL) ARITHMETIC_1D(POW) ARITHMETIC_1D(MAXIMUM) ARITHMETIC_1D(MINIMUM)
#else
UNARY_1D(LOGICAL_NOT)
ARITHMETIC_1D(LOGICAL_AND) ARITHMETIC_1D(LOGICAL_OR)
#endif
COMPARE_1D(EQ) COMPARE_1D(NE) COMPARE_1D(LT) COMPARE_1D(LE) COMPARE_1D(GT) COMPARE_1D(GE)

__kernel void unary_nd(__global T* out, int oo, int8 ost, __global const T* in, int io, int8 ist,
                       int8 shape, int rank, int n, int op) {
    INDEX_OR_RETURN(i, n)
    int8 c = coords(i, rank, shape);
    out[oo + dot8(c, ost)] = unary_op(op, in[io + dot8(c, ist)]);
}

#define BINARY_ND(NAME, OUT, FN) \
__kernel void NAME##_nd(__global OUT* out, int oo, int8 ost, __global const T* a, int ao, int8 ast, \
                        __global const T* b, int bo, int8 bst, int8 shape, int rank, int n, int op) { \
    INDEX_OR_RETURN(i, n) \
    int8 c = coords(i, rank, shape); \
    out[oo + dot8(c, ost)] = FN(op, a[ao + dot8(c, ast)], b[bo + dot8(c, bst)]); \
}
BINARY_ND(binary, T, binary_op)
BINARY_ND(compare, uchar, compare_op)
