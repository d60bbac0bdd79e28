package org.overparam.api.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.overparam.api.ComponentKind;

/**
 * A resolved, validated experiment: everything a run needs, with no defaults left to look up.
 *
 * @param name the experiment's name (used in run folder names)
 * @param seed the run's seed; every component's stream is derived from it and the component's kind
 * @param components one component per kind for DATASET, ARCHITECTURE, INITIALIZER, LOSS, OPTIMIZER
 *     and SCHEDULE
 * @param constraints the feasible sets to intersect (empty: unconstrained)
 * @param analyzers the analyzers with their schedules
 * @param stop when to stop
 * @param freeze glob patterns ({@code *} and {@code ?}) of block names not to train, beyond those the
 *     architecture and initializer freeze
 * @param switches changes of optimizer and/or schedule between steps, in strictly increasing order of
 *     {@link Switch#at()} (empty: the same components throughout)
 * @param checkpoint when the run writes its checkpoint ({@link CheckpointRule#DEFAULT} when the
 *     experiment gives none)
 * @param text the resolved spec as YAML, stored with the run
 * @param source where the spec came from (a file path), for messages
 */
public record RunSpec(String name, long seed, Map<ComponentKind, ComponentRef> components,
                      List<ComponentRef> constraints, List<AnalyzerRef> analyzers, StopRule stop,
                      List<String> freeze, List<Switch> switches, CheckpointRule checkpoint, String text,
                      String source) {
    /** Checks that the required kinds are present and the switches ordered, and copies the collections. */
    public RunSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(checkpoint, "checkpoint");
        components = Map.copyOf(components);
        constraints = List.copyOf(constraints);
        analyzers = List.copyOf(analyzers);
        freeze = List.copyOf(freeze);
        switches = List.copyOf(switches);
        Objects.requireNonNull(stop, "stop");
        for (int i = 1; i < switches.size(); i++) {
            if (switches.get(i).at() <= switches.get(i - 1).at()) {
                throw new IllegalArgumentException("switch " + i + " at step " + switches.get(i).at()
                        + " is not after the previous one at step " + switches.get(i - 1).at());
            }
        }
        for (ComponentKind k : List.of(ComponentKind.DATASET, ComponentKind.ARCHITECTURE, ComponentKind.INITIALIZER,
                ComponentKind.LOSS, ComponentKind.OPTIMIZER, ComponentKind.SCHEDULE)) {
            if (!components.containsKey(k)) {
                throw new IllegalArgumentException("a run needs a " + k.key());
            }
        }
    }

    /**
     * A spec with the default checkpoints: the form before checkpoints were configurable, kept for
     * source compatibility.
     *
     * @param name the experiment's name
     * @param seed the run's seed
     * @param components one component per required kind
     * @param constraints the feasible sets to intersect
     * @param analyzers the analyzers with their schedules
     * @param stop when to stop
     * @param freeze glob patterns of block names not to train
     * @param switches changes of optimizer and/or schedule between steps
     * @param text the resolved spec as YAML
     * @param source where the spec came from
     */
    public RunSpec(String name, long seed, Map<ComponentKind, ComponentRef> components, List<ComponentRef> constraints,
                   List<AnalyzerRef> analyzers, StopRule stop, List<String> freeze, List<Switch> switches, String text,
                   String source) {
        this(name, seed, components, constraints, analyzers, stop, freeze, switches, CheckpointRule.DEFAULT, text,
                source);
    }

    /**
     * A spec without switches: the form before switches existed, kept for source compatibility.
     *
     * @param name the experiment's name
     * @param seed the run's seed
     * @param components one component per required kind
     * @param constraints the feasible sets to intersect
     * @param analyzers the analyzers with their schedules
     * @param stop when to stop
     * @param freeze glob patterns of block names not to train
     * @param text the resolved spec as YAML
     * @param source where the spec came from
     */
    public RunSpec(String name, long seed, Map<ComponentKind, ComponentRef> components, List<ComponentRef> constraints,
                   List<AnalyzerRef> analyzers, StopRule stop, List<String> freeze, String text, String source) {
        this(name, seed, components, constraints, analyzers, stop, freeze, List.of(), CheckpointRule.DEFAULT, text,
                source);
    }

    /**
     * @param kind a kind
     * @param step a step index
     * @return the component of {@code kind} (OPTIMIZER or SCHEDULE) in effect at that step: the latest
     *     switch at or before {@code step} that sets it, else the spec's own
     */
    public ComponentRef componentAt(ComponentKind kind, long step) {
        ComponentRef ref = components.get(kind);
        for (Switch s : switches) {
            if (s.at() > step) {
                break;
            }
            ComponentRef r = kind == ComponentKind.OPTIMIZER ? s.optimizer() : kind == ComponentKind.SCHEDULE
                    ? s.schedule() : null;
            if (r != null) {
                ref = r;
            }
        }
        return ref;
    }

    /**
     * @param kind a kind
     * @return the run's component of that kind
     */
    public ComponentRef component(ComponentKind kind) {
        return components.get(kind);
    }

    /**
     * Every component the run refers to, in one order: one per kind present (in {@link ComponentKind}
     * order), the constraints, each switch's optimizer and schedule, then the analyzers.
     *
     * @return the references, a new list
     */
    public List<ComponentRef> componentRefs() {
        List<ComponentRef> refs = new ArrayList<>();
        for (ComponentKind k : ComponentKind.values()) {
            if (components.get(k) != null) {
                refs.add(components.get(k));
            }
        }
        refs.addAll(constraints);
        for (Switch s : switches) {
            if (s.optimizer() != null) {
                refs.add(s.optimizer());
            }
            if (s.schedule() != null) {
                refs.add(s.schedule());
            }
        }
        analyzers.forEach(a -> refs.add(a.component()));
        return refs;
    }
}
