package org.overparam.api.run;

/** How a run stands or ended. */
public enum RunStatus {
    /** Taking steps. */
    RUNNING,
    /** Reached the target loss. */
    CONVERGED,
    /** Took all its steps without reaching the target. */
    COMPLETED,
    /** The loss or the parameters became NaN or infinite. */
    DIVERGED,
    /** Stopped on request; it can be resumed from its last checkpoint. */
    STOPPED,
    /** Waiting for a compatible component after a bundle update; it continues by itself. */
    PAUSED,
    /** A component threw; the exception is in the run's log. */
    FAILED;

    /** @return whether the run has ended with a result (converged, completed or diverged) */
    public boolean isFinished() {
        return this == CONVERGED || this == COMPLETED || this == DIVERGED;
    }
}
