package dev.nabla.cpu;

/** Same-index dtype conversions with PyTorch's casting rules: floats truncate toward zero, non-zero is true. */
final class Convert {
    private Convert() {
    }

    /** {@code dst[i] = (dst type) src[i]} for i in [from, to); the array types are tested once per call. */
    static void convert(Object src, Object dst, int from, int to) {
        if (src.getClass() == dst.getClass()) {
            System.arraycopy(src, from, dst, from, to - from);
        } else if (dst instanceof float[] d) {
            toFloat(src, d, from, to);
        } else if (dst instanceof double[] d) {
            toDouble(src, d, from, to);
        } else if (dst instanceof long[] d) {
            toLong(src, d, from, to);
        } else if (dst instanceof int[] d) {
            toInt(src, d, from, to);
        } else {
            toBool(src, (boolean[]) dst, from, to);
        }
    }

    private static void toFloat(Object src, float[] d, int from, int to) {
        if (src instanceof double[] s) {
            for (int i = from; i < to; i++) d[i] = (float) s[i];
        } else if (src instanceof long[] s) {
            for (int i = from; i < to; i++) d[i] = s[i];
        } else if (src instanceof int[] s) {
            for (int i = from; i < to; i++) d[i] = s[i];
        } else {
            boolean[] s = (boolean[]) src;
            for (int i = from; i < to; i++) d[i] = s[i] ? 1 : 0;
        }
    }

    private static void toDouble(Object src, double[] d, int from, int to) {
        if (src instanceof float[] s) {
            for (int i = from; i < to; i++) d[i] = s[i];
        } else if (src instanceof long[] s) {
            for (int i = from; i < to; i++) d[i] = s[i];
        } else if (src instanceof int[] s) {
            for (int i = from; i < to; i++) d[i] = s[i];
        } else {
            boolean[] s = (boolean[]) src;
            for (int i = from; i < to; i++) d[i] = s[i] ? 1 : 0;
        }
    }

    private static void toLong(Object src, long[] d, int from, int to) {
        if (src instanceof float[] s) {
            for (int i = from; i < to; i++) d[i] = (long) s[i];
        } else if (src instanceof double[] s) {
            for (int i = from; i < to; i++) d[i] = (long) s[i];
        } else if (src instanceof int[] s) {
            for (int i = from; i < to; i++) d[i] = s[i];
        } else {
            boolean[] s = (boolean[]) src;
            for (int i = from; i < to; i++) d[i] = s[i] ? 1 : 0;
        }
    }

    private static void toInt(Object src, int[] d, int from, int to) {
        if (src instanceof float[] s) {
            for (int i = from; i < to; i++) d[i] = (int) s[i];
        } else if (src instanceof double[] s) {
            for (int i = from; i < to; i++) d[i] = (int) s[i];
        } else if (src instanceof long[] s) {
            for (int i = from; i < to; i++) d[i] = (int) s[i];
        } else {
            boolean[] s = (boolean[]) src;
            for (int i = from; i < to; i++) d[i] = s[i] ? 1 : 0;
        }
    }

    private static void toBool(Object src, boolean[] d, int from, int to) {
        if (src instanceof float[] s) {
            for (int i = from; i < to; i++) d[i] = s[i] != 0;
        } else if (src instanceof double[] s) {
            for (int i = from; i < to; i++) d[i] = s[i] != 0;
        } else if (src instanceof long[] s) {
            for (int i = from; i < to; i++) d[i] = s[i] != 0;
        } else {
            int[] s = (int[]) src;
            for (int i = from; i < to; i++) d[i] = s[i] != 0;
        }
    }
}
