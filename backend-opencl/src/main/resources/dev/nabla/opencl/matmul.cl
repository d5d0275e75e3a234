/*
 * Batched C[b] = A[b] @ B[b] for strided operands. Each work group of RTS x RTS items computes a TS x TS tile of C,
 * staging TK-deep slices of A and B in local memory; each item keeps a WPT x WPT block of C in registers.
 * The host defines TS, TK and WPT (RTS = TS / WPT) from the device's work-group limit.
 */
#define RTS (TS / WPT)
#define THREADS (RTS * RTS)

#ifdef KIND_FLOAT
#define MAD(a, b, c) fma(a, b, c)
#else
#define MAD(a, b, c) ((a) * (b) + (c))
#endif

__kernel __attribute__((reqd_work_group_size(RTS, RTS, 1)))
void matmul(__global T* c, int co, int cbs, int crs, int ccs,
            __global const T* a, int ao, int abs, int ars, int acs,
            __global const T* b, int bo, int bbs, int brs, int bcs, int M, int N, int K) {
    __local T as[TK][TS];
    __local T bs[TK][TS];
    int tx = get_local_id(0);
    int ty = get_local_id(1);
    int t = ty * RTS + tx;
    int n0 = get_group_id(0) * TS;
    int m0 = get_group_id(1) * TS;
    int batch = get_global_id(2);
    a += ao + batch * abs;
    b += bo + batch * bbs;
    T acc[WPT][WPT];
    for (int i = 0; i < WPT; i++) {
        for (int j = 0; j < WPT; j++) acc[i][j] = 0;
    }
    for (int k0 = 0; k0 < K; k0 += TK) {
        for (int e = t; e < TS * TK; e += THREADS) {
            int row = e / TK;
            int col = e % TK;
            int m = m0 + row;
            int k = k0 + col;
            as[col][row] = m < M && k < K ? a[m * ars + k * acs] : (T) 0;
            int kr = e / TS;
            int nc = e % TS;
            int kb = k0 + kr;
            int n = n0 + nc;
            bs[kr][nc] = kb < K && n < N ? b[kb * brs + n * bcs] : (T) 0;
        }
        barrier(CLK_LOCAL_MEM_FENCE);
        for (int k = 0; k < TK; k++) {
            T breg[WPT];
            for (int j = 0; j < WPT; j++) breg[j] = bs[k][tx + j * RTS];
            for (int i = 0; i < WPT; i++) {
                T areg = as[k][ty + i * RTS];
                for (int j = 0; j < WPT; j++) acc[i][j] = MAD(areg, breg[j], acc[i][j]);
            }
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    c += co + batch * cbs;
    for (int i = 0; i < WPT; i++) {
        int m = m0 + ty + i * RTS;
        if (m >= M) continue;
        for (int j = 0; j < WPT; j++) {
            int n = n0 + tx + j * RTS;
            if (n < N) c[m * crs + n * ccs] = acc[i][j];
        }
    }
}
