package org.overparam.api.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Runs side by side: the parameters in which they differ and their final metrics. Each list holds
 * one entry per run, in the order of {@link #runs()}; an entry is {@code null} where a run lacks the
 * parameter or the metric.
 *
 * @param runs the runs compared, in the order asked for
 * @param parameters the parameters whose values are not the same in every run, by key
 * @param metrics every final metric of any of the runs, by full name
 */
public record Comparison(List<RunSummary> runs, SortedMap<String, List<String>> parameters,
                         SortedMap<String, List<Double>> metrics) {
    /** Copies the collections (entries may be {@code null}) and checks that every list has one entry per run. */
    public Comparison {
        runs = List.copyOf(runs);
        parameters = copy(parameters, runs.size());
        metrics = copy(metrics, runs.size());
    }

    private static <T> SortedMap<String, List<T>> copy(Map<String, List<T>> in, int n) {
        SortedMap<String, List<T>> out = new TreeMap<>();
        for (Map.Entry<String, List<T>> e : in.entrySet()) {
            if (e.getValue().size() != n) {
                throw new IllegalArgumentException(e.getKey() + " has " + e.getValue().size() + " entries for " + n
                        + " runs");
            }
            out.put(e.getKey(), Collections.unmodifiableList(new ArrayList<>(e.getValue())));
        }
        return Collections.unmodifiableSortedMap(out);
    }
}
