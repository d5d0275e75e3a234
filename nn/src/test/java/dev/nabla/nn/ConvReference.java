package dev.nabla.nn;

import java.util.SplittableRandom;

/**
 * Plain loops in double over Java arrays that define convolution and pooling the way PyTorch documents them, with
 * no call into Nabla, so the expected values in the nn tests never come from the code under test.
 */
final class ConvReference {
    private ConvReference() {
    }

    /** {@code n} reproducible values in [-1, 1), rounded to float so both float dtypes hold the same numbers. */
    static double[] values(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = (float) (r.nextDouble() * 2 - 1);
        return out;
    }

    /** Sizes and settings of a 2-d convolution: input [n, c, h, w], weight [cout, c / groups, kh, kw]. */
    record Conv(int n, int c, int h, int w, int cout, int kh, int kw, int sh, int sw, int ph, int pw, int dh, int dw,
                int groups) {
        int oh() {
            return (h + 2 * ph - dh * (kh - 1) - 1) / sh + 1;
        }

        int ow() {
            return (w + 2 * pw - dw * (kw - 1) - 1) / sw + 1;
        }
    }

    /** out[n, o, y, x] = bias[o] + sum over the group's channels and the kernel of input * weight. */
    static double[] conv2d(Conv s, double[] x, double[] wt, double[] bias) {
        int cg = s.c() / s.groups();
        int og = s.cout() / s.groups();
        double[] out = new double[s.n() * s.cout() * s.oh() * s.ow()];
        int at = 0;
        for (int n = 0; n < s.n(); n++) {
            for (int o = 0; o < s.cout(); o++) {
                int group = o / og;
                for (int y = 0; y < s.oh(); y++) {
                    for (int xx = 0; xx < s.ow(); xx++) {
                        double sum = bias == null ? 0 : bias[o];
                        for (int ci = 0; ci < cg; ci++) {
                            for (int ky = 0; ky < s.kh(); ky++) {
                                for (int kx = 0; kx < s.kw(); kx++) {
                                    int iy = y * s.sh() - s.ph() + ky * s.dh();
                                    int ix = xx * s.sw() - s.pw() + kx * s.dw();
                                    if (iy < 0 || iy >= s.h() || ix < 0 || ix >= s.w()) continue;
                                    int c = group * cg + ci;
                                    sum += x[((n * s.c() + c) * s.h() + iy) * s.w() + ix]
                                            * wt[((o * cg + ci) * s.kh() + ky) * s.kw() + kx];
                                }
                            }
                        }
                        out[at++] = sum;
                    }
                }
            }
        }
        return out;
    }

    /**
     * The transposed convolution as a scatter: every input pixel adds weight[c, o] times itself at output
     * (y*stride - pad + k*dilation); weight is [c, cout / groups, kh, kw] and out is [n, cout, oh, ow].
     */
    static double[] convTranspose2d(Conv s, double[] x, double[] wt, double[] bias, int oh, int ow) {
        int cg = s.c() / s.groups();
        int og = s.cout() / s.groups();
        double[] out = new double[s.n() * s.cout() * oh * ow];
        for (int n = 0; n < s.n(); n++) {
            for (int c = 0; c < s.c(); c++) {
                int group = c / cg;
                for (int iy = 0; iy < s.h(); iy++) {
                    for (int ix = 0; ix < s.w(); ix++) {
                        double v = x[((n * s.c() + c) * s.h() + iy) * s.w() + ix];
                        for (int o = 0; o < og; o++) {
                            for (int ky = 0; ky < s.kh(); ky++) {
                                for (int kx = 0; kx < s.kw(); kx++) {
                                    int y = iy * s.sh() - s.ph() + ky * s.dh();
                                    int xx = ix * s.sw() - s.pw() + kx * s.dw();
                                    if (y < 0 || y >= oh || xx < 0 || xx >= ow) continue;
                                    int oc = group * og + o;
                                    out[((n * s.cout() + oc) * oh + y) * ow + xx] +=
                                            v * wt[((c * og + o) * s.kh() + ky) * s.kw() + kx];
                                }
                            }
                        }
                    }
                }
            }
        }
        if (bias != null) {
            for (int i = 0; i < out.length; i++) out[i] += bias[i / (oh * ow) % s.cout()];
        }
        return out;
    }

