package org.overparam.report.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.overparam.api.InvalidInputException;

/**
 * The report of one run: plots in {@code <run>/plots/} and {@code <run>/report.html} with the
 * status, the plots by theme, the final metrics, the provenance (every field of
 * {@code result.json} but its metrics, every field of {@code provenance.json} when the engine wrote
 * one, and the components with their bundles from {@code run.log}) and the resolved spec. A previous report's plots are replaced.
 */
final class RunReport {
    static final String PAGE = "report.html";
    static final String PLOTS = "plots";

    private RunReport() {
    }

    /**
     * @param run the run
     * @return the written page
     * @throws InvalidInputException if the folder cannot be written
     */
    static Path write(RunData run) {
        PlotWriter w = new PlotWriter(run.folder().resolve(PLOTS));
        clear(w.dir());
        Set<String> claimed = new HashSet<>();
        Map<String, List<Plot>> sections = new LinkedHashMap<>();
        sections.put("Training loss", LossPlots.write(run, w, claimed));
        sections.put("Neural tangent kernel and weights", KernelAndWeightPlots.write(run, w, claimed));
        sections.put("Loss landscape and Hessian", LandscapePlots.write(run, w, claimed));
        Map<String, Double> constants = GenericPlots.constants(run, claimed);
        sections.put("Other recorded metrics", GenericPlots.write(run, w, claimed));
        Path page = run.folder().resolve(PAGE);
        write(page, page(run, sections, constants));
        return page;
    }

    /**
     * @param run the run
     * @param sections the plots by section title
     * @return the page's HTML
     */
    static String page(RunData run, Map<String, List<Plot>> sections) {
        return page(run, sections, Map.of());
    }

    /**
     * @param run the run
     * @param sections the plots by section title
     * @param constants metrics that never changed, with their value (a table, not plots)
     * @return the page's HTML
     */
    static String page(RunData run, Map<String, List<Plot>> sections, Map<String, Double> constants) {
        Html h = new Html("Run " + run.id());
        h.raw("<h1>Run " + Html.escape(run.id()) + "</h1>\n<p class=\"status " + Html.escape(run.status()) + "\">"
                + Html.escape(run.status()) + "</p>\n");
        String message = run.result().path("message").asText("");
        if (!message.isEmpty()) {
            h.tag("p", message);
        }
        h.raw("<nav>");
        sections.forEach((title, plots) -> {
            if (!plots.isEmpty()) {
                h.raw("<a href=\"#" + anchor(title) + "\">" + Html.escape(title) + "</a>");
            }
        });
        if (!constants.isEmpty()) {
            h.raw("<a href=\"#constants\">Constant values</a>");
        }
        h.raw("<a href=\"#metrics\">Final metrics</a><a href=\"#provenance\">Provenance</a><a href=\"#spec\">Spec</a></nav>\n");
        sections.forEach((title, plots) -> {
            List<Plot> shown = plots.stream().filter(Objects::nonNull).toList();
            if (!shown.isEmpty()) {
                h.raw("<h2 id=\"" + anchor(title) + "\">" + Html.escape(title) + "</h2>\n");
                shown.forEach(p -> h.figure(PLOTS + "/", p));
            }
        });
        if (!constants.isEmpty()) {
            h.raw("<h2 id=\"constants\">Constant values</h2>\n");
            h.tag("p", "Metrics that kept one value over the run (settings and sizes recorded as metrics, or values "
                    + "recorded once): listed here instead of plotted as flat lines.");
            List<List<String>> rows = new ArrayList<>();
            constants.forEach((name, value) -> rows.add(List.of(Html.escape(name), Html.num(Format.number(value)),
                    Html.num(Integer.toString(run.metrics().get(name).finite().size())))));
            h.table(List.of("metric", "value", "recorded points"), rows);
        }
        h.raw("<h2 id=\"metrics\">Final metrics</h2>\n");
        List<List<String>> rows = new ArrayList<>();
        run.finals().forEach((name, value) -> {
            Curve c = run.metrics().get(name);
            String shown = !Double.isNaN(value) ? Format.number(value)
                    : name.endsWith("steps_to_target") ? "not reached" : "n/a";
            rows.add(List.of(Html.escape(name), Html.num(shown), Html.num(c == null ? "-"
                    : Integer.toString(c.size()))));
        });
        h.table(List.of("metric", "final value", "recorded points"), rows);
        provenance(h, run);
        h.raw("<h2 id=\"spec\">Resolved spec</h2>\n");
        h.pre(run.specText().isEmpty() ? "(no spec.yaml)" : run.specText());
        return h.end();
    }

    private static void provenance(Html h, RunData run) {
        h.raw("<h2 id=\"provenance\">Provenance</h2>\n");
        JsonNode result = run.result();
        if (result.isObject()) {
            ObjectNode copy = ((ObjectNode) result).deepCopy();
            copy.remove("metrics");
            h.raw(Html.json(copy)).raw("\n");
        } else {
            h.tag("p", "No result.json: the run has not ended, or was killed.");
        }
        if (!run.provenance().isMissingNode()) {
            h.tag("h3", "Machine, JVM, kernels and component jars (provenance.json)");
            h.raw(Html.json(run.provenance())).raw("\n");
        }
        Provenance p = Provenance.of(run.log());
        if (!p.components().isEmpty()) {
            h.tag("h3", "Components");
            List<List<String>> rows = new ArrayList<>();
            for (List<String> c : p.components()) {
                rows.add(c.stream().map(Html::escape).toList());
            }
            h.table(List.of("kind", "name", "bundle", "version", "parameters"), rows);
        }
        if (!p.facts().isEmpty()) {
            h.pre(String.join("\n", p.facts()));
        }
        if (!run.log().isEmpty()) {
            h.raw("<details><summary>run.log (" + run.log().size() + " lines)</summary>\n");
            h.pre(String.join("\n", run.log().subList(0, Math.min(run.log().size(), 500))));
            h.raw("</details>\n");
        }
    }

    private static String anchor(String title) {
        return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    /**
     * @param folder a run folder
     * @return whether its {@code report.html} exists and is at least as new as every file the report
     *     reads (metrics, spec, result, provenance, log, and the series folder)
     */
    static boolean upToDate(Path folder) {
        Path page = folder.resolve(PAGE);
        if (!Files.isRegularFile(page)) {
            return false;
        }
        try {
            long made = Files.getLastModifiedTime(page).toMillis();
            for (String name : List.of(RunReader.METRICS, RunReader.SPEC, RunReader.RESULT, RunReader.PROVENANCE,
                    RunReader.LOG, "series")) {
                Path f = folder.resolve(name);
                if (Files.exists(f) && Files.getLastModifiedTime(f).toMillis() > made) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Deletes the PNG and SVG files of a previous report. */
    static void clear(Path plots) {
        if (!Files.isDirectory(plots)) {
            return;
        }
        try (var files = Files.list(plots)) {
            for (Path f : files.toList()) {
                String n = f.getFileName().toString();
                if (n.endsWith(".png") || n.endsWith(".svg")) {
                    Files.delete(f);
                }
            }
        } catch (IOException e) {
            throw new InvalidInputException(plots.toString(), "cannot replace the previous plots: " + e.getMessage());
        }
    }

    /** Writes a page through a temporary file, so a reader never sees half of it. */
    static void write(Path page, String html) {
        try {
            Path tmp = page.resolveSibling(page.getFileName() + ".tmp");
            Files.writeString(tmp, html, StandardCharsets.UTF_8);
            Files.move(tmp, page, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new InvalidInputException(page.toString(), "cannot write the report: " + e.getMessage());
        }
    }
}
