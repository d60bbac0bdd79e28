package org.overparam.dashboard.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.overparam.api.store.MetricStats;
import org.overparam.api.store.RunSummary;
import org.overparam.api.store.SeedAggregate;

/**
 * A sweep's page: progress (finished of all, by status), the sweep table (each point of the swept
 * parameters with the final metrics over its seeds: mean ± std, min–max) and, drawn by sweep.js, a
 * final metric against the swept parameter with the seeds' min–max band; its runs. sweep.js
 * keeps it live from {@code /api/sweeps/SWEEP/events}.
 */
final class SweepPage {
    private final SweepView sweep;

    SweepPage(SweepView sweep) {
        this.sweep = sweep;
    }

    String render(String csrf) {
        StringBuilder b = new StringBuilder("<div id=\"sweep\" data-sweep=\"").append(Html.esc(sweep.id()))
                .append("\"><h1>Sweep ").append(Html.esc(sweep.id())).append("</h1><p id=\"progress\">")
                .append(sweep.finished()).append(" of ").append(sweep.runs().size()).append(" runs finished");
        sweep.counts().forEach((s, n) -> b.append(" · ").append(Html.chip(s.name())).append(' ').append(n));
        b.append("</p><section><h2>Final metric against the swept parameter</h2><p class=\"hint\">x: the swept")
                .append(" parameter; y: the metric's mean over seeds, the band from its min to its max.</p>")
                .append("<label>metric <select id=\"sweep-metric\"></select></label><div id=\"charts\"></div></section>");
        List<String> swept = sweep.swept();
        TreeSet<String> metrics = new TreeSet<>();
        sweep.groups().forEach(g -> metrics.addAll(g.metrics().keySet()));
        List<String> header = new ArrayList<>(swept);
        header.add("seeds");
        metrics.forEach(m -> header.add(m + " (mean ± std; min–max)"));
        List<List<String>> rows = new ArrayList<>();
        for (SeedAggregate g : sweep.groups()) {
            List<String> r = new ArrayList<>();
            swept.forEach(k -> r.add(Html.esc(g.parameters().get(k))));
            r.add(Integer.toString(g.runIds().size()));
            for (String m : metrics) {
                MetricStats s = g.metrics().get(m);
                r.add(s == null ? "" : String.format(Locale.ROOT, "%.4g ± %.2g; %.4g–%.4g", s.mean(), s.std(), s.min(),
                        s.max()));
            }
            rows.add(r);
        }
        b.append("<section><h2>Sweep table</h2><div id=\"groups\">").append(Html.table("groups", header, rows))
                .append("</div></section>");
        List<List<String>> runs = new ArrayList<>();
        for (RunSummary s : sweep.runs()) {
            String id = Html.esc(s.id());
            runs.add(List.of("<a href=\"/run/" + id + "\">" + id + "</a>", Html.chip(s.status().name()),
                    Long.toString(s.seed()), Long.toString(s.steps()),
                    Double.isNaN(s.loss()) ? "" : String.format(Locale.ROOT, "%.4g", s.loss())));
        }
        b.append("<section><h2>Runs</h2><div id=\"sweep-runs\">")
                .append(Html.table("runs", List.of("id", "status", "seed", "steps", "loss"), runs))
                .append("</div></section></div>");
        return Html.page("Sweep " + sweep.id(), csrf, b.toString(), List.of("uplot/uPlot.iife.min.js", "charts.js",
                "sweep.js"));
    }
}