    /** Sizes of a pooling: input [n, c, h, w], output [n, c, oh, ow]. */
    record Pool(int n, int c, int h, int w, int kh, int kw, int sh, int sw, int ph, int pw, int dh, int dw, int oh,
                int ow) {
    }

    /** The maximum over each window's in-image taps (padding never wins); NaN-free inputs. */
    static double[] maxPool2d(Pool s, double[] x) {
        double[] out = new double[s.n() * s.c() * s.oh() * s.ow()];
        int at = 0;
        for (int plane = 0; plane < s.n() * s.c(); plane++) {
            for (int y = 0; y < s.oh(); y++) {
                for (int xx = 0; xx < s.ow(); xx++) {
                    double best = Double.NEGATIVE_INFINITY;
                    for (int ky = 0; ky < s.kh(); ky++) {
                        for (int kx = 0; kx < s.kw(); kx++) {
                            int iy = y * s.sh() - s.ph() + ky * s.dh();
                            int ix = xx * s.sw() - s.pw() + kx * s.dw();
                            if (iy < 0 || iy >= s.h() || ix < 0 || ix >= s.w()) continue;
                            best = Math.max(best, x[(plane * s.h() + iy) * s.w() + ix]);
                        }
                    }
                    out[at++] = best;
                }
            }
        }
        return out;
    }

    /**
     * The sum of each window's in-image taps divided by the number of its taps that lie inside the padded image
     * (countIncludePad) or inside the image itself.
     */
    static double[] avgPool2d(Pool s, double[] x, boolean countIncludePad) {
        double[] out = new double[s.n() * s.c() * s.oh() * s.ow()];
        int at = 0;
        for (int plane = 0; plane < s.n() * s.c(); plane++) {
            for (int y = 0; y < s.oh(); y++) {
                for (int xx = 0; xx < s.ow(); xx++) {
                    double sum = 0;
                    int inImage = 0;
                    int inPadded = 0;
                    for (int ky = 0; ky < s.kh(); ky++) {
                        for (int kx = 0; kx < s.kw(); kx++) {
                            int iy = y * s.sh() - s.ph() + ky;
                            int ix = xx * s.sw() - s.pw() + kx;
                            boolean rowPadded = iy >= -s.ph() && iy < s.h() + s.ph();
                            boolean colPadded = ix >= -s.pw() && ix < s.w() + s.pw();
                            if (rowPadded && colPadded) inPadded++;
                            if (iy < 0 || iy >= s.h() || ix < 0 || ix >= s.w()) continue;
                            sum += x[(plane * s.h() + iy) * s.w() + ix];
                            inImage++;
                        }
                    }
                    out[at++] = sum / (countIncludePad ? inPadded : inImage);
                }
            }
        }
        return out;
    }

    /** Output cell (i, j) averages rows floor(i*h/oh) .. ceil((i+1)*h/oh) - 1 and the like columns. */
    static double[] adaptiveAvgPool2d(int planes, int h, int w, int oh, int ow, double[] x) {
        double[] out = new double[planes * oh * ow];
        int at = 0;
        for (int p = 0; p < planes; p++) {
            for (int i = 0; i < oh; i++) {
                int y0 = (int) Math.floor((double) i * h / oh);
                int y1 = (int) Math.ceil((double) (i + 1) * h / oh);
                for (int j = 0; j < ow; j++) {
                    int x0 = (int) Math.floor((double) j * w / ow);
                    int x1 = (int) Math.ceil((double) (j + 1) * w / ow);
                    double sum = 0;
                    for (int y = y0; y < y1; y++) for (int xx = x0; xx < x1; xx++) sum += x[(p * h + y) * w + xx];
                    out[at++] = sum / ((y1 - y0) * (x1 - x0));
                }
            }
        }
        return out;
    }
}
