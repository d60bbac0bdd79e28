package org.overparam.engine.internal.loop;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.overparam.api.ComponentKind;
import org.overparam.api.Optimizer;
import org.overparam.api.Params;
import org.overparam.api.RandomStream;
import org.overparam.api.State;
import org.overparam.api.run.RunSpec;
import org.overparam.api.run.RunStatus;
import org.overparam.engine.internal.checkpoint.Checkpoint;
import org.overparam.engine.internal.checkpoint.Checkpoints;
import org.overparam.engine.internal.folder.Events;
import org.overparam.engine.internal.folder.MetricStore;
import org.overparam.engine.internal.folder.MetricsWriter;
import org.overparam.engine.internal.folder.RunFolder;
import org.overparam.engine.internal.folder.RunLog;
import org.overparam.engine.internal.registry.Bindings;
import org.overparam.engine.internal.swap.HotSwap;
import org.overparam.engine.internal.swap.InEffect;

/**
 * The training loop. For t = 0, 1, ...: the boundary (a stop request or a due checkpoint,
 * {@link Boundary}; a swap request, the spec's switch and binding the step's components,
 * {@link HotSwap}), the step ({@link OptimizerStep}: {@code train.loss} at t is the loss it returned),
 * the stop rule ({@link Ending}), then the analyses due at t on x_t ({@link Analyses}). After maxSteps
 * steps the loss at the final point is recorded at step maxSteps and the rule decides; a converged or
 * completed run ends with one final analysis ({@code isFinal}). A loop built from a checkpoint after k
 * steps continues at step k and records exactly the rows an uninterrupted run records from there.
 */
public final class StepLoop {
    private static final long SLOW_STEP_NANOS = 100_000_000L;
    private final RunSpec spec;
    private final Prepared run;
    private final Bindings bindings;
    private final MetricStore metrics;
    private final MetricsWriter writer;
    private final Events events;
    private final RunLog log;
    private final Oracle oracle;
    private final StepContextImpl ctx;
    private final OptimizerStep stepper;
    private final Analyses analyses;
    private final Checkpoints checkpoints;
    private final Boundary boundary;
    private final HotSwap hot;
    private final long start;
    private long step;
    private double loss = Double.NaN;

    /**
     * @param spec the experiment
     * @param run the prepared run
     * @param bindings the run's lookups
     * @param writer metrics.csv, flushed after steps
     * @param folder the run's folder
     * @param events the listener
     * @param log the run log
     * @param checkpoints writes the run's checkpoints
     * @param from the checkpoint to continue from (its streams already in {@code run}), or {@code null}
     * @param wiring the run's control, its swap ledger and where its status goes while it pauses
     */
    public StepLoop(RunSpec spec, Prepared run, Bindings bindings, MetricsWriter writer, RunFolder folder,
                    Events events, RunLog log, Checkpoints checkpoints, Checkpoint from, HotSwap.Wiring wiring) {
        this.spec = spec;
        this.run = run;
        this.bindings = bindings;
        this.metrics = new MetricStore(writer);
        this.writer = writer;
        this.events = events;
        this.log = log;
        this.checkpoints = checkpoints;
        this.hot = new HotSwap(spec, bindings, run.model(), run.scaling(), (ref, arch) -> arch.build(ref.config(),
                run.data().train().inputShape(), run.data().train().outputSize()), folder.path(), log, wiring);
        this.oracle = new Oracle(run.data().train(), run.trainable(), hot::model, bindings::loss,
                spec.component(ComponentKind.LOSS), spec.component(ComponentKind.ARCHITECTURE));
        Projector projector = new Projector(spec.constraints(), bindings::constraints, run.initial(), run.trainable());
        this.ctx = StepContextImpl.of(spec, run, oracle, from == null ? new State() : from.optimizerState(),
                metrics.latest(), projector);
        InEffect effect = hot.effect();
        this.stepper = new OptimizerStep(bindings, effect, ctx, oracle, run, metrics);
        this.analyses = new Analyses(spec, bindings, run, oracle, metrics, folder, hot::model, effect);
        this.start = from == null ? 0 : from.steps();
        this.boundary = new Boundary(checkpoints, folder.path(), events, log, start, wiring.control(), this::capture,
                () -> loss);
        if (from != null) {
            metrics.restore(from.histories());
            analyses.restore(from.analyzerStates());
            oracle.restoreSampleGradients(from.sampleGradients());
            loss = from.loss();
            step = start;
        }
        hot.start(from);
    }

