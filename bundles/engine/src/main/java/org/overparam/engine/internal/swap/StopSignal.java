package org.overparam.engine.internal.swap;

/**
 * Thrown by a run waiting at a step boundary (paused, or waiting for a component) when it is asked
 * to stop: its STOPPED checkpoint is already written, and the loop ends with that status.
 */
public final class StopSignal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message why the run stopped, e.g. {@code stopped on request after 12 steps} */
    public StopSignal(String message) {
        super(message, null, false, false);
    }
}
