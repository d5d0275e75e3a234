/*
 * Reductions of T over any dims. The host views the input as kept dims (one output each) by reduced dims, each
 * merged to at most 8. reduce_thread folds one output per work item; reduce_group folds one output (or one of
 * `splits` chunks of it) per work group of WG items and a tree; reduce_partials merges the chunks. Every order is
 * fixed, so results never vary between runs.
 */
#if defined(KIND_FLOAT)
#define LOWEST (-INFINITY)
#define HIGHEST INFINITY
#else
#define LOWEST LONG_MIN
#define HIGHEST LONG_MAX
#endif

/* A partial result: the value so far and, for ARGMAX/ARGMIN, its index (-1 before the first element). */
typedef struct {
    ACC v;
    long i;
} State;

inline State state(ACC v, long i) {
    State s;
    s.v = v;
    s.i = i;
    return s;
}

inline State identity(int op) {
    switch (op) {
        case R_PROD: case R_ALL: return state((ACC) 1, -1);
        case R_MAX: return state((ACC) LOWEST, -1);
        case R_MIN: return state((ACC) HIGHEST, -1);
        default: return state((ACC) 0, -1);
    }
}

/* The better of two candidates for ARGMAX (max) or ARGMIN: a NaN beats any number, ties go to the lower index. */
inline State better(bool max, State a, State b) {
    if (a.i < 0) return b;
    if (b.i < 0) return a;
    bool an = IS_NAN(a.v);
    bool bn = IS_NAN(b.v);
    bool first = a.i < b.i;
    if (an || bn) return an && bn ? (first ? a : b) : (an ? a : b);
    if (a.v != b.v) return (max ? a.v > b.v : a.v < b.v) ? a : b;
    return first ? a : b;
}

inline State combine(int op, State a, State b) {
    switch (op) {
        case R_SUM: return state(a.v + b.v, -1);
        case R_PROD: return state(a.v * b.v, -1);
        case R_MAX: return state(IS_NAN(a.v) || IS_NAN(b.v) ? a.v + b.v : a.v > b.v ? a.v : b.v, -1);
        case R_MIN: return state(IS_NAN(a.v) || IS_NAN(b.v) ? a.v + b.v : a.v < b.v ? a.v : b.v, -1);
        case R_ALL: return state((ACC) (a.v != 0 && b.v != 0), -1);
        case R_ANY: return state((ACC) (a.v != 0 || b.v != 0), -1);
        default: return better(op == R_ARGMAX, a, b);
    }
}

/* Folds the reduced elements from, from + step, ... (below to) of the output whose first input is at base. */
inline State fold(int op, __global const T* in, int base, int from, int to, int step, int8 rshape, int8 rst,
                  int rrank) {
    State s = identity(op);
#ifdef KAHAN
    ACC lost = 0;
#endif
    for (int r = from; r < to; r += step) {
        int off = rrank == 1 ? r * rst.s0 : dot8(coords(r, rrank, rshape), rst);
        ACC x = (ACC) in[base + off];
#ifdef KAHAN
        if (op == R_SUM) {
            /* Compensated summation keeps float32 sums accurate on devices without double precision. */
            ACC y = x - lost;
            ACC t = s.v + y;
            lost = isfinite(t) ? (t - s.v) - y : (ACC) 0;
            s.v = t;
            continue;
        }
#endif
        s = combine(op, s, state(x, r));
    }
    return s;
}

inline void store(int op, State s, __global T* outv, __global long* outi, int pos) {
    if (op == R_ARGMAX || op == R_ARGMIN) outi[pos] = s.i;
    else outv[pos] = (T) s.v;
}

/* Merges the WG states in lv/li into lv[0]/li[0]. */
inline State tree(int op, int lid, State s, __local ACC* lv, __local long* li) {
    lv[lid] = s.v;
    li[lid] = s.i;
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int width = WG / 2; width > 0; width >>= 1) {
        if (lid < width) {
            State m = combine(op, state(lv[lid], li[lid]), state(lv[lid + width], li[lid + width]));
            lv[lid] = m.v;
            li[lid] = m.i;
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    return state(lv[0], li[0]);
}

__kernel void reduce_thread(int op, __global const T* in, int io, __global T* outv, __global long* outi, int oo,
                            int8 kshape, int8 kin, int8 kout, int krank, int8 rshape, int8 rst, int rrank,
                            int outputs, int count) {
    INDEX_OR_RETURN(o, outputs)
    int8 c = coords(o, krank, kshape);
    State s = fold(op, in, io + dot8(c, kin), 0, count, 1, rshape, rst, rrank);
    store(op, s, outv, outi, oo + dot8(c, kout));
}

__kernel void reduce_group(int op, __global const T* in, int io, __global T* outv, __global long* outi, int oo,
                           int8 kshape, int8 kin, int8 kout, int krank, int8 rshape, int8 rst, int rrank,
                           int count, int splits, int chunk, __global ACC* pv, __global long* pi) {
    __local ACC lv[WG];
    __local long li[WG];
    int g = get_group_id(0);
    int lid = get_local_id(0);
    int o = g / splits;
    int from = (g % splits) * chunk;
    int8 c = coords(o, krank, kshape);
    State s = fold(op, in, io + dot8(c, kin), from + lid, min(count, from + chunk), WG, rshape, rst, rrank);
    s = tree(op, lid, s, lv, li);
    if (lid != 0) return;
    if (splits == 1) {
        store(op, s, outv, outi, oo + dot8(c, kout));
    } else {
        pv[g] = s.v;
        pi[g] = s.i;
    }
}

__kernel void reduce_partials(int op, __global const ACC* pv, __global const long* pi, int splits,
                              __global T* outv, __global long* outi, int oo, int8 kshape, int8 kout, int krank) {
    __local ACC lv[WG];
    __local long li[WG];
    int o = get_group_id(0);
    int lid = get_local_id(0);
    State s = identity(op);
    for (int k = lid; k < splits; k += WG) s = combine(op, s, state(pv[o * splits + k], pi[o * splits + k]));
    s = tree(op, lid, s, lv, li);
    if (lid == 0) store(op, s, outv, outi, oo + dot8(coords(o, krank, kshape), kout));
}
