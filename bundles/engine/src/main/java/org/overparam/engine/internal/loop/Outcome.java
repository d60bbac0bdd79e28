package org.overparam.engine.internal.loop;

import java.util.LinkedHashMap;
import java.util.Map;
import org.overparam.api.run.RunStatus;

/**
 * How a run's {@link StepLoop} ended.
 *
 * @param status the status
 * @param steps the steps taken
 * @param loss the last training loss recorded
 * @param message why it ended
 * @param sampleGradients gradient evaluations spent
 * @param stepNanos wall time in steps (analyses excluded)
 * @param analysisNanos wall time in analyses
 */
public record Outcome(RunStatus status, long steps, double loss, String message, long sampleGradients, long stepNanos,
               long analysisNanos) {
    /**
     * @param setupNanos wall time before the first step
     * @param totalNanos wall time of the whole run
     * @return the run's timings for result.json and the run store, in seconds to the millisecond:
     *     {@code setup_seconds}, {@code steps_seconds}, {@code analysis_seconds}, {@code total_seconds}
     */
    public Map<String, Double> timings(long setupNanos, long totalNanos) {
        Map<String, Double> t = new LinkedHashMap<>();
        t.put("setup_seconds", seconds(setupNanos));
        t.put("steps_seconds", seconds(stepNanos));
        t.put("analysis_seconds", seconds(analysisNanos));
        t.put("total_seconds", seconds(totalNanos));
        return t;
    }

    /**
     * @param nanos a wall time
     * @return it in seconds, rounded to the millisecond
     */
    public static double seconds(long nanos) {
        return Math.round(nanos / 1e6) / 1e3;
    }
}
