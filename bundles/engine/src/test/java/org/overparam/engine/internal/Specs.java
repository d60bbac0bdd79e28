package org.overparam.engine.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.overparam.api.ComponentKind;
import org.overparam.api.Config;
import org.overparam.api.run.AnalyzerRef;
import org.overparam.api.run.CheckpointRule;
import org.overparam.api.run.ComponentRef;
import org.overparam.api.run.RunSpec;
import org.overparam.api.run.StopRule;
import org.overparam.api.run.Switch;

/**
 * Builds run specs over the fake components. Origins: {@code test.yaml:<2 + kind ordinal>} for the six
 * main kinds (architecture at line 3, optimizer at line 6), 20+ for constraints, 30+ for analyzers, 40+
 * for switches.
 */
final class Specs {
    private final Map<ComponentKind, ComponentRef> components = new EnumMap<>(ComponentKind.class);
    private final List<ComponentRef> constraints = new ArrayList<>();
    private final List<AnalyzerRef> analyzers = new ArrayList<>();
    private final List<String> freeze = new ArrayList<>();
    private final List<Switch> switches = new ArrayList<>();
    private long maxSteps = 100;
    private double target;
    private long seed = 7;
    private CheckpointRule checkpoint = CheckpointRule.DEFAULT;

    /** @return tiny data, the linear model, Gaussian init, squared loss, GD with lr 0.1, constant schedule */
    static Specs base() {
        return new Specs().with(ComponentKind.DATASET, "tiny", Map.of())
                .with(ComponentKind.ARCHITECTURE, "linear", Map.of())
                .with(ComponentKind.INITIALIZER, "gauss", Map.of())
                .with(ComponentKind.LOSS, "squared", Map.of())
                .with(ComponentKind.OPTIMIZER, "gd", Map.of("lr", 0.1))
                .with(ComponentKind.SCHEDULE, "constant", Map.of());
    }

    /**
     * @param kind a kind
     * @param name a name
     * @param config its values
     * @return this
     */
    Specs with(ComponentKind kind, String name, Map<String, ?> config) {
        components.put(kind, ref(kind, name, config));
        return this;
    }

    /**
     * @param name a constraint
     * @param config its values
     * @return this
     */
    Specs constraint(String name, Map<String, ?> config) {
        constraints.add(ref(ComponentKind.CONSTRAINT, name, config));
        return this;
    }

    /**
     * @param name an analyzer
     * @param label its label
     * @param every its interval
     * @param config its values
     * @return this
     */
    Specs analyzer(String name, String label, long every, Map<String, ?> config) {
        analyzers.add(new AnalyzerRef(ref(ComponentKind.ANALYZER, name, config), label, every));
        return this;
    }

    /**
     * @param glob a block glob to freeze
     * @return this
     */
    Specs freeze(String glob) {
        freeze.add(glob);
        return this;
    }

    /**
     * @param at the first step of the new components
     * @param optimizer the new optimizer's name, or {@code null}
     * @param optimizerConfig its values
     * @param schedule the new schedule's name, or {@code null}
     * @return this
     */
    Specs switchAt(long at, String optimizer, Map<String, ?> optimizerConfig, String schedule) {
        switches.add(new Switch(at, optimizer == null ? null : new ComponentRef(ComponentKind.OPTIMIZER, optimizer,
                Config.of(optimizerConfig), "test.yaml:" + (40 + switches.size())),
                schedule == null ? null : new ComponentRef(ComponentKind.SCHEDULE, schedule, Config.empty(),
                        "test.yaml:" + (40 + switches.size()))));
        return this;
    }

    /**
     * @param steps max steps
     * @param targetLoss the target (0: none)
     * @return this
     */
    Specs stop(long steps, double targetLoss) {
        this.maxSteps = steps;
        this.target = targetLoss;
        return this;
    }

    /**
     * @param every the checkpoint interval (0: off)
     * @return this
     */
    Specs checkpoint(long every) {
        this.checkpoint = new CheckpointRule(every);
        return this;
    }

    /**
     * @param s the seed
     * @return this
     */
    Specs seed(long s) {
        this.seed = s;
        return this;
    }

    /** @return the spec */
    RunSpec build() {
        return new RunSpec("test", seed, components, constraints, analyzers, new StopRule(maxSteps, target), freeze,
                switches, checkpoint, "name: test\nseed: " + seed + "\n", "test.yaml");
    }

    private ComponentRef ref(ComponentKind kind, String name, Map<String, ?> config) {
        int line = kind == ComponentKind.CONSTRAINT ? 20 + constraints.size()
                : kind == ComponentKind.ANALYZER ? 30 + analyzers.size() : 2 + kind.ordinal();
        return new ComponentRef(kind, name, Config.of(config), "test.yaml:" + line);
    }
}
