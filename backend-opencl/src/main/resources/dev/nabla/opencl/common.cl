/*
 * Prepended to every Nabla program. The host defines T (the element type), ACC (its accumulator type), T_<type> (e.g. T_int), one
 * of KIND_FLOAT, KIND_INT or KIND_BOOL, NABLA_FP64 when the device has cl_khr_fp64, and the op codes (U_*, B_*, R_*).
 */
#ifdef NABLA_FP64
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
#endif
/* a*b+c must round twice, as on the CPU backend, so results do not depend on the compiler's choice. */
#pragma OPENCL FP_CONTRACT OFF

/* Without double precision, float sums are compensated (Kahan) so that long ones stay accurate. */
#if defined(KIND_FLOAT) && !defined(NABLA_FP64)
#define KAHAN
#endif

#ifdef KIND_FLOAT
#define IS_NAN(x) isnan(x)
#else
#define IS_NAN(x) 0
#endif

/* Declares i as this work item's index, returning past n: global sizes are rounded up to whole groups, and the
 * comparison is done in size_t so that rounding past INT_MAX cannot wrap. */
#define INDEX_OR_RETURN(i, n) \
    if (get_global_id(0) >= (size_t) (n)) return; \
    int i = (int) get_global_id(0);

/* The coordinates of row-major index i in a shape of up to 8 dims; lanes at and past rank stay 0. */
inline int8 coords(int i, int rank, int8 shape) {
    int c[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    int s[8];
    vstore8(shape, 0, s);
    for (int d = rank - 1; d > 0; d--) {
        c[d] = i % s[d];
        i /= s[d];
    }
    if (rank > 0) c[0] = i;
    return vload8(0, c);
}

/* The element offset of coordinates c under strides s. */
inline int dot8(int8 c, int8 s) {
    int8 p = c * s;
    int4 q = p.lo + p.hi;
    int2 r = q.lo + q.hi;
    return r.x + r.y;
}
