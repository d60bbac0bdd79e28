package org.overparam.api;

/**
 * Names of the NTK spectrum metrics that an {@link Analyzer} publishes and other components read:
 * the {@code ntk} analyzer (and {@code linearized}) write them under their label, e.g.
 * {@code ntk.lambda_max}; Nesterov's and heavy-ball's automatic step reads {@link #LAMBDA_MAX} and
 * {@link #LAMBDA_MIN} through {@link StepContext#latestMetrics()}, the {@code bounds} analyzer reads
 * {@link #LAMBDA_MIN} and {@link #CONDITION} at step 0 through {@link Snapshot#history}. Publisher
 * and readers use these constants, so a rename cannot split them.
 */
public final class NtkMetrics {
    /** The smallest eigenvalue of the empirical NTK Gram {@code K = J J^T}. */
    public static final String LAMBDA_MIN = "lambda_min";

    /** The largest eigenvalue of {@code K}. */
    public static final String LAMBDA_MAX = "lambda_max";

    /** {@code lambda_max / lambda_min}; infinite when {@code lambda_min <= 0}. */
    public static final String CONDITION = "condition";

    private NtkMetrics() {
    }

    /**
     * @param label the publishing analyzer's label, e.g. {@code ntk}
     * @param metric one of this class's names
     * @return the metric's full name in the run, e.g. {@code ntk.lambda_max}
     */
    public static String named(String label, String metric) {
        return label + "." + metric;
    }
}
