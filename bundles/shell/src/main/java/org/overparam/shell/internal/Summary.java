package org.overparam.shell.internal;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import org.overparam.api.run.AnalyzerRef;
import org.overparam.api.run.RunResult;
import org.overparam.api.run.RunSpec;

/**
 * The few lines printed when a run ends: status (and why), steps, final training loss, wall time,
 * run folder, then the latest value of each analyzer's scalar metrics as a two-column table. A
 * metric that does not apply shows {@code n/a}, a target never reached {@code not reached}
 * ({@link Formats#metric}); the {@code dynamics} analyzer's {@code steps_to_target} says which
 * target it used.
 */
final class Summary {
    /** The target of {@code dynamics.steps_to_target} when neither the analyzer nor the stop rule sets one. */
    static final double DYNAMICS_DEFAULT_TARGET = 1e-6;

    private Summary() {
    }

    /**
     * @param spec the run's spec (its step budget and analyzer labels)
     * @param r how it ended
     * @param wallNanos the wall time of the run
     * @param out where to print
     */
    static void print(RunSpec spec, RunResult r, long wallNanos, PrintStream out) {
        String why = r.message() == null || r.message().isBlank() ? "" : "  (" + r.message().strip() + ")";
        row(out, "status", r.status() + why);
        row(out, "steps", r.steps() + " of " + spec.stop().maxSteps());
        row(out, "train loss", Formats.loss(r.loss()));
        row(out, "wall time", Formats.duration(wallNanos));
        row(out, "run folder", r.directory() == null ? "-" : r.directory().toString());
        Map<String, String> metrics = new TreeMap<>();
        r.metrics().forEach((name, value) -> {
            for (AnalyzerRef a : spec.analyzers()) {
                if (name.startsWith(a.label() + ".")) {
                    metrics.put(name, Formats.metric(name, value) + target(spec, a, name));
                }
            }
        });
        if (!metrics.isEmpty()) {
            out.println("metrics (latest):");
            int width = metrics.keySet().stream().mapToInt(String::length).max().orElse(0);
            metrics.forEach((name, value) -> out.println("  " + name + " ".repeat(width - name.length() + 2) + value));
        }
        out.flush();
    }

    /**
     * @return for {@code steps_to_target} of a {@code dynamics} analyzer, which target it used, e.g.
     *     {@code   (target 1e-07, stop.targetLoss)}; otherwise empty
     */
    private static String target(RunSpec spec, AnalyzerRef a, String name) {
        if (!a.component().name().equals("dynamics") || !name.equals(a.label() + ".steps_to_target")) {
            return "";
        }
        Object own = a.component().config().values().get("target");
        if (own instanceof Number n && n.doubleValue() > 0) {
            return "  (target " + Formats.number(n.doubleValue()) + ", " + a.label() + ".target)";
        }
        double stop = spec.stop().targetLoss();
        if (stop > 0) {
            return "  (target " + Formats.number(stop) + ", stop.targetLoss)";
        }
        return "  (target " + Formats.number(DYNAMICS_DEFAULT_TARGET) + ", the analyzer's default)";
    }

    private static void row(PrintStream out, String label, String value) {
        out.println(label + " ".repeat(12 - label.length()) + value);
    }
}
