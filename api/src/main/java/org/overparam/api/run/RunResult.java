package org.overparam.api.run;

import java.nio.file.Path;
import java.util.Map;

/**
 * How a run ended.
 *
 * @param runId the run's id
 * @param status its final status
 * @param steps the steps taken
 * @param loss the final training loss
 * @param directory the run's folder (spec, metrics, artifacts)
 * @param metrics the latest value of every scalar metric
 * @param message a line for humans: why it stopped, or the error
 */
public record RunResult(String runId, RunStatus status, long steps, double loss, Path directory,
                        Map<String, Double> metrics, String message) {
    /** Copies the metrics. */
    public RunResult {
        metrics = Map.copyOf(metrics);
    }
}
