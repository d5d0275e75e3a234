/* gather, scatter and cumsum along one dim. Operands are walked in the index's (or the line's) shape, merged to at
 * most 8 dims by the host; the dim itself is a separate stride. */

#if defined(KIND_BOOL)
#define ACCUMULATE(a, b) ((a) | (b))
#else
#define ACCUMULATE(a, b) ((a) + (b))
#endif

/* out[i] = in[pinned(i) + index[i] * step], where pinned has stride 0 along the gathered dim. */
__kernel void gather(__global T* out, int oo, int8 ost, __global const long* index, int xo, int8 xst,
                     __global const T* in, int io, int8 ist, int step, int8 shape, int rank, int n) {
    INDEX_OR_RETURN(i, n)
    int8 c = coords(i, rank, shape);
    out[oo + dot8(c, ost)] = in[io + dot8(c, ist) + (int) index[xo + dot8(c, xst)] * step];
}

/*
 * One work item per line along the scattered dim: only elements of the same line can hit the same target, so a
 * line written in order gives the CPU's last-write-wins and its summation order, without atomics.
 */
__kernel void scatter(__global T* out, int oo, int8 ost, int step, __global const long* index, int xo, int8 xst,
                      int xstep, __global const T* src, int so, int8 sst, int sstep, int8 shape, int rank,
                      int lines, int len, int accumulate) {
    INDEX_OR_RETURN(line, lines)
    int8 c = coords(line, rank, shape);
    int o = oo + dot8(c, ost);
    int x = xo + dot8(c, xst);
    int s = so + dot8(c, sst);
    for (int k = 0; k < len; k++) {
        int at = o + (int) index[x + k * xstep] * step;
        T v = src[s + k * sstep];
        out[at] = accumulate ? ACCUMULATE(out[at], v) : v;
    }
}

#ifndef KIND_BOOL
/* Inclusive running sums, one line per work item, accumulated in ACC in index order as on the CPU. */
__kernel void cumsum(__global T* out, int oo, int8 ost, int ostep, __global const T* in, int io, int8 ist, int istep,
                     int8 shape, int rank, int lines, int len) {
    INDEX_OR_RETURN(line, lines)
    int8 c = coords(line, rank, shape);
    int o = oo + dot8(c, ost);
    int a = io + dot8(c, ist);
    ACC s = 0;
#ifdef KAHAN
    ACC lost = 0;
#endif
    for (int k = 0; k < len; k++) {
#ifdef KAHAN
        ACC y = (ACC) in[a + k * istep] - lost;
        ACC t = s + y;
        lost = isfinite(t) ? (t - s) - y : (ACC) 0;
        s = t;
#else
        s += (ACC) in[a + k * istep];
#endif
        out[o + k * ostep] = (T) s;
    }
}
#endif
