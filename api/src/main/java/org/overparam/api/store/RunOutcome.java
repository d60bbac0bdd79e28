package org.overparam.api.store;

import org.overparam.api.run.RunStatus;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How a run ended, as the engine records it in the {@link RunStore} (the content of its
 * {@code result.json}).
 *
 * @param status the final status
 * @param steps the steps taken
 * @param loss the final training loss (NaN if none)
 * @param message why it ended
 * @param finished when it ended
 * @param timings wall times in seconds by name: {@code setup_seconds}, {@code steps_seconds},
 *     {@code analysis_seconds}, {@code total_seconds}
 * @param metrics the final value of every scalar metric, by full name
 */
public record RunOutcome(RunStatus status, long steps, double loss, String message, Instant finished,
                         Map<String, Double> timings, Map<String, Double> metrics) {
    /** Checks the fields and copies the maps, sorted by key. */
    public RunOutcome {
        Objects.requireNonNull(status, "status");
        message = message == null ? "" : message;
        Objects.requireNonNull(finished, "finished");
        timings = Collections.unmodifiableMap(new TreeMap<>(timings));
        metrics = Collections.unmodifiableMap(new TreeMap<>(metrics));
    }
}
