package org.overparam.shell.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.overparam.api.run.Sweep;
import org.overparam.api.run.SweepPoint;

/**
 * The sweeps of a reproduction suite's checks joined into one sweep: the points of every check in
 * order, numbered again from 1, each with the swept value {@code check: ID} before its own, under
 * one manifest in the format {@code sweep} writes (docs/experiment-files.md), so the suite's folder
 * is a sweep folder: its runs share the run store's sweep id, and {@code sweep --resume} continues it.
 */
final class SuiteManifest {
    /** The axis naming each point's check. */
    static final String CHECK = "check";
    private static final String HEADER = "# Overparam sweep manifest: the runs of this sweep as they were expanded, validated\n"
            + "# and pinned when it was created. A run folder in this folder belongs to the run whose key is\n"
            + "# the SHA-256 of its spec.yaml. Do not edit: `overparam sweep --resume` checks every key.\n";

    private SuiteManifest() {
    }

    /**
     * @param name the suite's name
     * @param source where its check files are
     * @param arguments the command's options, for the record
     * @param checks each check's id and its expanded sweep, in order
     * @return the joined sweep with its manifest
     */
    static Sweep join(String name, String source, List<String> arguments, Map<String, Sweep> checks) {
        Set<String> axes = new LinkedHashSet<>(List.of(CHECK));
        List<SweepPoint> points = new ArrayList<>();
        for (Map.Entry<String, Sweep> c : checks.entrySet()) {
            axes.addAll(c.getValue().axes());
            for (SweepPoint p : c.getValue().points()) {
                Map<String, String> values = new LinkedHashMap<>();
                values.put(CHECK, c.getKey());
                values.putAll(p.values());
                points.add(new SweepPoint(points.size() + 1, p.key(), values, p.spec()));
            }
        }
        StringBuilder b = new StringBuilder(HEADER);
        b.append("sweep: ").append(quote(name)).append('\n');
        b.append("source: ").append(quote(source)).append('\n');
        b.append("arguments: ").append(list(arguments)).append('\n');
        b.append("axes: ").append(list(new ArrayList<>(axes))).append('\n');
        b.append("runs:\n");
        for (SweepPoint p : points) {
            b.append("- index: ").append(p.index()).append('\n');
            b.append("  key: ").append(p.key()).append('\n');
            b.append("  values: {");
            int i = 0;
            for (Map.Entry<String, String> e : p.values().entrySet()) {
                b.append(i++ == 0 ? "" : ", ").append(quote(e.getKey())).append(": ").append(quote(e.getValue()));
            }
            b.append("}\n");
            b.append("  spec: ").append(block(p.spec().text()));
        }
        return new Sweep(name, source, new ArrayList<>(axes), points, b.toString());
    }

    /** A YAML literal block of the text, its final line breaks kept exactly ({@code |}, {@code |-} or {@code |+}). */
    static String block(String text) {
        String chomp = text.endsWith("\n\n") ? "|+" : text.endsWith("\n") ? "|" : "|-";
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        boolean indent = body.startsWith(" ") || body.startsWith("\n");
        StringBuilder b = new StringBuilder(indent ? chomp.charAt(0) + "4" + chomp.substring(1) : chomp).append('\n');
        for (String line : body.split("\n", -1)) {
            b.append(line.isEmpty() ? "" : "    " + line).append('\n');
        }
        return b.toString();
    }

    private static String list(List<String> values) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(quote(values.get(i)));
        }
        return b.append(']').toString();
    }

    /** A single-quoted YAML scalar: every character kept, {@code '} doubled. */
    static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
