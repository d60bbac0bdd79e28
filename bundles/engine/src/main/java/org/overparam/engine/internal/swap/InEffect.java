package org.overparam.engine.internal.swap;

import java.util.ArrayList;
import java.util.List;
import org.overparam.api.Analyzer;
import org.overparam.api.Architecture;
import org.overparam.api.ComponentKind;
import org.overparam.api.Constraint;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Loss;
import org.overparam.api.Optimizer;
import org.overparam.api.Schedule;
import org.overparam.api.run.AnalyzerRef;
import org.overparam.api.run.ComponentRef;
import org.overparam.api.run.RunSpec;
import org.overparam.api.run.Switch;

/**
 * The components in effect for a run's next step, and nowhere else: the optimizer and schedule (the
 * spec's own until a switch of the spec replaces one or both before step {@code at}, or a swap request
 * does, {@link #swap}) and the analyzers (the spec's until a swap request replaces one, keeping its
 * label, {@link #replace}). A schedule counts its steps from the step at which it took effect
 * ({@link #scheduleStart()}). The run's {@link StepGate} binds whatever is in effect before each step.
 */
public final class InEffect {
    private final RunSpec spec;
    private ComponentRef optimizer;
    private ComponentRef schedule;
    private final List<AnalyzerRef> analyzers;
    private long scheduleStart;

    /** @param spec the experiment */
    InEffect(RunSpec spec) {
        this.spec = spec;
        this.optimizer = spec.component(ComponentKind.OPTIMIZER);
        this.schedule = spec.component(ComponentKind.SCHEDULE);
        this.analyzers = new ArrayList<>(spec.analyzers());
    }

    /** @return the run's analyzers now, in the spec's order */
    public List<AnalyzerRef> analyzers() {
        return List.copyOf(analyzers);
    }

    /**
     * @param label an analyzer's label
     * @return the analyzer of that label now
     * @throws IllegalArgumentException if there is none
     */
    AnalyzerRef analyzer(String label) {
        for (AnalyzerRef a : analyzers) {
            if (a.label().equals(label)) {
                return a;
            }
        }
        throw new IllegalArgumentException("no analyzer labelled " + label);
    }

    /** @param replacement an analyzer taking the place of the one with its label (whose state it keeps) */
    void replace(AnalyzerRef replacement) {
        analyzers.set(analyzers.indexOf(analyzer(replacement.label())), replacement);
    }

    /** @return the optimizer in effect */
    public ComponentRef optimizer() {
        return optimizer;
    }

    /** @return the schedule in effect */
    public ComponentRef schedule() {
        return schedule;
    }

    /** @return the step from which the schedule in effect counts */
    public long scheduleStart() {
        return scheduleStart;
    }

    /**
     * The components step t may call, for the {@link StepGate} to bind: the optimizer and schedule in
     * effect at t (not for the final evaluation), the loss, the constraints, the architecture and the
     * analyzers.
     *
     * @param t the index of the step about to be taken (or of the final evaluation)
     * @param last whether it is the final evaluation and analysis rather than a step
     * @return the needs, in that order
     */
    List<StepGate.Need> needs(long t, boolean last) {
        List<StepGate.Need> n = new ArrayList<>();
        if (!last) {
            n.add(new StepGate.Need(optimizerAt(t), Optimizer.class, null));
            n.add(new StepGate.Need(scheduleAt(t), Schedule.class, null));
        }
        n.add(new StepGate.Need(spec.component(ComponentKind.LOSS), Loss.class, null));
        spec.constraints().forEach(c -> n.add(new StepGate.Need(c, Constraint.class, null)));
        n.add(new StepGate.Need(spec.component(ComponentKind.ARCHITECTURE), Architecture.class, null));
        for (AnalyzerRef a : analyzers) {
            n.add(new StepGate.Need(a.component(), Analyzer.class, a.label()));
        }
        return n;
    }

    /**
     * Applies the spec's switch at step t, if it has one.
     *
     * @param t the index of the step about to be taken
     * @return what changed, e.g. {@code optimizer gd -> nesterov {lr=0.5}}, or {@code null} if nothing did
     */
    public String apply(long t) {
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
            change = what.toString();
        }
        return change;
    }

    /**
     * @param t the index of the coming step
     * @return the optimizer in effect for it: the current one, or the one a switch of the spec at t sets
     */
    ComponentRef optimizerAt(long t) {
        for (Switch s : spec.switches()) {
            if (s.at() == t && s.optimizer() != null) {
                return s.optimizer();
            }
        }
        return optimizer;
    }

    /**
     * @param t the index of the coming step
     * @return the schedule in effect for it (as {@link #optimizerAt})
     */
    ComponentRef scheduleAt(long t) {
        for (Switch s : spec.switches()) {
            if (s.at() == t && s.schedule() != null) {
                return s.schedule();
            }
        }
        return schedule;
    }

    /**
     * Replaces the optimizer and schedule on a swap request at a step boundary.
     *
     * @param newOptimizer the optimizer from now on
     * @param newSchedule the schedule from now on
     * @param restartSchedule whether the schedule counts its steps from {@code t} (another schedule)
     * @param t the boundary: the index of the next step
     */
    void swap(ComponentRef newOptimizer, ComponentRef newSchedule, boolean restartSchedule, long t) {
        this.optimizer = newOptimizer;
        this.schedule = newSchedule;
        if (restartSchedule) {
            scheduleStart = t;
        }
    }

    /**
     * Checks the components in effect, once the run replayed its switches and swap requests up to a
     * checkpoint, against what the checkpoint recorded.
     *
     * @param optimizerName the optimizer the checkpoint recorded
     * @param scheduleName the schedule it recorded
     * @param start the schedule's first step it recorded
     * @param where the checkpoint file, for the error
     * @throws InvalidInputException if the replay gives other components
     */
    public void check(String optimizerName, String scheduleName, long start, String where) {
        if (!optimizer.name().equals(optimizerName) || !schedule.name().equals(scheduleName) || scheduleStart != start) {
            throw new InvalidInputException(where, "the checkpoint has optimizer " + optimizerName + " and schedule "
                    + scheduleName + " (from step " + start + ") in effect; the spec's switches and the run's applied swaps (swaps.applied) give "
                    + optimizer.name() + " and " + schedule.name() + " (from step " + scheduleStart + ")");
        }
    }
}
