package org.overparam.api.store;

import java.util.List;

/**
 * Which metric rows to read from a {@link RunStore}.
 *
 * @param runIds the runs, at least one
 * @param metrics the full metric names; empty = every metric of those runs
 * @param fromStep the first step to include
 * @param toStep the last step to include
 * @param maxPoints at most this many points per run and metric, evenly spaced in row order and
 *     always keeping the first and the last row of the range; 0 = every row
 */
public record MetricQuery(List<String> runIds, List<String> metrics, long fromStep, long toStep, int maxPoints) {
    /** Checks the fields and copies the lists. */
    public MetricQuery {
        runIds = List.copyOf(runIds);
        metrics = List.copyOf(metrics);
        if (runIds.isEmpty()) {
            throw new IllegalArgumentException("a metric query names at least one run");
        }
        if (toStep < fromStep) {
            throw new IllegalArgumentException("step range " + fromStep + ".." + toStep + " is empty");
        }
        if (maxPoints < 0 || maxPoints == 1) {
            throw new IllegalArgumentException("maxPoints " + maxPoints + " is neither 0 nor at least 2");
        }
    }

    /**
     * @param runIds the runs
     * @return every row of every metric of those runs
     */
    public static MetricQuery of(List<String> runIds) {
        return new MetricQuery(runIds, List.of(), 0, Long.MAX_VALUE, 0);
    }

    /**
     * @param names the full metric names
     * @return a copy restricted to those metrics
     */
    public MetricQuery metrics(List<String> names) {
        return new MetricQuery(runIds, names, fromStep, toStep, maxPoints);
    }

    /**
     * @param from the first step
     * @param to the last step
     * @return a copy restricted to that range
     */
    public MetricQuery steps(long from, long to) {
        return new MetricQuery(runIds, metrics, from, to, maxPoints);
    }

    /**
     * @param points at most this many points per run and metric (0 = all)
     * @return a copy
     */
    public MetricQuery downsampled(int points) {
        return new MetricQuery(runIds, metrics, fromStep, toStep, points);
    }
}
