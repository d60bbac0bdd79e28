package org.overparam.api.store;

import java.util.Objects;

/**
 * One recorded value of a scalar metric: a row of a run's {@code metrics.csv} and of the run store.
 *
 * @param step the step the value belongs to (0 = at initialization)
 * @param metric the full metric name, e.g. {@code train.loss} or {@code ntk.lambda_min}
 * @param value the value (NaN and the infinities are kept)
 */
public record MetricRow(long step, String metric, double value) {
    /** Checks the name. */
    public MetricRow {
        Objects.requireNonNull(metric, "metric");
    }
}
