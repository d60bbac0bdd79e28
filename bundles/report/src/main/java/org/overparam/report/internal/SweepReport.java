package org.overparam.report.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.overparam.api.InvalidInputException;

/**
 * The report of a sweep: plots in {@code <sweep>/plots/} and {@code <sweep>/report.html} with the
 * plots against width, the final metrics of every sweep point aggregated over its seeds (mean ±
 * sample standard deviation, with the count of finished runs), and every run with a link to its own
 * report, and the sweep's manifest ({@code sweep.yaml}) when present. Only runs that converged or
 * completed are aggregated; the others are listed.
 */
final class SweepReport {
    /** The sweep's manifest, shown when present. */
    static final String MANIFEST = "sweep.yaml";
    private SweepReport() {
    }

    /**
     * @param folder the sweep folder
     * @param runs its runs (at least one)
     * @return the written page
     * @throws InvalidInputException if the folder cannot be written
     */
    static Path write(Path folder, List<RunData> runs) {
        Sweep sweep = Sweep.of(runs);
        PlotWriter w = new PlotWriter(folder.resolve(RunReport.PLOTS));
        RunReport.clear(w.dir());
        List<Plot> plots = SweepPlots.write(sweep, w).stream().filter(Objects::nonNull).toList();
        Path page = folder.resolve(RunReport.PAGE);
        RunReport.write(page, page(folder, sweep, plots));
        return page;
    }

    /**
     * @param folder the sweep folder
     * @param sweep its runs, grouped
     * @param plots the plots written
     * @return the page's HTML
     */
    static String page(Path folder, Sweep sweep, List<Plot> plots) {
        String name = folder.getFileName() == null ? folder.toString() : folder.getFileName().toString();
        Html h = new Html("Sweep " + name);
        h.tag("h1", "Sweep " + name);
        long finished = sweep.runs().stream().filter(RunData::finished).count();
        h.tag("p", sweep.runs().size() + " runs in " + sweep.points().size() + " sweep points; " + finished
                + " converged or completed and are aggregated. Keys that vary: "
                + (sweep.varying().isEmpty() ? "none" : String.join(", ", sweep.varying())) + ".");
        if (!plots.isEmpty()) {
            h.tag("h2", "Plots");
            plots.forEach(p -> h.figure(RunReport.PLOTS + "/", p));
        }
        h.raw("<h2 id=\"aggregate\">Final metrics over seeds</h2>\n");
        h.tag("p", "Each cell: mean ± sample standard deviation (n - 1 divisor) of the metric's final value over the "
                + "finished runs of the sweep point, and their number.");
        List<String> header = new ArrayList<>();
        header.add("metric");
        sweep.points().forEach(p -> header.add(p.label().isEmpty() ? "all runs" : p.label()));
        List<List<String>> rows = new ArrayList<>();
        for (String metric : sweep.metrics()) {
            List<String> row = new ArrayList<>();
            row.add(Html.escape(metric));
            sweep.points().forEach(p -> row.add(Html.num(p.stats(metric).text())));
            rows.add(row);
        }
        h.table(header, rows);
        h.raw("<h2 id=\"runs\">Runs</h2>\n");
        List<List<String>> runRows = new ArrayList<>();
        for (SweepPoint p : sweep.points()) {
            for (RunData r : p.runs()) {
                String link = folder.relativize(r.folder().resolve(RunReport.PAGE)).toString().replace('\\', '/');
                runRows.add(List.of("<a href=\"" + Html.escape(link) + "\">" + Html.escape(r.id()) + "</a>",
                        Html.escape(p.label()), Html.num(Long.toString(r.seed())),
                        "<span class=\"status " + Html.escape(r.status()) + "\">" + Html.escape(r.status()) + "</span>",
                        Html.num(r.result().path("steps").asText("-")),
                        Html.num(Format.number(r.metrics().last(LossPlots.LOSS))),
                        Html.num(r.result().path("timings").path("total_seconds").asText("-"))));
            }
        }
        h.table(List.of("run", "sweep point", "seed", "status", "steps", "final loss", "seconds"), runRows);
        Path manifest = folder.resolve(MANIFEST);
        if (java.nio.file.Files.isRegularFile(manifest)) {
            try {
                String text = java.nio.file.Files.readString(manifest, java.nio.charset.StandardCharsets.UTF_8);
                h.raw("<h2 id=\"manifest\">Sweep manifest</h2>\n<details><summary>" + MANIFEST + "</summary>\n");
                h.pre(text).raw("</details>\n");
            } catch (java.io.IOException e) {
                h.tag("p", "cannot read " + MANIFEST + ": " + e.getMessage());
            }
        }
        return h.end();
    }
}
