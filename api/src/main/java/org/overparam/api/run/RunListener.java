package org.overparam.api.run;

/** Receives a run's events on the run's thread; must return quickly. */
@FunctionalInterface
public interface RunListener {
    /** A listener that ignores everything. */
    RunListener NONE = e -> { };

    /** @param event what happened */
    void onEvent(RunEvent event);
}
