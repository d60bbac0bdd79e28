package org.overparam.api.store;

import org.overparam.api.run.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One line of a run listing.
 *
 * @param id the run's id
 * @param name the experiment's name
 * @param status its status now
 * @param seed its seed
 * @param sweep its sweep's id, or empty
 * @param created when it started
 * @param finished when it ended, or {@code null} while it runs
 * @param steps the steps taken (0 until it ends)
 * @param loss the final training loss (NaN until it ends)
 * @param seconds its total wall time in seconds (NaN until it ends)
 * @param tags its tags, sorted
 */
public record RunSummary(String id, String name, RunStatus status, long seed, String sweep, Instant created,
                         Instant finished, long steps, double loss, double seconds, List<String> tags) {
    /** Checks the fields and copies the tags. */
    public RunSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        sweep = sweep == null ? "" : sweep;
        Objects.requireNonNull(created, "created");
        tags = List.copyOf(tags);
    }
}
