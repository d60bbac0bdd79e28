package org.overparam.shell.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.overparam.api.run.SweepPoint;

/**
 * The table printed at the end of a sweep, one row per run: its index, the swept values, its status
 * (or {@code not run}), steps, final training loss and run folder (or, for a plan, the run's key);
 * runs found finished by an earlier invocation are marked {@code *}.
 */
final class SweepTable {
    /**
     * One run's row.
     *
     * @param point the run
     * @param status its status as shown, e.g. {@code CONVERGED} or {@code not run}
     * @param steps its steps ({@code -1}: none)
     * @param loss its final training loss (NaN: none)
     * @param run its run folder's name, or {@code -}
     * @param before whether it was finished by an earlier invocation and skipped
     */
    record Row(SweepPoint point, String status, long steps, double loss, String run, boolean before) {
    }

    private SweepTable() {
    }

    /**
     * @param axes the swept keys
     * @param rows the rows, in the sweep's order
     * @param last the last column's title: {@code run} (the run folder) or {@code key} (the run key)
     * @param out where to print
     */
    static void print(List<String> axes, List<Row> rows, String last, PrintStream out) {
        List<String> header = new ArrayList<>(List.of("#"));
        header.addAll(axes);
        header.addAll(List.of("status", "steps", "loss", last));
        List<List<String>> cells = new ArrayList<>();
        cells.add(header);
        for (Row r : rows) {
            List<String> c = new ArrayList<>();
            c.add(r.point().index() + (r.before() ? "*" : ""));
            for (String a : axes) {
                c.add(r.point().values().getOrDefault(a, ""));
            }
            c.add(r.status());
            c.add(r.steps() < 0 ? "-" : Long.toString(r.steps()));
            c.add(Double.isNaN(r.loss()) ? "-" : Formats.loss(r.loss()));
            c.add(r.run());
            cells.add(c);
        }
        int[] width = new int[header.size()];
        for (List<String> c : cells) {
            for (int i = 0; i < c.size(); i++) {
                width[i] = Math.max(width[i], c.get(i).length());
            }
        }
        for (List<String> c : cells) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < c.size(); i++) {
                b.append(c.get(i));
                if (i < c.size() - 1) {
                    b.append(" ".repeat(width[i] - c.get(i).length() + 2));
                }
            }
            out.println(b.toString().stripTrailing());
        }
        if (rows.stream().anyMatch(Row::before)) {
            out.println("* finished before; skipped");
        }
        out.flush();
    }
}
