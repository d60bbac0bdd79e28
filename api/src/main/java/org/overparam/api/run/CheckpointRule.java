package org.overparam.api.run;

/**
 * When a run writes its checkpoint (written in an experiment file as {@code checkpoint: {every: 500}}):
 * after every {@code every} steps, when it is stopped on request, and when it ends with a result. The
 * checkpoint holds everything the run needs to continue ({@link ExperimentRunner#resume}) to the result
 * an uninterrupted run gives; its format is described in {@code docs/runs.md}.
 *
 * @param every the interval in steps; 0 turns periodic and final checkpoints off (a stop request still
 *     writes one, since a stopped run is meant to be resumed)
 */
public record CheckpointRule(long every) {
    /** The interval when an experiment gives none. */
    public static final long DEFAULT_EVERY = 1000;

    /** The rule when an experiment gives none: every {@value #DEFAULT_EVERY} steps and at the end. */
    public static final CheckpointRule DEFAULT = new CheckpointRule(DEFAULT_EVERY);

    /** Checks the interval. */
    public CheckpointRule {
        if (every < 0) {
            throw new IllegalArgumentException("checkpoint every " + every + " is negative");
        }
    }

    /** @return whether periodic and final checkpoints are written */
    public boolean enabled() {
        return every > 0;
    }

    /**
     * @param steps the steps taken so far
     * @return whether a periodic checkpoint is due after that many steps (never at 0)
     */
    public boolean due(long steps) {
        return every > 0 && steps > 0 && steps % every == 0;
    }
}
