package org.overparam.testkit;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.overparam.api.ComponentKind;
import org.overparam.api.Config;
import org.overparam.api.GradientOracle;
import org.overparam.api.Params;
import org.overparam.api.RandomStream;
import org.overparam.api.State;
import org.overparam.api.StepContext;

/**
 * A step context over a fake oracle: settable step, schedule factor, config, metrics and other
 * components' configs and projection; the state and random stream can be handed in.
 */
public final class FakeContext implements StepContext {
    private final Params params;
    private final Params initial;
    private final GradientOracle oracle;
    private final State state;
    private final RandomStream random;
    /** What the optimizer reported, in order. */
    public final Map<String, Double> reports = new LinkedHashMap<>();
    /** What {@link #latestMetrics()} returns. */
    public final Map<String, Double> metrics = new HashMap<>();
    /** Other components' configs, by kind; empty when absent. */
    public final Map<ComponentKind, Config> others = new EnumMap<>(ComponentKind.class);
    /** The optimizer's config. */
    public Config config;
    /** The step index. */
    public long step;
    /** The schedule factor. */
    public double schedule = 1.0;
    /** The projection onto the constraint set; null when unconstrained. */
    public Consumer<Params> projection;

    public FakeContext(Params params, GradientOracle oracle, Config config) {
        this(params, oracle, config, new State(), RandomStream.of(0));
    }

    public FakeContext(Params params, GradientOracle oracle, Config config, State state, RandomStream random) {
        this.params = params;
        this.initial = params.copy();
        this.oracle = oracle;
        this.config = config;
        this.state = state;
        this.random = random;
    }

    /** Runs {@code steps} steps of an optimizer, advancing the step index. */
    public void run(org.overparam.api.Optimizer optimizer, int steps) {
        for (int i = 0; i < steps; i++) {
            optimizer.step(this);
            step++;
        }
    }

    @Override
    public long step() {
        return step;
    }

    @Override
    public long totalSteps() {
        return 1_000_000;
    }

    @Override
    public Params params() {
        return params;
    }

    @Override
    public Params initial() {
        return initial;
    }

    @Override
    public GradientOracle oracle() {
        return oracle;
    }

    @Override
    public State state() {
        return state;
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public Config componentConfig(ComponentKind kind) {
        return kind == ComponentKind.OPTIMIZER ? config : others.getOrDefault(kind, Config.empty());
    }

    @Override
    public double schedule() {
        return schedule;
    }

    @Override
    public RandomStream random() {
        return random;
    }

    @Override
    public Map<String, Double> latestMetrics() {
        return metrics;
    }

    @Override
    public void project(Params point) {
        if (projection != null) {
            projection.accept(point);
        }
    }

    @Override
    public boolean constrained() {
        return projection != null;
    }

    @Override
    public void report(String metric, double value) {
        reports.put(metric, value);
    }
}