    /** @return the objects the run holds now (for {@code stale}) */
    public List<Object> held() {
        return hot.held();
    }

    /**
     * @param status RUNNING, STOPPED or the final status
     * @param steps the steps taken
     * @return the run's state now, as a checkpoint (live references: write it at once)
     */
    public Checkpoint capture(RunStatus status, long steps) {
        Map<String, Checkpoint.Stream> streams = new LinkedHashMap<>();
        run.analyzerStreams().forEach((label, s) -> streams.put(label, new Checkpoint.Stream(s.seed(), s.position())));
        RandomStream r = ctx.random();
        InEffect effect = hot.effect();
        return new Checkpoint(checkpoints.specSha(), status, steps, writer.bytes(), oracle.sampleGradients(),
                effect.optimizer().name(), effect.schedule().name(), effect.scheduleStart(), loss,
                checkpoints.providers(), run.params(), new Checkpoint.Stream(r.seed(), r.position()), streams,
                ctx.state(), analyses.states(), Map.of());
    }

    /** @return whether the loop stopped because its thread was interrupted (the caller sets the flag again) */
    public boolean interrupted() {
        return boundary.interrupted();
    }

    /** @return the run's metrics */
    public MetricStore metrics() {
        return metrics;
    }

    /** @return the latest training loss */
    public double loss() {
        return loss;
    }

    /** @return how the run ended; component failures end it FAILED */
    public Outcome run() {
        long max = spec.stop().maxSteps();
        long loopStart = System.nanoTime();
        Ending end = null;
        Params params = run.params();
        Params before = params.zerosLike();
        try {
            for (long t = start; t < max && end == null; t++) {
                step = t;
                hot.poll(t);
                if (boundary.stopsAt(t)) {
                    end = Ending.stopped(t);
                    break;
                }
                long stepStart = System.nanoTime();
                long analysisBefore = analyses.nanos();
                hot.bind(t, false, boundary);
                hot.switchAt(t, ctx.state(), boundary);
                before.set(params);
                long gradients = oracle.sampleGradients();
                loss = stepper.take(t, max, before);
                end = Ending.afterStep(spec.stop(), t, loss);
                if (end != null) {
                    params.set(before);
                } else {
                    if (analyses.due(t)) {
                        events.analysis(t, loss, analyses.run(t, before, false, gradients), "analysis at step " + t);
                    }
                    end = Ending.afterAnalyses(t, stepper.finite());
                    if (end != null) {
                        loss = Double.NaN;
                    } else {
                        events.progress(t + 1, loss, false);
                    }
                }
                if (end == null || end.status() != RunStatus.CONVERGED) {
                    bindings.release();
                }
                long took = System.nanoTime() - stepStart - (analyses.nanos() - analysisBefore);
                writer.flushIfDue(took >= SLOW_STEP_NANOS || analyses.nanos() > analysisBefore);
            }
            if (end == null) {
                step = max;
                hot.bind(max, true, boundary.at(max));
                loss = oracle.loss(params, null);
                metrics.record(max, Optimizer.TRAIN_LOSS, loss);
                end = Ending.atEnd(spec.stop(), max, loss);
            }
            if (end.status() == RunStatus.CONVERGED || end.status() == RunStatus.COMPLETED) {
                Map<String, Double> scalars = analyses.run(end.steps(), params, true, oracle.sampleGradients());
                if (!spec.analyzers().isEmpty()) {
                    events.analysis(end.steps(), loss, scalars, "final analysis at step " + end.steps());
                }
            }
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError | OutOfMemoryError e) {
            end = Ending.caught(step, e, log);
        } finally {
            bindings.release();
        }
        long stepNanos = System.nanoTime() - loopStart - analyses.nanos();
        return new Outcome(end.status(), end.steps(), loss, end.message(), oracle.sampleGradients(), stepNanos,
                analyses.nanos());
    }
}
