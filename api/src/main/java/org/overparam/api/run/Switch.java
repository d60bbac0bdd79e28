package org.overparam.api.run;

import org.overparam.api.ComponentKind;

/**
 * A change of a run's optimizer and/or schedule between two steps, written in an experiment file as
 * {@code switch: [{at: 500, optimizer: {name: nesterov, lr: 0.5, momentum: 0.9}}]}. Steps
 * {@code 0 .. at-1} use the earlier components, steps {@code at ..} the new ones. The optimizer's
 * {@link org.overparam.api.State} is carried over as it is (see there for the rule), so the new
 * optimizer starts from the old one's buffers where it knows them and from zeros elsewhere. A
 * schedule that takes effect at step {@code at} sees steps counted from {@code at} and the
 * {@code maxSteps - at} steps that remain.
 *
 * @param at the index of the first step taken with the new components, at least 1
 * @param optimizer the optimizer from step {@code at} on, or {@code null} to keep the current one
 * @param schedule the schedule from step {@code at} on, or {@code null} to keep the current one
 */
public record Switch(long at, ComponentRef optimizer, ComponentRef schedule) {
    /** Checks the step, that something changes, and the kinds. */
    public Switch {
        if (at < 1) {
            throw new IllegalArgumentException("a switch at step " + at + " is before the first step; use at >= 1");
        }
        if (optimizer == null && schedule == null) {
            throw new IllegalArgumentException("the switch at step " + at + " changes neither optimizer nor schedule");
        }
        if (optimizer != null && optimizer.kind() != ComponentKind.OPTIMIZER) {
            throw new IllegalArgumentException("switch at step " + at + ": " + optimizer.kind().key()
                    + " " + optimizer.name() + " is not an optimizer");
        }
        if (schedule != null && schedule.kind() != ComponentKind.SCHEDULE) {
            throw new IllegalArgumentException("switch at step " + at + ": " + schedule.kind().key()
                    + " " + schedule.name() + " is not a schedule");
        }
    }
}
