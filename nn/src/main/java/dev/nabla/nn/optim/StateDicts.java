package dev.nabla.nn.optim;

import dev.nabla.DType;
import dev.nabla.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The flat form of an optimizer's state ({@link OptimizerState}): writing it, and reading it back with every check
 * made before anything is changed.
 */
final class StateDicts {
    private static final String STATE = "state.";
    private static final String GROUPS = "param_groups.";
    private static final String PARAMS = "params";
    private static final String STEP = "step";

    private StateDicts() {
    }

    /** Parsed options per group and state per parameter, ready to be installed. */
    record Loaded(List<Map<String, Object>> options, Map<Tensor, Map<String, Tensor>> state) {
    }

    static OptimizerState save(List<ParamGroup> groups, Map<Tensor, Map<String, Tensor>> state) {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        Map<String, String> values = new LinkedHashMap<>();
        int index = 0;
        for (int g = 0; g < groups.size(); g++) {
            ParamGroup group = groups.get(g);
            StringBuilder ids = new StringBuilder();
            for (Tensor p : group.params()) {
                ids.append(ids.length() == 0 ? "" : ",").append(index);
                Map<String, Tensor> s = state.get(p);
                if (s != null) {
                    for (Map.Entry<String, Tensor> e : s.entrySet()) {
                        tensors.put(STATE + index + "." + e.getKey(), e.getValue().detach().clone());
                    }
                }
                index++;
            }
            for (Map.Entry<String, Object> e : group.options().entrySet()) {
                values.put(GROUPS + g + "." + e.getKey(), format(e.getValue()));
            }
            values.put(GROUPS + g + "." + PARAMS, ids.toString());
        }
        return new OptimizerState(tensors, values);
    }

    static Loaded load(String op, List<ParamGroup> groups, OptimizerState saved) {
        String where = op + ".loadStateDict: ";
        TreeMap<Integer, Map<String, String>> byGroup = new TreeMap<>();
        for (Map.Entry<String, String> e : saved.values().entrySet()) {
            String[] parts = split(where, e.getKey(), GROUPS);
            byGroup.computeIfAbsent(index(where, e.getKey(), parts[0]), k -> new LinkedHashMap<>())
                    .put(parts[1], e.getValue());
        }
        // Group numbers are 0..n-1, so n distinct numbers whose largest is n-1 are exactly those.
        if (byGroup.size() != groups.size() || (!byGroup.isEmpty() && byGroup.lastKey() != groups.size() - 1)) {
            throw new IllegalArgumentException(where + "loaded state dict has a different number of parameter groups ("
                    + byGroup.size() + ", this optimizer has " + groups.size() + ")");
        }
        Map<Integer, Tensor> byId = new LinkedHashMap<>();
        List<Map<String, Object>> options = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            ParamGroup group = groups.get(g);
            Map<String, String> values = byGroup.get(g);
            String ids = values.get(PARAMS);
            if (ids == null) throw new IllegalArgumentException(where + "param_groups." + g + ".params is missing");
            String[] idList = ids.isEmpty() ? new String[0] : ids.split(",");
            if (idList.length != group.params().size()) {
                throw new IllegalArgumentException(where + "loaded state dict contains a parameter group that doesn't "
                        + "match the size of optimizer's group: group " + g + " has " + group.params().size()
                        + " parameters, the loaded one " + idList.length);
            }
            for (int i = 0; i < idList.length; i++) {
                byId.put(index(where, GROUPS + g + "." + PARAMS, idList[i].trim()), group.params().get(i));
            }
            Map<String, Object> parsed = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : values.entrySet()) {
                if (e.getKey().equals(PARAMS)) continue;
                parsed.put(e.getKey(), parse(where, GROUPS + g + "." + e.getKey(), e.getValue(),
                        group.options().get(e.getKey())));
            }
            options.add(parsed);
        }
        Map<Tensor, Map<String, Tensor>> state = new IdentityHashMap<>();
        for (Map.Entry<String, Tensor> e : saved.tensors().entrySet()) {
            String[] parts = split(where, e.getKey(), STATE);
            Tensor param = byId.get(index(where, e.getKey(), parts[0]));
            if (param == null) {
                throw new IllegalArgumentException(where + e.getKey() + " belongs to a parameter that no group holds");
            }
            Tensor value = e.getValue();
            if (parts[1].equals(STEP)) {
                value = value.to(DType.FLOAT32);
            } else {
                if (!Arrays.equals(value.shape(), param.shape())) {
                    throw new IllegalArgumentException(where + e.getKey() + " has shape " + Arrays.toString(value.shape())
                            + " but its parameter has shape " + Arrays.toString(param.shape()));
                }
                value = value.to(param.dtype()).to(param.device());
            }
            state.computeIfAbsent(param, k -> new LinkedHashMap<>()).put(parts[1], value.detach().clone());
        }
        return new Loaded(options, state);
    }

    /** {@code prefix<number>.<name>} split into the number and the name. */
    private static String[] split(String where, String key, String prefix) {
        int dot = key.indexOf('.', prefix.length());
        if (!key.startsWith(prefix) || dot < 0 || dot == key.length() - 1) {
            throw new IllegalArgumentException(where + "unexpected key '" + key + "': expected " + prefix
                    + "<number>.<name>");
        }
        return new String[] {key.substring(prefix.length(), dot), key.substring(dot + 1)};
    }

    private static int index(String where, String key, String number) {
        try {
            int i = Integer.parseInt(number);
            if (i >= 0) return i;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(where + "'" + number + "' in '" + key + "' is not a non-negative index");
    }

    private static String format(Object v) {
        if (v instanceof double[] a) {
            StringBuilder b = new StringBuilder();
            for (double d : a) b.append(b.length() == 0 ? "" : ",").append(d);
            return b.toString();
        }
        return String.valueOf(v);
    }

    /** Parses an option as the type it has now, or, for an option this group lacks, by its look. */
    private static Object parse(String where, String key, String text, Object current) {
        try {
            if (current instanceof Boolean || (current == null && (text.equals("true") || text.equals("false")))) {
                if (!text.equals("true") && !text.equals("false")) throw new NumberFormatException(text);
                return Boolean.parseBoolean(text);
            }
            if (current instanceof double[] || (current == null && text.contains(","))) {
                String[] parts = text.split(",");
                double[] a = new double[parts.length];
                for (int i = 0; i < a.length; i++) a[i] = Double.parseDouble(parts[i].trim());
                return a;
            }
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + "cannot read " + key + " = '" + text + "' as "
                    + (current == null ? "a number" : current.getClass().getSimpleName()));
        }
    }
}
