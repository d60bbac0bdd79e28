package org.overparam.engine.internal.loop;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.overparam.api.Analyzer;
import org.overparam.api.Model;
import org.overparam.api.Params;
import org.overparam.api.State;
import org.overparam.api.run.AnalyzerRef;
import org.overparam.api.run.RunSpec;
import org.overparam.engine.internal.folder.MetricStore;
import org.overparam.engine.internal.folder.RunFolder;
import org.overparam.engine.internal.registry.Bindings;
import org.overparam.engine.internal.registry.ComponentFailure;
import org.overparam.engine.internal.registry.Guard;
import org.overparam.engine.internal.swap.InEffect;

/**
 * Runs a run's analyzers on their schedule. An analyzer with {@code every = k > 0} runs at step
 * counts 0, k, 2k, ...; with {@code every = 0} only at step 0; every analyzer runs once more at the
 * end ({@code isFinal}), which replaces the scheduled call when the run ends on a scheduled step, so
 * no analyzer runs twice at one step.
 *
 * <p>At each analysis point the run's {@code train.sample_gradients} (gradient evaluations up to that
 * point) is recorded first, then each analyzer's scalars as {@code <label>.<name>} at the step.
 * Each analyzer keeps its own {@link State} for the whole run, also when a swap request replaces its
 * component or interval (the analyzers in effect are {@link InEffect}'s); the analyzer service is the
 * one the step's {@code StepGate} bound.
 */
public final class Analyses {
    /** The metric holding the sample-gradient count at analysis points. */
    static final String SAMPLE_GRADIENTS = "train.sample_gradients";
    private final RunSpec spec;
    private final Bindings bindings;
    private final Prepared run;
    private final Oracle oracle;
    private final MetricStore metrics;
    private final RunFolder folder;
    private final Supplier<Model> model;
    private final Map<String, State> states = new HashMap<>();
    private final InEffect effect;
    private long nanos;

    /**
     * @param spec the experiment (analyzers and schedules)
     * @param bindings the run's lookups
     * @param run the prepared run
     * @param oracle the run's oracle
     * @param metrics the run's metrics
     * @param folder the run's folder, for series and artifacts
     * @param model the current model
     * @param effect the analyzers in effect
     */
    Analyses(RunSpec spec, Bindings bindings, Prepared run, Oracle oracle, MetricStore metrics, RunFolder folder,
             Supplier<Model> model, InEffect effect) {
        this.spec = spec;
        this.bindings = bindings;
        this.run = run;
        this.oracle = oracle;
        this.metrics = metrics;
        this.folder = folder;
        this.model = model;
        this.effect = effect;
    }

    /**
     * @param step a step count
     * @return whether some analyzer is scheduled there (before the end)
     */
    boolean due(long step) {
        for (AnalyzerRef a : effect.analyzers()) {
            if (due(a, step)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs the analyzers due at a point (all of them if final).
     *
     * @param step the steps taken
     * @param point the point; not modified
     * @param isFinal whether this is the run's last analysis
     * @param sampleGradients the gradient evaluations spent to reach the point
     * @return the scalars recorded, by full name, in recording order
     * @throws ComponentFailure if an analyzer throws (what it recorded before is kept)
     */
    Map<String, Double> run(long step, Params point, boolean isFinal, long sampleGradients) {
        long start = System.nanoTime();
        Map<String, Double> recorded = new LinkedHashMap<>();
        metrics.record(step, SAMPLE_GRADIENTS, sampleGradients);
        recorded.put(SAMPLE_GRADIENTS, (double) sampleGradients);
        try {
            for (AnalyzerRef a : effect.analyzers()) {
                if (isFinal || due(a, step)) {
                    analyze(a, step, point, isFinal, recorded);
                }
            }
        } finally {
            nanos += System.nanoTime() - start;
        }
        return recorded;
    }

    /** @return the state of each analyzer called so far, by label in the spec's order (live: for checkpoints) */
    Map<String, State> states() {
        Map<String, State> out = new LinkedHashMap<>();
        for (AnalyzerRef a : spec.analyzers()) {
            State s = states.get(a.label());
            if (s != null) {
                out.put(a.label(), s);
            }
        }
        return out;
    }

    /** @param restored the analyzers' states from a checkpoint, by label; they become the run's */
    void restore(Map<String, State> restored) {
        states.clear();
        states.putAll(restored);
    }

    /** @return the wall time spent in analyses so far, in nanoseconds */
    long nanos() {
        return nanos;
    }

    private void analyze(AnalyzerRef a, long step, Params point, boolean isFinal, Map<String, Double> recorded) {
        Analyzer analyzer = bindings.analyzer(a.label());
        State state = states.computeIfAbsent(a.label(), k -> new State());
        SnapshotImpl snapshot = new SnapshotImpl(step, isFinal, point, run, model.get(), oracle, spec, a, state, metrics);
        AnalyzerSink sink = new AnalyzerSink(a.label(), step, folder);
        try {
            Guard.run(a.component(), () -> analyzer.analyze(snapshot, sink));
        } finally {
            for (Map.Entry<String, Double> e : sink.scalars().entrySet()) {
                metrics.record(step, e.getKey(), e.getValue());
                recorded.put(e.getKey(), e.getValue());
            }
        }
    }

    private static boolean due(AnalyzerRef a, long step) {
        return step == 0 || (a.every() > 0 && step % a.every() == 0);
    }
}
