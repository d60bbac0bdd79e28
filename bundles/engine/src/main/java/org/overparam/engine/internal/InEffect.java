package org.overparam.engine.internal;

import org.overparam.api.ComponentKind;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.ComponentRef;
import org.overparam.api.run.RunSpec;
import org.overparam.api.run.Switch;

/**
 * The optimizer and schedule in effect for a run's next step: the spec's own until a switch of the
 * spec replaces one or both before step {@code at}. A schedule counts its steps from the step at which
 * it took effect ({@link #scheduleStart()}). After each change the run's {@link Bindings} resolve the
 * new components.
 */
final class InEffect {
    private final RunSpec spec;
    private final Bindings bindings;
    private ComponentRef optimizer;
    private ComponentRef schedule;
    private long scheduleStart;

    /** @param spec the experiment @param bindings the run's lookups, told of each change */
    InEffect(RunSpec spec, Bindings bindings) {
        this.spec = spec;
        this.bindings = bindings;
        this.optimizer = spec.component(ComponentKind.OPTIMIZER);
        this.schedule = spec.component(ComponentKind.SCHEDULE);
    }

    /** @return the optimizer in effect */
    ComponentRef optimizer() {
        return optimizer;
    }

    /** @return the schedule in effect */
    ComponentRef schedule() {
        return schedule;
    }

    /** @return the step from which the schedule in effect counts */
    long scheduleStart() {
        return scheduleStart;
    }

    /**
     * Applies the spec's switch at step t, if it has one.
     *
     * @param t the index of the step about to be taken
     * @return what changed, e.g. {@code optimizer gd -> nesterov {lr=0.5}}, or {@code null} if nothing did
     */
    String apply(long t) {
        String change = null;
        for (Switch s : spec.switches()) {
            if (s.at() != t) {
                continue;
            }
            StringBuilder what = new StringBuilder();
            if (s.optimizer() != null) {
                what.append("optimizer ").append(optimizer.name()).append(" -> ").append(s.optimizer().name())
                        .append(' ').append(s.optimizer().config().values());
                optimizer = s.optimizer();
            }
            if (s.schedule() != null) {
                what.append(what.length() == 0 ? "" : ", ").append("schedule ").append(schedule.name())
                        .append(" -> ").append(s.schedule().name()).append(' ').append(s.schedule().config().values());
                schedule = s.schedule();
                scheduleStart = t;
            }
            bindings.use(optimizer, schedule);
            change = what.toString();
        }
        return change;
    }

    /**
     * Puts back the components in effect after {@code steps} steps (the switches before that step,
     * replayed silently) and checks them against what a checkpoint recorded.
     *
     * @param steps the steps taken
     * @param optimizerName the optimizer the checkpoint recorded
     * @param scheduleName the schedule it recorded
     * @param start the schedule's first step it recorded
     * @param where the checkpoint file, for the error
     * @throws InvalidInputException if the spec's switches give other components
     */
    void restore(long steps, String optimizerName, String scheduleName, long start, String where) {
        for (Switch s : spec.switches()) {
            if (s.at() < steps) {
                apply(s.at());
            }
        }
        if (!optimizer.name().equals(optimizerName) || !schedule.name().equals(scheduleName) || scheduleStart != start) {
            throw new InvalidInputException(where, "the checkpoint has optimizer " + optimizerName + " and schedule "
                    + scheduleName + " (from step " + start + ") in effect; the spec's switches give "
                    + optimizer.name() + " and " + schedule.name() + " (from step " + scheduleStart + ")");
        }
    }
}
