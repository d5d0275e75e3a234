/* im2col and col2im for an [N, C, H, W] image and [N, C*KH*KW, BH*BW] columns; the window geometry is in the
 * kernel arguments (kernel, dilation, padding, stride, blocks per dim). */

__kernel void im2col(__global T* out, int oo, __global const T* in, int io, int s0, int s1, int s2, int s3,
                     int C, int H, int W, int kh, int kw, int dh, int dw, int ph, int pw, int sh, int sw,
                     int bh, int bw, int n, T pad) {
    INDEX_OR_RETURN(g, n)
    int blocks = bh * bw;
    int l = g % blocks;
    int r = g / blocks;
    int taps = kh * kw;
    int tap = r % taps;
    int nc = r / taps;
    int y = (l / bw) * sh - ph + (tap / kw) * dh;
    int x = (l % bw) * sw - pw + (tap % kw) * dw;
    out[oo + g] = y >= 0 && y < H && x >= 0 && x < W ? in[io + (nc / C) * s0 + (nc % C) * s1 + y * s2 + x * s3] : pad;
}

/* One work item per image element sums the column entries that read it, in the CPU's (tap row, tap column) order. */
__kernel void col2im(__global T* out, int oo, __global const T* in, int io, int s0, int s1, int s2,
                     int C, int H, int W, int kh, int kw, int dh, int dw, int ph, int pw, int sh, int sw,
                     int bh, int bw, int n) {
    INDEX_OR_RETURN(g, n)
    int x = g % W;
    int y = (g / W) % H;
    int c = (g / (W * H)) % C;
    int b = g / (W * H * C);
    __global const T* col = in + io + b * s0;
    T sum = 0;
    for (int i = 0; i < kh; i++) {
        int ty = y + ph - i * dh;
        if (ty < 0 || ty % sh != 0 || ty / sh >= bh) continue;
        for (int j = 0; j < kw; j++) {
            int tx = x + pw - j * dw;
            if (tx < 0 || tx % sw != 0 || tx / sw >= bw) continue;
            sum += col[((c * kh + i) * kw + j) * s1 + ((ty / sh) * bw + tx / sw) * s2];
        }
    }
    out[oo + g] = sum;
}
