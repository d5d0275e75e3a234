package dev.nabla.examples;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The launcher's {@code --name value} options, with the defaults each example falls back to. */
final class Options {
    private final Map<String, String> values;

    private Options(Map<String, String> values) {
        this.values = values;
    }

    /** Parses {@code --key value} pairs; anything else is an error that names it. */
    static Options parse(String[] args, int from) {
        Map<String, String> values = new HashMap<>();
        for (int i = from; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected options as '--name value', got '" + a + "'");
            }
            values.put(a.substring(2), args[++i]);
        }
        return new Options(values);
    }

    /** Options with nothing set: every example's defaults. */
    static Options defaults() {
        return new Options(new HashMap<>());
    }

    /** A copy with one option set, as a test or the introduction set would pass it. */
    Options with(String key, Object value) {
        Map<String, String> copy = new HashMap<>(values);
        copy.put(key, String.valueOf(value));
        return new Options(copy);
    }

    /** An integer option, or {@code fallback}. */
    int integer(String key, int fallback) {
        String v = values.get(key);
        try {
            return v == null ? fallback : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " expects an integer, got '" + v + "'", e);
        }
    }

    /** A floating option, or {@code fallback}. */
    double real(String key, double fallback) {
        String v = values.get(key);
        try {
            return v == null ? fallback : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " expects a number, got '" + v + "'", e);
        }
    }

    /** The seed every example starts its generator from ({@code --seed}, default 0). */
    long seed() {
        return integer("seed", 0);
    }

    /** The device to train on ({@code --device cpu}, {@code opencl}, {@code opencl:1}; default the CPU). */
    dev.nabla.Device device() {
        String v = values.get("device");
        return v == null ? dev.nabla.Device.cpu() : dev.nabla.Device.parse(v);
    }

    /** A path option, or {@code fallback}. */
    Path path(String key, Path fallback) {
        String v = values.get(key);
        return v == null ? fallback : Path.of(v);
    }
}
