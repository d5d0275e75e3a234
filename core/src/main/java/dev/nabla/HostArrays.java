package dev.nabla;

/** Conversions between the Java arrays that hold each dtype on the host (float[], double[], int[], long[], boolean[]). */
final class HostArrays {
    private HostArrays() {
    }

    /** Element {@code i} of a host array as a Number of the array's own kind (Double, Long or Boolean-as-Long). */
    static Number get(Object array, int i) {
        if (array instanceof float[] a) return (double) a[i];
        if (array instanceof double[] a) return a[i];
        if (array instanceof int[] a) return (long) a[i];
        if (array instanceof long[] a) return a[i];
        return ((boolean[]) array)[i] ? 1L : 0L;
    }

    /** The array converted to the Java type of {@code to}, the way PyTorch casts (floats truncate, non-zero is true). */
    static Object convert(Object src, DType to) {
        int n = java.lang.reflect.Array.getLength(src);
        Object dst = to.newArray(n);
        if (src.getClass() == dst.getClass()) {
            System.arraycopy(src, 0, dst, 0, n);
            return dst;
        }
        if (src instanceof long[] s) {
            for (int i = 0; i < n; i++) setLong(dst, i, s[i]);
        } else if (src instanceof int[] s) {
            for (int i = 0; i < n; i++) setLong(dst, i, s[i]);
        } else if (src instanceof boolean[] s) {
            for (int i = 0; i < n; i++) setLong(dst, i, s[i] ? 1 : 0);
        } else if (src instanceof float[] s) {
            for (int i = 0; i < n; i++) setDouble(dst, i, s[i]);
        } else {
            double[] s = (double[]) src;
            for (int i = 0; i < n; i++) setDouble(dst, i, s[i]);
        }
        return dst;
    }

    private static void setLong(Object dst, int i, long v) {
        if (dst instanceof float[] d) d[i] = v;
        else if (dst instanceof double[] d) d[i] = v;
        else if (dst instanceof int[] d) d[i] = (int) v;
        else if (dst instanceof long[] d) d[i] = v;
        else ((boolean[]) dst)[i] = v != 0;
    }

    private static void setDouble(Object dst, int i, double v) {
        if (dst instanceof float[] d) d[i] = (float) v;
        else if (dst instanceof double[] d) d[i] = v;
        else if (dst instanceof int[] d) d[i] = (int) v;
        else if (dst instanceof long[] d) d[i] = (long) v;
        else ((boolean[]) dst)[i] = v != 0;
    }
}
