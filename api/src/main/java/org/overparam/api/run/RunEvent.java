package org.overparam.api.run;

import java.util.Map;

/**
 * Something that happened in a run, for progress output and front ends.
 *
 * @param type what happened
 * @param runId the run's id
 * @param step the steps taken so far
 * @param totalSteps the step budget
 * @param loss the latest training loss
 * @param metrics the scalar metrics recorded with this event (empty for most)
 * @param message a line for humans (may be empty)
 */
public record RunEvent(Type type, String runId, long step, long totalSteps, double loss,
                       Map<String, Double> metrics, String message) {
    /** The kinds of events. */
    public enum Type {
        /** The run has its model and initial point. */
        STARTED,
        /** A step was taken (sent at most a few times per second). */
        PROGRESS,
        /** Analyzers recorded metrics. */
        ANALYSIS,
        /** A note: a component swapped, a pause, a checkpoint. */
        NOTICE,
        /** The run ended; see its result. */
        FINISHED
    }

    /** Copies the metrics. */
    public RunEvent {
        metrics = Map.copyOf(metrics);
        message = message == null ? "" : message;
    }
}
