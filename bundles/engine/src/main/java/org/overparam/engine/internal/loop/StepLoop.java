package org.overparam.engine.internal.loop;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.overparam.api.ComponentKind;
import org.overparam.api.Config;
import org.overparam.api.InvalidInputException;
import org.overparam.api.Model;
import org.overparam.api.Params;
import org.overparam.api.RandomStream;
import org.overparam.api.State;
import org.overparam.api.run.ComponentRef;
import org.overparam.api.run.RunSpec;
import org.overparam.api.run.RunStatus;
import org.overparam.engine.internal.checkpoint.Checkpoint;
import org.overparam.engine.internal.checkpoint.CheckpointFile;
import org.overparam.engine.internal.checkpoint.Checkpoints;
import org.overparam.engine.internal.folder.Events;
import org.overparam.engine.internal.folder.MetricStore;
import org.overparam.engine.internal.folder.MetricsWriter;
import org.overparam.engine.internal.folder.RunFolder;
import org.overparam.engine.internal.folder.RunLog;
import org.overparam.engine.internal.registry.Bindings;
import org.overparam.engine.internal.registry.ComponentFailure;
import org.overparam.engine.internal.registry.Guard;
import org.overparam.engine.internal.swap.InEffect;
import org.overparam.engine.internal.swap.RunControl;
import org.overparam.engine.internal.swap.StepGate;
import org.overparam.engine.internal.swap.StopSignal;
import org.overparam.engine.internal.swap.SwapApplier;
import org.overparam.engine.internal.swap.SwapFiles;
import org.overparam.engine.internal.swap.SwapLedger;

