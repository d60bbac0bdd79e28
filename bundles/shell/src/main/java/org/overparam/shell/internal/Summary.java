package org.overparam.shell.internal;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import org.overparam.api.run.AnalyzerRef;
import org.overparam.api.run.RunResult;
import org.overparam.api.run.RunSpec;

/**
 * The few lines printed when a run ends: status (and why), steps, final training loss, wall time,
 * run folder, then the latest value of each analyzer's scalar metrics as a two-column table.
 */
final class Summary {
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
        Map<String, Double> metrics = new TreeMap<>();
        r.metrics().forEach((name, value) -> {
            for (AnalyzerRef a : spec.analyzers()) {
                if (name.startsWith(a.label() + ".")) {
                    metrics.put(name, value);
                }
            }
        });
        if (!metrics.isEmpty()) {
            out.println("metrics (latest):");
            int width = metrics.keySet().stream().mapToInt(String::length).max().orElse(0);
            metrics.forEach((name, value) -> out.println("  " + name + " ".repeat(width - name.length() + 2)
                    + Formats.number(value)));
        }
        out.flush();
    }

    private static void row(PrintStream out, String label, String value) {
        out.println(label + " ".repeat(12 - label.length()) + value);
    }
}
