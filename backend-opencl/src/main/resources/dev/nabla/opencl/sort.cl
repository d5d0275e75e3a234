/*
 * Stable argsort along one dim by bottom-up merge passes: in each pass every element finds its place in the merged
 * run by a binary search of the other run, so one pass is one parallel launch. Indices are ints in [lines][n]
 * scratch buffers; keys are read from the input through them. NaN sorts as the largest value.
 */

/* -1, 0 or 1 as x sorts before, with or after y in the requested direction. */
inline int order(T x, T y, int desc) {
    int c = x < y ? -1 : x > y ? 1 : (int) IS_NAN(x) - (int) IS_NAN(y);
    return desc ? -c : c;
}

__kernel void sort_init(__global int* idx, int n, int total) {
    INDEX_OR_RETURN(g, total)
    idx[g] = g % n;
}

__kernel void sort_merge(__global const T* in, int io, int8 ist, int istep, int8 shape, int rank,
                         __global const int* src, __global int* dst, int n, int width, int total, int desc) {
    INDEX_OR_RETURN(g, total)
    int line = g / n;
    int p = g % n;
    __global const T* keys = in + io + dot8(coords(line, rank, shape), ist);
    __global const int* run = src + line * n;
    int start = p / (2 * width) * (2 * width);
    int mid = min(start + width, n);
    int end = min(start + 2 * width, n);
    T k = keys[run[p] * istep];
    int lo;
    int hi;
    if (p < mid) {
        /* Left element: goes after the right run's elements that sort strictly before it. */
        lo = mid;
        hi = end;
        while (lo < hi) {
            int m = (lo + hi) / 2;
            if (order(keys[run[m] * istep], k, desc) < 0) lo = m + 1;
            else hi = m;
        }
        dst[line * n + p + (lo - mid)] = run[p];
    } else {
        /* Right element: goes after the left run's elements that sort before it or equal it. */
        lo = start;
        hi = mid;
        while (lo < hi) {
            int m = (lo + hi) / 2;
            if (order(keys[run[m] * istep], k, desc) <= 0) lo = m + 1;
            else hi = m;
        }
        dst[line * n + (lo - start) + (p - mid) + start] = run[p];
    }
}

__kernel void sort_write(__global long* out, int oo, int8 ost, int ostep, int8 shape, int rank,
                         __global const int* idx, int n, int total) {
    INDEX_OR_RETURN(g, total)
    out[oo + dot8(coords(g / n, rank, shape), ost) + (g % n) * ostep] = idx[g];
}
