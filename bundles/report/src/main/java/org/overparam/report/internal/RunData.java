package org.overparam.report.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a report shows of one run, as read from its folder by {@link RunReader}.
 *
 * @param folder the run folder
 * @param specText {@code spec.yaml} as written (empty if missing)
 * @param spec the spec as a tree (a missing node if absent)
 * @param result {@code result.json} as a tree (a missing node while the run has none)
 * @param provenance {@code provenance.json} as a tree: host, JVM, BLAS, component jars (a missing
 *     node for runs written before the engine recorded it)
 * @param log the lines of {@code run.log} (empty if missing)
 * @param metrics the scalar metrics of {@code metrics.csv}
 * @param series the files of {@code series/}, by metric then step
 */
record RunData(Path folder, String specText, JsonNode spec, JsonNode result, JsonNode provenance, List<String> log,
               Metrics metrics, List<SeriesFile> series) {
    /** Copies the lists. */
    RunData {
        log = List.copyOf(log);
        series = List.copyOf(series);
    }

    /** @return the run's id: {@code result.json}'s, else the folder's name */
    String id() {
        return result.path("id").asText(folder.getFileName().toString());
    }

    /** @return the run's status, or {@code UNKNOWN} while it has no result */
    String status() {
        return result.path("status").asText("UNKNOWN");
    }

    /** @return whether the run ended with a result worth aggregating (converged or completed) */
    boolean finished() {
        return status().equals("CONVERGED") || status().equals("COMPLETED");
    }

    /** @return the run's seed from the spec, else from the result, else -1 */
    long seed() {
        return spec.path("seed").asLong(result.path("seed").asLong(-1));
    }

    /**
     * @return {@code architecture.width} from the spec; else, for a net written as layers
     *     ({@code architecture.layers}, the {@code serial} architecture), its widest layer: the largest
     *     {@code dense} width or {@code conv} channel count at any depth; NaN when it has neither
     */
    double width() {
        JsonNode w = spec.path("architecture").path("width");
        return w.isNumber() ? w.asDouble() : widest(spec.path("architecture").path("layers"));
    }

    private static double widest(JsonNode node) {
        double out = Double.NaN;
        if (node.isArray()) {
            for (JsonNode item : node) {
                out = max(out, widest(item));
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                if (e.getKey().equals("dense") || e.getKey().equals("conv")) {
                    JsonNode size = v.isObject() ? v.path(e.getKey().equals("dense") ? "width" : "channels") : v;
                    out = max(out, size.isNumber() ? size.asDouble() : Double.NaN);
                }
                out = max(out, widest(v));
            }
        }
        return out;
    }

    private static double max(double a, double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
    }

    /** @return analyzer label to component name, from the spec's {@code analyzers} list */
    Map<String, String> analyzers() {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode a : spec.path("analyzers")) {
            String name = a.path("name").asText("");
            out.put(a.path("label").asText(name), name);
        }
        return out;
    }

    /**
     * @param name an analyzer's component name, e.g. {@code ntk}
     * @return the labels it runs under
     */
    List<String> labelsOf(String name) {
        List<String> out = new ArrayList<>();
        analyzers().forEach((label, component) -> {
            if (component.equals(name)) {
                out.add(label);
            }
        });
        if (out.isEmpty() && !analyzers().containsKey(name) && hasLabel(name)) {
            out.add(name);
        }
        return out;
    }

    /**
     * @param label an analyzer label
     * @return its entry of the spec (a missing node if none)
     */
    JsonNode analyzer(String label) {
        for (JsonNode a : spec.path("analyzers")) {
            if (a.path("label").asText(a.path("name").asText("")).equals(label)) {
                return a;
            }
        }
        return spec.path("analyzers").path(label);
    }

    /**
     * @return the final value of every scalar metric: {@code result.json}'s {@code metrics} (null read
     *     as NaN), completed by the last value in {@code metrics.csv} for metrics it lacks; sorted by name
     */
    Map<String, Double> finals() {
        Map<String, Double> out = new TreeMap<>();
        for (String name : metrics.names()) {
            out.put(name, metrics.last(name));
        }
        JsonNode m = result.path("metrics");
        for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().isNumber() ? e.getValue().asDouble() : Double.NaN);
        }
        return out;
    }

    /**
     * @param metric a full series name
     * @return its files in step order
     */
    List<SeriesFile> series(String metric) {
        return series.stream().filter(s -> s.metric().equals(metric)).toList();
    }

    private boolean hasLabel(String label) {
        return metrics.names().stream().anyMatch(n -> n.startsWith(label + "."))
                || series.stream().anyMatch(s -> s.metric().startsWith(label + "."));
    }
}
