package dev.nabla.cpu;

/**
 * Moves a run of logically consecutive elements between a strided operand and a dense scratch block, so that
 * kernels only ever see same-index loops over dense arrays (the loop shape C2 vectorizes).
 */
final class Staging {
    private Staging() {
    }

    /** Copies operand k's elements at linear indexes [start, start+len) into {@code buf[0..len)}. */
    static void gather(Layout l, int k, Object src, int start, int len, Object buf) {
        gatherFrom(l, k, l.offsets[k], src, start, len, buf);
    }

    /** {@link #gather} with operand k's offset replaced by {@code base} (one layout serving many sub-tensors). */
    static void gatherFrom(Layout l, int k, int base, Object src, int start, int len, Object buf) {
        if (l.contiguous(k)) {
            System.arraycopy(src, base + start, buf, 0, len);
        } else {
            walk(l, k, base, src, start, len, buf, true);
        }
    }

    /** Copies {@code buf[0..len)} to operand k's elements at linear indexes [start, start+len). */
    static void scatter(Layout l, int k, Object dst, int start, int len, Object buf) {
        if (l.contiguous(k)) {
            System.arraycopy(buf, 0, dst, l.offsets[k] + start, len);
        } else {
            walk(l, k, l.offsets[k], dst, start, len, buf, false);
        }
    }

    /** Visits the elements in runs along the innermost dim, loading them into or storing them from the buffer. */
    private static void walk(Layout l, int k, int base, Object array, int start, int len, Object buf, boolean load) {
        int shift = base - l.offsets[k];
        int inner = l.innerStride(k);
        int[] done = {0};
        l.forEachRun(start, start + len, (pos, n) -> {
            if (load) {
                copyRun(array, pos[k] + shift, inner, buf, done[0], n);
            } else {
                storeRun(buf, done[0], array, pos[k] + shift, inner, n);
            }
            done[0] += n;
        });
    }

    /** Fills {@code buf[at..at+len)} with {@code src[pos]}. */
    static void broadcast(Object src, int pos, Object buf, int at, int len) {
        int end = at + len;
        if (src instanceof float[] s) java.util.Arrays.fill((float[]) buf, at, end, s[pos]);
        else if (src instanceof double[] s) java.util.Arrays.fill((double[]) buf, at, end, s[pos]);
        else if (src instanceof long[] s) java.util.Arrays.fill((long[]) buf, at, end, s[pos]);
        else if (src instanceof int[] s) java.util.Arrays.fill((int[]) buf, at, end, s[pos]);
        else java.util.Arrays.fill((boolean[]) buf, at, end, ((boolean[]) src)[pos]);
    }

    /** {@code buf[at + i] = src[p + i*stride]} for i &lt; n, one array type per call. */
    static void copyRun(Object src, int p, int stride, Object buf, int at, int n) {
        if (stride == 1) {
            System.arraycopy(src, p, buf, at, n);
        } else if (stride == 0) {
            broadcast(src, p, buf, at, n);
        } else if (src instanceof float[] s) {
            float[] b = (float[]) buf;
            for (int i = 0; i < n; i++) b[at + i] = s[p + i * stride];
        } else if (src instanceof double[] s) {
            double[] b = (double[]) buf;
            for (int i = 0; i < n; i++) b[at + i] = s[p + i * stride];
        } else if (src instanceof long[] s) {
            long[] b = (long[]) buf;
            for (int i = 0; i < n; i++) b[at + i] = s[p + i * stride];
        } else if (src instanceof int[] s) {
            int[] b = (int[]) buf;
            for (int i = 0; i < n; i++) b[at + i] = s[p + i * stride];
        } else {
            boolean[] s = (boolean[]) src;
            boolean[] b = (boolean[]) buf;
            for (int i = 0; i < n; i++) b[at + i] = s[p + i * stride];
        }
    }

    /** {@code dst[p + i*stride] = buf[at + i]} for i &lt; n. */
    private static void storeRun(Object buf, int at, Object dst, int p, int stride, int n) {
        if (stride == 1) {
            System.arraycopy(buf, at, dst, p, n);
        } else if (dst instanceof float[] d) {
            float[] b = (float[]) buf;
            for (int i = 0; i < n; i++) d[p + i * stride] = b[at + i];
        } else if (dst instanceof double[] d) {
            double[] b = (double[]) buf;
            for (int i = 0; i < n; i++) d[p + i * stride] = b[at + i];
        } else if (dst instanceof long[] d) {
            long[] b = (long[]) buf;
            for (int i = 0; i < n; i++) d[p + i * stride] = b[at + i];
        } else if (dst instanceof int[] d) {
            int[] b = (int[]) buf;
            for (int i = 0; i < n; i++) d[p + i * stride] = b[at + i];
        } else {
            boolean[] d = (boolean[]) dst;
            boolean[] b = (boolean[]) buf;
            for (int i = 0; i < n; i++) d[p + i * stride] = b[at + i];
        }
    }
}
