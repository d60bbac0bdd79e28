package org.overparam.engine.internal.loop;

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
}
