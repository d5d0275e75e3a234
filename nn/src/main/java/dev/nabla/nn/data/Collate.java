package dev.nabla.nn.data;

import dev.nabla.Nabla;
import dev.nabla.Tensor;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PyTorch's {@code default_collate}, which turns a list of samples into one batch of the same structure: tensors
 * are stacked along a new dim 0; lists, arrays and maps are collated position by position (key by key); numbers
 * and booleans inside them become INT64, FLOAT64 or BOOL tensors; strings become a list.
 */
public final class Collate {
    private Collate() {
    }

    /**
     * The batch of {@code samples}, which has the samples' own type: a Tensor, a {@code List}, a {@code Map} or an
     * array of them. A bare number, boolean or string sample would batch to another type and is rejected: give the
     * {@link DataLoader} a collate function for such samples.
     */
    @SuppressWarnings("unchecked")
    public static <T> T defaultCollate(List<T> samples) {
        if (samples.isEmpty()) throw new IllegalArgumentException("defaultCollate: expected at least one sample");
        Object first = samples.get(0);
        if (!(first instanceof Tensor || first instanceof List || first instanceof Map
                || (first != null && first.getClass().isArray()))) {
            throw new IllegalArgumentException("defaultCollate: samples of type " + typeName(first) + " would batch "
                    + "to a different type; the default collate takes Tensors and Lists, Maps and arrays of them, so "
                    + "give the DataLoader a collate function for these samples");
        }
        return (T) collate(samples, "batch");
    }

    private static Object collate(List<?> samples, String path) {
        Object first = samples.get(0);
        Class<?> kind = first == null ? null : kind(first);
        for (int i = 1; i < samples.size(); i++) {
            Object s = samples.get(i);
            boolean same = first == null ? s == null : s != null && kind(s) == kind;
            if (!same) {
                throw new IllegalArgumentException("defaultCollate: " + path + " mixes sample types: sample 0 has "
                        + typeName(first) + " and sample " + i + " has " + typeName(s));
            }
        }
        if (first == null) throw new IllegalArgumentException("defaultCollate: " + path + " holds null samples");
        if (first instanceof Tensor) return stack(samples, path);
        if (first instanceof List) return collateLists(samples, path);
        if (first instanceof Map) return collateMaps(samples, path);
        if (first.getClass().isArray()) return collateArrays(samples, path);
        if (kind == Double.class) {
            double[] v = new double[samples.size()];
            for (int i = 0; i < v.length; i++) v[i] = ((Number) samples.get(i)).doubleValue();
            return Nabla.tensor(v);
        }
        if (kind == Long.class) {
            long[] v = new long[samples.size()];
            for (int i = 0; i < v.length; i++) v[i] = ((Number) samples.get(i)).longValue();
            return Nabla.tensor(v);
        }
        if (first instanceof Boolean) {
            boolean[] v = new boolean[samples.size()];
            for (int i = 0; i < v.length; i++) v[i] = (Boolean) samples.get(i);
            return Nabla.tensor(v);
        }
        if (first instanceof String) return List.copyOf(castList(samples));
        throw new IllegalArgumentException("defaultCollate: " + path + " has samples of type " + typeName(first)
                + ", which the default collate cannot batch; give the DataLoader a collate function");
    }

    private static Tensor stack(List<?> samples, String path) {
        List<Tensor> tensors = new ArrayList<>(samples.size());
        for (Object s : samples) tensors.add((Tensor) s);
        try {
            return Nabla.stack(tensors, 0);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("defaultCollate: cannot stack " + path + ": " + e.getMessage(), e);
        }
    }

    private static List<Object> collateLists(List<?> samples, String path) {
        int n = ((List<?>) samples.get(0)).size();
        for (int i = 1; i < samples.size(); i++) {
            if (((List<?>) samples.get(i)).size() != n) {
                throw new IllegalArgumentException("defaultCollate: each element in " + path + " should be of equal "
                        + "size, but sample 0 has " + n + " and sample " + i + " has "
                        + ((List<?>) samples.get(i)).size());
            }
        }
        List<Object> out = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
            List<Object> column = new ArrayList<>(samples.size());
            for (Object s : samples) column.add(((List<?>) s).get(j));
            out.add(collate(column, path + "[" + j + "]"));
        }
        return Collections.unmodifiableList(out);
    }

    private static Map<Object, Object> collateMaps(List<?> samples, String path) {
        Map<?, ?> first = (Map<?, ?>) samples.get(0);
        for (int i = 1; i < samples.size(); i++) {
            if (!((Map<?, ?>) samples.get(i)).keySet().equals(first.keySet())) {
                throw new IllegalArgumentException("defaultCollate: the maps in " + path + " have different keys: "
                        + first.keySet() + " in sample 0 and " + ((Map<?, ?>) samples.get(i)).keySet() + " in sample "
                        + i);
            }
        }
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Object key : first.keySet()) {
            List<Object> column = new ArrayList<>(samples.size());
            for (Object s : samples) column.add(((Map<?, ?>) s).get(key));
            out.put(key, collate(column, path + "[" + key + "]"));
        }
        return Collections.unmodifiableMap(out);
    }

    private static Object collateArrays(List<?> samples, String path) {
        Object first = samples.get(0);
        if (first.getClass().getComponentType().isPrimitive()) {
            throw new IllegalArgumentException("defaultCollate: " + path + " has samples of type " + typeName(first)
                    + "; wrap primitive arrays in tensors (Nabla.tensor) first");
        }
        int n = Array.getLength(first);
        for (int i = 1; i < samples.size(); i++) {
            if (Array.getLength(samples.get(i)) != n) {
                throw new IllegalArgumentException("defaultCollate: each element in " + path + " should be of equal "
                        + "size, but sample 0 has " + n + " and sample " + i + " has "
                        + Array.getLength(samples.get(i)));
            }
        }
        Object out = Array.newInstance(first.getClass().getComponentType(), n);
        for (int j = 0; j < n; j++) {
            List<Object> column = new ArrayList<>(samples.size());
            for (Object s : samples) column.add(Array.get(s, j));
            Object batch = collate(column, path + "[" + j + "]");
            if (!first.getClass().getComponentType().isInstance(batch)) {
                throw new IllegalArgumentException("defaultCollate: " + path + "[" + j + "] batches to "
                        + typeName(batch) + ", which a " + typeName(first) + " cannot hold; use an Object[]");
            }
            Array.set(out, j, batch);
        }
        return out;
    }

    /** Samples of one kind batch together: all tensors, all lists, all integers, and so on. */
    private static Class<?> kind(Object o) {
        if (o instanceof Tensor) return Tensor.class;
        if (o instanceof List) return List.class;
        if (o instanceof Map) return Map.class;
        if (o instanceof Double || o instanceof Float) return Double.class;
        if (o instanceof Long || o instanceof Integer || o instanceof Short || o instanceof Byte) return Long.class;
        return o.getClass();
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(List<?> samples) {
        return (List<String>) samples;
    }

    private static String typeName(Object o) {
        return o == null ? "null" : o.getClass().getSimpleName();
    }
}
