package org.overparam.engine.internal.loop;

import java.util.Map;
import org.overparam.api.Batch;
import org.overparam.api.ComponentKind;
import org.overparam.api.Config;
import org.overparam.api.Data;
import org.overparam.api.GradientOracle;
import org.overparam.api.LossScale;
import org.overparam.api.Model;
import org.overparam.api.OutputLoss;
import org.overparam.api.Params;
import org.overparam.api.RandomStream;
import org.overparam.api.Scaling;
import org.overparam.api.Snapshot;
import org.overparam.api.State;
import org.overparam.api.run.AnalyzerRef;
import org.overparam.api.run.ComponentRef;
import org.overparam.api.run.RunSpec;
import org.overparam.engine.internal.folder.MetricStore;

/**
 * What one analyzer sees at one analysis point. {@link #params()} copies the point; the state and
 * random stream are the analyzer's own, kept by the run across calls; the metrics are the run's
 * in-memory store. For {@link ComponentKind#ANALYZER} the component queries answer with this
 * analyzer, for {@link ComponentKind#CONSTRAINT} with the run's first constraint, for the optimizer
 * and schedule with those in effect for the step from this point (after any switch of the spec).
 */
public final class SnapshotImpl implements Snapshot {
    private final long step;
    private final boolean isFinal;
    private final Params point;
    private final Prepared run;
    private final Model model;
    private final Oracle oracle;
    private final RunSpec spec;
    private final AnalyzerRef analyzer;
    private final State state;
    private final MetricStore metrics;

    /**
     * @param step the steps taken
     * @param isFinal whether this is the run's last analysis
     * @param point the point analyzed; not modified
     * @param run the prepared run (data, initial point, scaling, streams)
     * @param model the current model
     * @param oracle the run's oracle
     * @param spec the experiment
     * @param analyzer the analyzer called
     * @param state its state
     * @param metrics the run's metrics
     */
    SnapshotImpl(long step, boolean isFinal, Params point, Prepared run, Model model, Oracle oracle, RunSpec spec,
                 AnalyzerRef analyzer, State state, MetricStore metrics) {
        this.step = step;
        this.isFinal = isFinal;
        this.point = point;
        this.run = run;
        this.model = model;
        this.oracle = oracle;
        this.spec = spec;
        this.analyzer = analyzer;
        this.state = state;
        this.metrics = metrics;
    }

    @Override
    public long step() {
        return step;
    }

    @Override
    public boolean isFinal() {
        return isFinal;
    }

    @Override
    public Params params() {
        return point.copy();
    }

    @Override
    public Params initial() {
        return run.initial();
    }

    @Override
    public Model model() {
        return model;
    }

    @Override
    public Data data() {
        return run.data();
    }

    @Override
    public OutputLoss loss(Batch batch) {
        return oracle.bound(batch);
    }

    @Override
    public GradientOracle oracle() {
        return oracle;
    }

    @Override
    public Config config() {
        return analyzer.component().config();
    }

    /** @return the run's loss's own answer ({@link org.overparam.api.Loss#scale}), not one read from its parameters */
    @Override
    public LossScale lossScale() {
        return oracle.lossScale();
    }

    @Override
    public Config componentConfig(ComponentKind kind) {
        ComponentRef ref = ref(kind);
        return ref == null ? Config.empty() : ref.config();
    }

    @Override
    public String componentName(ComponentKind kind) {
        ComponentRef ref = ref(kind);
        return ref == null ? null : ref.name();
    }

    @Override
    public Scaling scaling() {
        return run.scaling();
    }

    @Override
    public RandomStream random() {
        return run.analyzerStreams().get(analyzer.label());
    }

    @Override
    public State state() {
        return state;
    }

    @Override
    public Map<String, Double> latestMetrics() {
        return metrics.latest();
    }

    @Override
    public double[][] history(String metric) {
        return metrics.history(metric);
    }

    private ComponentRef ref(ComponentKind kind) {
        if (kind == ComponentKind.ANALYZER) {
            return analyzer.component();
        }
        if (kind == ComponentKind.CONSTRAINT) {
            return spec.constraints().isEmpty() ? null : spec.constraints().get(0);
        }
        return spec.componentAt(kind, step);
    }

    @Override
    public double targetLoss() {
        return Math.max(0, spec.stop().targetLoss());
    }
}
