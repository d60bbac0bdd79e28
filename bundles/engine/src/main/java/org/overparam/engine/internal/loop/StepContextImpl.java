package org.overparam.engine.internal.loop;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.overparam.api.ComponentKind;
import org.overparam.api.Config;
import org.overparam.api.GradientOracle;
import org.overparam.api.LossScale;
import org.overparam.api.Params;
import org.overparam.api.RandomStream;
import org.overparam.api.State;
import org.overparam.api.StepContext;
import org.overparam.api.run.RunSpec;

/**
 * What the optimizer sees during a step. One object serves the whole run; {@link #begin} sets the
 * step index, the schedule's factor and the configs of the optimizer and schedule in effect (a switch
 * of the spec changes them) before each step. The optimizer's state and random stream
 * are the run's, kept across steps. Reported values are collected (the last one per name wins) and
 * taken by the run after the step with {@link #takeReports()}, to be recorded as
 * {@code optimizer.<name>} at the step's index.
 */
public final class StepContextImpl implements StepContext {
    private final long totalSteps;
    private final Params params;
    private final Params initial;
    private final Oracle oracle;
    private final State state;
    private final Map<ComponentKind, Config> configs = new EnumMap<>(ComponentKind.class);
    private Config config;
    private final RandomStream random;
    private final Map<String, Double> latest;
    private final Projector projector;
    private final Map<String, Double> reports = new LinkedHashMap<>();
    /** The optimizers' buffers kept from step to step ({@link #workspace}), by name. */
    private final Map<String, Params> workspaces = new HashMap<>();
    /** Per block, whether the step's {@link #update} left the point finite; {@code null} when unknown. */
    private boolean[] updateFinite;
    /** The array {@link #update} fills, kept from step to step (one entry per block). */
    private boolean[] finiteBlocks;
    private long step;
    private double schedule = 1.0;

    /**
     * @param spec the experiment (its step budget and its components' parameters)
     * @param run the prepared run (its point, initial point and optimizer stream)
     * @param oracle the run's oracle
     * @param state the run's optimizer state
     * @param latest the run's latest metrics (a live, unmodifiable view)
     * @param projector the run's feasible set
     * @return the context of the run's steps
     */
    static StepContextImpl of(RunSpec spec, Prepared run, Oracle oracle, State state,
                              Map<String, Double> latest, Projector projector) {
        Map<ComponentKind, Config> configs = new EnumMap<>(ComponentKind.class);
        spec.components().forEach((kind, ref) -> configs.put(kind, ref.config()));
        return new StepContextImpl(spec.stop().maxSteps(), run.params(), run.initial(), oracle, state, configs,
                run.optimizerStream(), latest, projector);
    }

    /**
     * @param totalSteps the step budget
     * @param params the live point
     * @param initial the initial point
     * @param oracle the run's oracle
     * @param state the run's optimizer state
     * @param configs the parameters of the run's components by kind (one per kind: the spec's
     *     {@code components}); the optimizer's and schedule's are replaced at each {@link #begin}
     * @param random the optimizer's stream
     * @param latest the run's latest metrics (a live, unmodifiable view)
     * @param projector the run's feasible set
     */
    StepContextImpl(long totalSteps, Params params, Params initial, Oracle oracle, State state,
                    Map<ComponentKind, Config> configs, RandomStream random, Map<String, Double> latest,
                    Projector projector) {
        this.totalSteps = totalSteps;
        this.params = params;
        this.initial = initial;
        this.oracle = oracle;
        this.state = state;
        this.configs.putAll(configs);
        this.config = configs.getOrDefault(ComponentKind.OPTIMIZER, Config.empty());
        this.random = random;
        this.latest = latest;
        this.projector = projector;
    }

    /**
     * @param stepIndex the step about to be taken
     * @param factor the schedule's factor for it
     * @param optimizerConfig the parameters of the optimizer taking it
     * @param scheduleConfig the parameters of the schedule in effect
     */
    void begin(long stepIndex, double factor, Config optimizerConfig, Config scheduleConfig) {
        this.step = stepIndex;
        this.schedule = factor;
        this.config = optimizerConfig;
        configs.put(ComponentKind.OPTIMIZER, optimizerConfig);
        configs.put(ComponentKind.SCHEDULE, scheduleConfig);
        reports.clear();
        updateFinite = null;
    }

    /**
     * @return per block, whether the point was finite after the step's {@link #update} (its last
     *     write to the point, by that method's contract), or {@code null} when the step made no such
     *     update or projected afterwards
     */
    boolean[] updateFinite() {
        return updateFinite;
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
    public Params workspace(String name) {
        Params w = workspaces.get(name);
        if (w == null || !w.layout().equals(params.layout())) {
            w = params.zerosLike();
            workspaces.put(name, w);
        }
        return w;
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
        return configs.getOrDefault(kind, Config.empty());
    }

    /** @return the run's loss's own answer ({@link org.overparam.api.Loss#scale}), not one read from its parameters */
    @Override
    public LossScale lossScale() {
        return oracle.lossScale();
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
        updateFinite = null;
        projector.project(point);
    }

    @Override
    public double update(double alpha, Params direction) {
        updateFinite = null;
        int blocks = params.layout().count();
        if (finiteBlocks == null || finiteBlocks.length != blocks) {
            finiteBlocks = new boolean[blocks];
        }
        double norm = params.axpyNorm(alpha, direction, finiteBlocks);
        updateFinite = finiteBlocks;
        return norm;
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
