package dev.nabla.autograd;

import dev.nabla.GradFn;
import dev.nabla.Tensor;

/** The check anomaly mode adds after every rule: no NaN or infinity may leave a backward function. */
final class Anomalies {
    private Anomalies() {
    }

    static void check(GradFn f, int input, Tensor g) {
        boolean nan = g.ne(g).any().itemBoolean();
        boolean inf = !nan && g.abs().eq(Double.POSITIVE_INFINITY).any().itemBoolean();
        if (!nan && !inf) return;
        StackTraceElement[] trace = f.forwardTrace();
        Throwable forward = new Throwable("the forward call of " + f.name() + " that produced the offending node"
                + (trace == null ? " (not recorded: anomaly mode was off when it ran)" : ""));
        if (trace != null) forward.setStackTrace(trace);
        StringBuilder where = new StringBuilder();
        if (trace != null) {
            int shown = 0;
            for (StackTraceElement e : trace) {
                String c = e.getClassName();
                boolean core = c.startsWith("dev.nabla.") && c.lastIndexOf('.') == "dev.nabla".length();
                if (core || shown == 8) continue;
                where.append("\n    at ").append(e);
                shown++;
            }
        }
        throw new IllegalStateException("Function '" + f.name() + "' returned " + (nan ? "nan" : "infinite")
                + " values in its gradient for input " + input + "; its forward was called" + (where.length() == 0
                ? " at an unknown place" : ":" + where), forward);
    }
}
