package org.overparam.dashboard.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.overparam.api.InvalidInputException;
import org.overparam.api.store.Comparison;
import org.overparam.api.store.RunDetails;
import org.overparam.api.store.RunStore;
import org.overparam.api.store.RunSummary;

/**
 * Compare: 2 to 6 runs ({@code /compare?run=A&run=B...}) side by side, as {@code compare} shows them
 * (the parameters that differ, the final metrics), and their curves overlaid (drawn by compare.js).
 */
final class ComparePage {
    static final int MIN = 2;
    static final int MAX = 6;
    private final RunStore store;
    private final Path runs;

    ComparePage(RunStore store, Path runs) {
        this.store = store;
        this.runs = runs;
    }

    String render(Map<String, String[]> params, String csrf) {
        List<String> asked = Lookup.all(params, "run");
        if (asked.isEmpty()) {
            return Html.page("Compare", csrf, "<h1>Compare</h1><p>Check 2 to 6 runs on the <a href=\"/runs\">Runs</a>"
                    + " page, or open /compare?run=A&amp;run=B.</p>", List.of());
        }
        if (asked.size() < MIN || asked.size() > MAX) {
            throw new InvalidInputException("run", "compare takes " + MIN + " to " + MAX + " runs, not " + asked.size());
        }
        List<String> ids = new ArrayList<>();
        for (String a : asked) {
            RunDetails d = Lookup.run(store, runs, a);
            ids.add(d.id());
        }
        Comparison c = store.compare(runs, ids);
        StringBuilder b = new StringBuilder("<h1>Compare</h1><div id=\"compare-runs\" data-runs=\"")
                .append(Html.esc(String.join(" ", ids))).append("\"></div>");
        List<String> header = new ArrayList<>(List.of(""));
        List<List<String>> rows = new ArrayList<>();
        List<String> status = new ArrayList<>(List.of("status"));
        for (RunSummary s : c.runs()) {
            header.add(s.id());
            status.add(Html.chip(s.status().name()));
        }
        rows.add(status);
        c.parameters().forEach((k, v) -> {
            List<String> r = new ArrayList<>(List.of(Html.esc(k)));
            v.forEach(x -> r.add(Html.esc(x)));
            rows.add(r);
        });
        c.metrics().forEach((k, v) -> {
            List<String> r = new ArrayList<>(List.of(Html.esc(k)));
            v.forEach(x -> r.add(x == null || x.isNaN() ? "" : String.format(Locale.ROOT, "%.6g", x)));
            rows.add(r);
        });
        b.append(Html.table("compare", header, rows));
        b.append("<section><h2>Curves</h2><p class=\"hint\">x: step; one line per run.</p><div id=\"charts\"></div>"
                + "</section>");
        return Html.page("Compare", csrf, b.toString(), List.of("uplot/uPlot.iife.min.js", "charts.js", "compare.js"));
    }
}
