package org.overparam.api.run;

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
 * @param text the resolved spec as YAML, stored with the run
 * @param source where the spec came from (a file path), for messages
 */
public record RunSpec(String name, long seed, Map<ComponentKind, ComponentRef> components,
                      List<ComponentRef> constraints, List<AnalyzerRef> analyzers, StopRule stop,
                      List<String> freeze, String text, String source) {
    /** Checks that the required kinds are present and copies the collections. */
    public RunSpec {
        Objects.requireNonNull(name, "name");
        components = Map.copyOf(components);
        constraints = List.copyOf(constraints);
        analyzers = List.copyOf(analyzers);
        freeze = List.copyOf(freeze);
        Objects.requireNonNull(stop, "stop");
        for (ComponentKind k : List.of(ComponentKind.DATASET, ComponentKind.ARCHITECTURE, ComponentKind.INITIALIZER,
                ComponentKind.LOSS, ComponentKind.OPTIMIZER, ComponentKind.SCHEDULE)) {
            if (!components.containsKey(k)) {
                throw new IllegalArgumentException("a run needs a " + k.key());
            }
        }
    }

    /** @param kind a kind @return the run's component of that kind */
    public ComponentRef component(ComponentKind kind) {
        return components.get(kind);
    }
}