/**
 * The training loop. For t = 0, 1, ...: resolve the step's components by name, take the schedule's
 * factor, call {@code optimizer.step}, record {@code train.loss} at t as the loss the optimizer
 * returned (the loss at x_t, or at the look-ahead point for Nesterov; evaluated at x_t when it
 * returned NaN), and {@code optimizer.<name>} for its reports. Then the stop rule at t:
 * <ul>
 * <li>a non-finite loss: DIVERGED at t (the point goes back to x_t);</li>
 * <li>loss at most the target (when the target is positive): CONVERGED at t, the point goes back to
 * x_t and the step's update is dropped, so the run ends at the point whose loss met the target;</li>
 * <li>otherwise the analyses scheduled at t run on x_t, and the step counts (t + 1 steps taken);
 * non-finite parameters after it: DIVERGED.</li>
 * </ul>
 * After maxSteps steps the loss at the final point is evaluated and recorded at step maxSteps, and
 * the same rule decides CONVERGED, DIVERGED or COMPLETED. A converged or completed run ends with one
 * final analysis ({@code isFinal}) at its last step. Frozen blocks are reset to their initial values
 * after each step.
 *
 * <p>Before each step the {@link Boundary} checks for a stop request (which writes a checkpoint and
 * ends the run STOPPED) and writes the periodic checkpoint when one is due. A loop built from a
 * checkpoint after k steps continues at step k with everything the checkpoint restored, so it records
 * exactly the rows an uninterrupted run records from step k on.
 *
 * <p>Switches of the spec apply between steps: before step {@code at} the optimizer and/or schedule
 * are replaced (the optimizer's {@link State} is kept as it is, see there for the rule), which is
 * logged and sent as a NOTICE event. A schedule sees steps counted from the step it took effect and
 * the steps remaining from there.
 *
 * <p>Hot swap: before each step (after the stop check) a pending swap request is applied
 * ({@link SwapApplier}), then the {@link StepGate} binds the step's components, checking those whose
 * bundle changed and pausing the run (status PAUSED, with a checkpoint) until an incompatible one is
 * replaced by a compatible one; a stop request or the container going away ends a paused run STOPPED.
 *
 * <p>Analyses at step t run after the optimizer's step t has returned (so {@code train.loss} at t is
 * known and the final one can be told apart), on a copy of x_t; {@code train.sample_gradients} there
 * counts the evaluations made before step t.
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
    private final InEffect effect;
    private final Checkpoints checkpoints;
    private final Boundary boundary;
    private final RunFolder folder;
    private final StepGate gate;
    private final SwapApplier swaps;
    private final SwapLedger ledger;
    private final BiConsumer<RunStatus, String> status;
    private final long start;
    private volatile Model model;
    private volatile Model raw;
    private long step;
    private double loss = Double.NaN;
    private boolean paused;

    /**
     * @param spec the experiment
     * @param run the prepared run
     * @param bindings the run's lookups
     * @param metrics the run's metrics
     * @param writer metrics.csv, flushed after steps
     * @param folder the run's folder
     * @param events the listener
     * @param log the run log
     * @param checkpoints writes the run's checkpoints
     * @param from the checkpoint to continue from (its streams already in {@code run}), or {@code null}
     *     to start at step 0
     * @param hot the run's control, its swap ledger and where its status goes while it pauses
     */
    public StepLoop(RunSpec spec, Prepared run, Bindings bindings, MetricStore metrics, MetricsWriter writer, RunFolder folder,
             Events events, RunLog log, Checkpoints checkpoints, Checkpoint from, Hot hot) {
        this.spec = spec;
        this.run = run;
        this.bindings = bindings;
        this.metrics = metrics;
        this.writer = writer;
        this.events = events;
        this.log = log;
        this.model = run.model();
        this.checkpoints = checkpoints;
        this.folder = folder;
        this.ledger = hot.ledger();
        this.status = hot.status();
        this.effect = new InEffect(spec);
        this.oracle = new Oracle(run.data().train(), run.trainable(), () -> model, bindings::loss,
                spec.component(ComponentKind.LOSS), spec.component(ComponentKind.ARCHITECTURE));
        Projector projector = new Projector(spec.constraints(), bindings::constraints, run.initial(), run.trainable());
        Map<ComponentKind, Config> configs = new EnumMap<>(ComponentKind.class);
        spec.components().forEach((kind, ref) -> configs.put(kind, ref.config()));
        this.ctx = new StepContextImpl(spec.stop().maxSteps(), run.params(), run.initial(), oracle,
                from == null ? new State() : from.optimizerState(), configs, run.optimizerStream(), metrics.latest(),
                projector);
        this.stepper = new OptimizerStep(bindings, effect, ctx, oracle, run, metrics);
        this.analyses = new Analyses(spec, bindings, run, oracle, metrics, folder, () -> model);
        this.start = from == null ? 0 : from.steps();
        this.boundary = new Boundary(checkpoints, folder.path(), events, log, start, hot.control());
        this.swaps = new SwapApplier(bindings.registry(), effect, analyses);
        this.gate = new StepGate(bindings, ledger, (ref, arch) -> Guard.call(ref, () -> arch.build(ref.config(),
                run.data().train().inputShape(), run.data().train().outputSize())));
        if (from != null) {
            metrics.restore(from.histories());
            analyses.restore(from.analyzerStates());
            oracle.restoreSampleGradients(from.sampleGradients());
            swaps.replay(from.steps(), SwapFiles.cutTo(folder.path(), from.steps()), spec);
            effect.check(from.optimizer(), from.schedule(), from.scheduleStart(),
                    CheckpointFile.in(folder.path()).toString());
            loss = from.loss();
            step = start;
        } else {
            SwapFiles.cutTo(folder.path(), -1);
        }
        SwapFiles.writeInEffect(folder.path(), swaps.names());
    }

    /**
     * What hot swap needs of the run around the loop.
     *
     * @param control the run's control (the container asking it to stop)
     * @param ledger records swaps
     * @param status where the run's status goes when it pauses and continues (the run store)
     */
    public record Hot(RunControl control, SwapLedger ledger, BiConsumer<RunStatus, String> status) {
    }

    /** @return the objects the run holds now: the service objects it last used and its model (for {@code stale}) */
    public List<Object> held() {
        List<Object> out = new ArrayList<>(bindings.held());
        Model m = raw;
        if (m != null) {
            out.add(m);
        }
        return out;
    }

    /**
     * The run's state between two steps, as a checkpoint (live references: write it at once).
     *
     * @param status RUNNING, STOPPED or the final status
     * @param steps the steps taken
     * @return the checkpoint
     */
    public Checkpoint capture(RunStatus status, long steps) {
        Map<String, Checkpoint.Stream> streams = new LinkedHashMap<>();
        run.analyzerStreams().forEach((label, s) -> streams.put(label, new Checkpoint.Stream(s.seed(), s.position())));
        RandomStream r = ctx.random();
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

    /** @return the index of the step under way (or the steps taken, between steps) */
    long step() {
        return step;
    }

    /** @return the latest training loss */
    public double loss() {
        return loss;
    }

    /** @return how the run ended; component failures end it FAILED */
    public Outcome run() {
        long max = spec.stop().maxSteps();
        long loopStart = System.nanoTime();
        long taken = start;
        RunStatus status = null;
        String message = null;
        Params params = run.params();
        Params before = params.zerosLike();
        try {
            for (long t = start; t < max && status == null; t++) {
                step = t;
                swaps.poll(t, folder.path(), ledger);
                if (boundary.stopsAt(t, loss, this::capture)) {
                    status = RunStatus.STOPPED;
                    message = "stopped on request after " + t + " steps";
                    break;
                }
                long stepStart = System.nanoTime();
                long analysisBefore = analyses.nanos();
                bind(false);
                applySwitch(t);
                before.set(params);
                long gradients = oracle.sampleGradients();
                double l = stepper.take(t, max, before);
                loss = l;
                if (!Double.isFinite(l)) {
                    params.set(before);
                    status = RunStatus.DIVERGED;
                    message = "diverged: the loss is " + number(l) + " at step " + t;
                } else if (converged(l)) {
                    params.set(before);
                    status = RunStatus.CONVERGED;
                    message = "converged: loss " + number(l) + " <= target " + number(spec.stop().targetLoss())
                            + " at step " + t;
                } else {
                    if (analyses.due(t)) {
                        events.analysis(t, l, analyses.run(t, before, false, gradients), "analysis at step " + t);
                    }
                    taken = t + 1;
                    if (!params.isFinite()) {
                        status = RunStatus.DIVERGED;
                        message = "diverged: the parameters are not finite after step " + t;
                        loss = Double.NaN;
                    } else {
                        events.progress(taken, l, false);
                    }
                }
                if (status != RunStatus.CONVERGED) {
                    bindings.release();
                }
                long took = System.nanoTime() - stepStart - (analyses.nanos() - analysisBefore);
                writer.flushIfDue(took >= SLOW_STEP_NANOS || analyses.nanos() > analysisBefore);
            }
            if (status == null) {
                taken = max;
                status = finalPoint(max);
                message = switch (status) {
                    case DIVERGED -> "diverged: the loss is " + number(loss) + " after the last step";
                    case CONVERGED -> "converged: loss " + number(loss) + " <= target " + number(spec.stop().targetLoss())
                            + " at step " + max;
                    default -> "completed " + max + " steps; loss " + number(loss);
                };
            }
            if (status == RunStatus.CONVERGED || status == RunStatus.COMPLETED) {
                Map<String, Double> scalars = analyses.run(taken, params, true, oracle.sampleGradients());
                if (!spec.analyzers().isEmpty()) {
                    events.analysis(taken, loss, scalars, "final analysis at step " + taken);
                }
            }
        } catch (StopSignal s) {
            status = RunStatus.STOPPED;
            message = s.getMessage();
            taken = step;
        } catch (ComponentFailure f) {
            status = RunStatus.FAILED;
            message = f.getMessage();
            log.error("step " + step + ": " + message, f);
        } catch (InvalidInputException e) {
            status = RunStatus.FAILED;
            message = e.oneLine();
            log.error("step " + step + ": " + message, e);
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            status = RunStatus.FAILED;
            message = "engine error: " + e;
            log.error("step " + step + ": " + message, e);
        } catch (OutOfMemoryError e) {
            status = RunStatus.FAILED;
            message = OutOfMemory.message(step, e);
            log.error("step " + step + ": " + message, e);
        } finally {
            bindings.release();
        }
        long stepNanos = System.nanoTime() - loopStart - analyses.nanos();
        return new Outcome(status, taken, loss, message, oracle.sampleGradients(), stepNanos, analyses.nanos());
    }

    /** Evaluates and records the loss after the last step; @return the status it gives */
    private RunStatus finalPoint(long max) {
        step = max;
        bind(true);
        double l = oracle.loss(run.params(), null);
        record(max, "train.loss", l);
        return !Double.isFinite(l) ? RunStatus.DIVERGED : converged(l) ? RunStatus.CONVERGED : RunStatus.COMPLETED;
    }

    private void record(long at, String name, double value) {
        metrics.record(at, name, value);
        if (name.equals("train.loss")) {
            loss = value;
        }
    }

    private boolean converged(double l) {
        return spec.stop().targetLoss() > 0 && l <= spec.stop().targetLoss();
    }

    /** Applies the spec's switch at step t, if it has one: new optimizer and/or schedule, same state. */
    private void applySwitch(long t) {
        String change = effect.apply(t);
        if (change != null) {
            String message = "step " + t + ": switched " + change;
            log.info(message + "; optimizer state carried over: " + ctx.state());
            events.notice(t, loss, message);
            SwapFiles.writeInEffect(folder.path(), swaps.names());
        }
    }

    /**
     * Binds the components of the step about to be taken (of the final evaluation and analysis when
     * {@code last}), pausing at this boundary while one of them cannot take over.
     */
    private void bind(boolean last) {
        gate.pass(new StepGate.Host() {
            @Override
            public List<StepGate.Need> needs() {
                return effect.needs(step, last, analyses.refs());
            }

            @Override
            public void paused(String why) {
                paused = true;
                boolean written = checkpoints.write(capture(RunStatus.PAUSED, step));
                ledger.note(step, "paused: " + why + (written ? "; checkpoint written" : ""));
                status.accept(RunStatus.PAUSED, why);
            }

            @Override
            public void resumed(String message) {
                paused = false;
                log.info(message);
                events.notice(step, loss, message);
                status.accept(RunStatus.RUNNING, "");
            }

            @Override
            public void idle() {
                String why = boundary.stopReason();
                if (why != null) {
                    boundary.stop(step, loss, StepLoop.this::capture, why);
                    throw new StopSignal("stopped on request after " + step + " steps");
                }
                if (swaps.poll(step, folder.path(), ledger) && paused) {
                    checkpoints.write(capture(RunStatus.PAUSED, step));
                }
            }

            @Override
            public Model model() {
                return model;
            }

            @Override
            public void rebuilt(Model newRaw) {
                raw = newRaw;
                model = run.scaling().wrap(newRaw);
                ComponentRef arch = spec.component(ComponentKind.ARCHITECTURE);
                log.info("step " + step + ": model rebuilt with the new " + arch.kind().key() + " " + arch.name());
            }

            @Override
            public long step() {
                return step;
            }
        });
    }

    /**
     * @param v a loss or target
     * @return it as the shell prints losses, {@code %.3e} ({@code 9.796e-08}); NaN and infinities as words
     */
    static String number(double v) {
        return Double.isFinite(v) ? String.format(java.util.Locale.ROOT, "%.3e", v) : Double.toString(v);
    }
}
