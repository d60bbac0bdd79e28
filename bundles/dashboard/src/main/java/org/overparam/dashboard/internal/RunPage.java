package org.overparam.dashboard.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.overparam.api.store.ArtifactRecord;
import org.overparam.api.store.ComponentOrigin;
import org.overparam.api.store.Provenance;
import org.overparam.api.store.RunDetails;
import org.overparam.api.store.RunStore;

/**
 * A run's page: status, the Stop / Resume / Swap controls (errors inline), the live curves (drawn
 * by run.js from {@code /api/runs/RUN/metrics}, then the event stream), the resolved spec,
 * provenance (components with bundle, version and SHA-256, and {@code provenance.json} with its
 * swaps, refreshed when it changes), timings, final metrics, artifacts (download; PNG and SVG
 * figures such as spectra plots shown inline).
 */
final class RunPage {
    private final RunStore store;
    private final Path runs;

    RunPage(RunStore store, Path runs) {
        this.store = store;
        this.runs = runs;
    }

    String render(String id, String csrf) {
        RunDetails d = Lookup.run(store, runs, id);
        String rid = Html.esc(d.id());
        StringBuilder b = new StringBuilder();
        b.append("<div id=\"run\" data-run=\"").append(rid).append("\"><h1>Run ").append(rid).append(" <span id=\"status\">")
                .append(Html.chip(d.summary().status().name())).append("</span></h1>");
        b.append("<p>").append(Html.esc(d.summary().name())).append(" · seed ").append(d.summary().seed())
                .append(" · <span id=\"steps\">").append(d.summary().steps()).append("</span> steps")
                .append(d.summary().sweep().isEmpty() ? "" : " · sweep " + Html.esc(d.summary().sweep()))
                .append(d.message().isBlank() ? "" : " · " + Html.esc(d.message())).append("</p>");
        b.append("<section class=\"controls\"><button id=\"stop\" type=\"button\">Stop</button> ")
                .append("<button id=\"resume\" type=\"button\">Resume</button> ")
                .append("<form id=\"swap-form\" class=\"inline\"><label>Swap <input id=\"swap-changes\" size=\"40\"")
                .append(" placeholder=\"optimizer.lr=0.05 or optimizer=nesterov momentum=0.9\"></label> ")
                .append("<button id=\"swap\" type=\"submit\">Swap</button></form>")
                .append("<p id=\"action-message\" class=\"message\" role=\"status\"></p>")
                .append("<p id=\"action-error\" class=\"error\" role=\"alert\"></p></section>");
        b.append("<section><h2>Curves</h2><p class=\"hint\">x: step; y: the metric's value (log scale where marked)."
                + " Live while the run trains.</p><div id=\"charts\"></div></section>");
        b.append("<section><h2>Artifacts</h2>").append(artifacts(d)).append("</section>");
        b.append("<section><h2>Provenance</h2>").append(provenance(d.provenance()))
                .append("<h3>provenance.json</h3><pre id=\"provenance\">")
                .append(Html.esc(read(d.folder().resolve("provenance.json")))).append("</pre></section>");
        b.append("<section><h2>Timings (s)</h2>").append(numbers(d.timings())).append("<h2>Final metrics</h2>")
                .append(numbers(d.metrics())).append("</section>");
        b.append("<section><h2>Spec</h2><pre id=\"spec\">").append(Html.esc(d.spec().isBlank()
                ? read(d.folder().resolve("spec.yaml")) : d.spec())).append("</pre></section></div>");
        return Html.page("Run " + d.id(), csrf, b.toString(), List.of("uplot/uPlot.iife.min.js", "charts.js", "run.js"));
    }

    private static String artifacts(RunDetails d) {
        if (d.artifacts().isEmpty()) {
            return "<p>none yet</p>";
        }
        StringBuilder figures = new StringBuilder();
        List<List<String>> rows = new ArrayList<>();
        for (ArtifactRecord a : d.artifacts()) {
            String href = Html.esc("/api/runs/" + d.id() + "/artifacts/" + a.name());
            rows.add(List.of("<a href=\"" + href + "\">" + Html.esc(a.name()) + "</a>", Long.toString(a.size()),
                    "<code>" + Html.esc(a.sha256()) + "</code>"));
            String lower = a.path().toLowerCase(Locale.ROOT);
            if (lower.endsWith(".png") || lower.endsWith(".svg")) {
                figures.append("<figure><img src=\"").append(href).append("\" alt=\"").append(Html.esc(a.name()))
                        .append("\"><figcaption>").append(Html.esc(a.name())).append("</figcaption></figure>");
            }
        }
        return Html.table("artifacts", List.of("artifact", "bytes", "SHA-256"), rows) + figures;
    }

    private static String provenance(Provenance p) {
        StringBuilder b = new StringBuilder("<p>").append(Html.esc(p.host())).append(" · ").append(Html.esc(p.os()))
                .append(" · ").append(p.processors()).append(" processors · ").append(Html.esc(p.jvmVendor()))
                .append(' ').append(Html.esc(p.jvmVersion())).append(" · BLAS ").append(Html.esc(p.blas()))
                .append(" · Overparam ").append(Html.esc(p.overparamVersion())).append("</p>");
        List<List<String>> rows = new ArrayList<>();
        for (ComponentOrigin c : p.components()) {
            rows.add(List.of(Html.esc(c.kind().key()), Html.esc(c.name()), Html.esc(c.bundle()), Html.esc(c.version()),
                    "<code>" + Html.esc(c.sha256()) + "</code>"));
        }
        return b + Html.table("provenance", List.of("kind", "name", "bundle", "version", "jar SHA-256"), rows);
    }

    private static String numbers(Map<String, Double> values) {
        List<List<String>> rows = new ArrayList<>();
        values.forEach((k, v) -> rows.add(List.of(Html.esc(k), String.format(Locale.ROOT, "%.6g", v))));
        return rows.isEmpty() ? "<p>none yet</p>" : Html.table("numbers", List.of("name", "value"), rows);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
