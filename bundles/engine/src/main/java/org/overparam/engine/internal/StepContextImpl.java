package org.overparam.engine.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.overparam.api.Config;
import org.overparam.api.GradientOracle;
import org.overparam.api.Params;
import org.overparam.api.RandomStream;
import org.overparam.api.State;
import org.overparam.api.StepContext;

/**
 * What the optimizer sees during a step. One object serves the whole run; {@link #begin} sets the
 * step index and the schedule's factor before each step. The optimizer's state and random stream
 * are the run's, kept across steps. Reported values are collected (the last one per name wins) and
 * taken by the run after the step with {@link #takeReports()}, to be recorded as
 * {@code optimizer.<name>} at the step's index.
 */
final class StepContextImpl implements StepContext {
    private final long totalSteps;
    private final Params params;
    private final Params initial;
    private final GradientOracle oracle;
    private final State state;
    private final Config config;
    private final RandomStream random;
    private final Map<String, Double> latest;
    private final Projector projector;
    private final Map<String, Double> reports = new LinkedHashMap<>();
    private long step;
    private double schedule = 1.0;

    /**
     * @param totalSteps the step budget
     * @param params the live point
     * @param initial the initial point
     * @param oracle the run's oracle
     * @param state the run's optimizer state
     * @param config the optimizer's parameters
     * @param random the optimizer's stream
     * @param latest the run's latest metrics (a live, unmodifiable view)
     * @param projector the run's feasible set
     */
    StepContextImpl(long totalSteps, Params params, Params initial, GradientOracle oracle, State state, Config config,
                    RandomStream random, Map<String, Double> latest, Projector projector) {
        this.totalSteps = totalSteps;
        this.params = params;
        this.initial = initial;
        this.oracle = oracle;
        this.state = state;
        this.config = config;
        this.random = random;
        this.latest = latest;
        this.projector = projector;
    }

    /** @param stepIndex the step about to be taken @param factor the schedule's factor for it */
    void begin(long stepIndex, double factor) {
        this.step = stepIndex;
        this.schedule = factor;
        reports.clear();
    }

    /** @return the values reported during the step, by local name, in first-report order; then cleared */
    Map<String, Double> takeReports() {
        Map<String, Double> r = new LinkedHashMap<>(reports);
        reports.clear();
        return r;
    }

    @Override
    public long step() {
        return step;
    }

    @Override
    public long totalSteps() {
        return totalSteps;
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
    public double schedule() {
        return schedule;
    }

    @Override
    public RandomStream random() {
        return random;
    }

    @Override
    public Map<String, Double> latestMetrics() {
        return latest;
    }

    @Override
    public void project(Params point) {
        projector.project(point);
    }

    @Override
    public boolean constrained() {
        return projector.constrained();
    }

    @Override
    public void report(String metric, double value) {
        if (metric == null || metric.isEmpty()) {
            throw new IllegalArgumentException("a reported metric needs a name");
        }
        reports.put(metric, value);
    }
}
