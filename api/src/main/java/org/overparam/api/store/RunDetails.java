package org.overparam.api.store;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything the store knows of one run.
 *
 * @param summary its listing line
 * @param folder its folder
 * @param spec its resolved spec (YAML)
 * @param point its key in its sweep, or empty
 * @param message why it ended (empty while it runs)
 * @param params its parameters by dotted key (see {@link RunRecord#params()}), sorted
 * @param timings its wall times in seconds by name, sorted (empty while it runs)
 * @param metrics the final value of every scalar metric, sorted; while the run is under way, each
 *     metric's value at its latest recorded step
 * @param artifacts its artifacts, by name
 * @param provenance where and with what it ran
 */
public record RunDetails(RunSummary summary, Path folder, String spec, String point, String message,
                         Map<String, String> params, Map<String, Double> timings, Map<String, Double> metrics,
                         List<ArtifactRecord> artifacts, Provenance provenance) {
    /** Checks the fields and copies the collections. */
    public RunDetails {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(folder, "folder");
        spec = spec == null ? "" : spec;
        point = point == null ? "" : point;
        message = message == null ? "" : message;
        params = Collections.unmodifiableMap(new TreeMap<>(params));
        timings = Collections.unmodifiableMap(new TreeMap<>(timings));
        metrics = Collections.unmodifiableMap(new TreeMap<>(metrics));
        artifacts = List.copyOf(artifacts);
        Objects.requireNonNull(provenance, "provenance");
    }

    /** @return the run's id */
    public String id() {
        return summary.id();
    }
}
