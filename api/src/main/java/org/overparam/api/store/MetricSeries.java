package org.overparam.api.store;

import java.util.Objects;

/**
 * One metric of one run over its steps, read from a {@link RunStore}. The arrays are the caller's:
 * the store keeps no reference to them. As for any record holding arrays, {@code equals} compares
 * the arrays by identity.
 *
 * @param runId the run
 * @param metric the full metric name
 * @param steps the steps, increasing
 * @param values the values at those steps, as many as {@code steps}
 */
public record MetricSeries(String runId, String metric, long[] steps, double[] values) {
    /** Checks the fields. */
    public MetricSeries {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(metric, "metric");
        if (steps.length != values.length) {
            throw new IllegalArgumentException(metric + ": " + steps.length + " steps and " + values.length + " values");
        }
    }

    /** @return the number of points */
    public int size() {
        return steps.length;
    }
}
