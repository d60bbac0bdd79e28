package org.overparam.api.store;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The runs of a sweep that share every parameter but the seed, and their final metrics aggregated
 * over the seeds.
 *
 * @param parameters the group's values of the parameters that vary across the sweep (the seed
 *     excluded), by key, e.g. {@code {architecture.width=1024}}; empty when only the seed varies
 * @param runIds the group's runs, by seed
 * @param seeds their seeds, in the same order
 * @param metrics every final metric of any run of the group, by full name
 */
public record SeedAggregate(SortedMap<String, String> parameters, List<String> runIds, List<Long> seeds,
                            SortedMap<String, MetricStats> metrics) {
    /** Copies the collections and checks that there is one seed per run. */
    public SeedAggregate {
        parameters = Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
        runIds = List.copyOf(runIds);
        seeds = List.copyOf(seeds);
        metrics = Collections.unmodifiableSortedMap(new TreeMap<>(metrics));
        if (runIds.size() != seeds.size()) {
            throw new IllegalArgumentException(runIds.size() + " runs and " + seeds.size() + " seeds");
        }
    }
}
