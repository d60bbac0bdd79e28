package org.overparam.engine.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.ComponentRegistry;
import org.overparam.api.run.RunListener;
import org.overparam.api.run.RunResult;
import org.overparam.api.run.RunSpec;
import org.overparam.api.run.RunStatus;
import org.overparam.api.run.SweepPoint;
import org.overparam.api.store.RunOutcome;
import org.overparam.api.store.RunStore;
import org.overparam.engine.internal.checkpoint.Checkpoint;
import org.overparam.engine.internal.checkpoint.CheckpointFile;
import org.overparam.engine.internal.checkpoint.Checkpoints;
import org.overparam.engine.internal.folder.Events;
import org.overparam.engine.internal.folder.MetricsWriter;
import org.overparam.engine.internal.folder.ResumedProvenance;
import org.overparam.engine.internal.folder.RunFolder;
import org.overparam.engine.internal.folder.RunIndex;
import org.overparam.engine.internal.folder.RunLock;
import org.overparam.engine.internal.folder.RunLog;
import org.overparam.engine.internal.folder.StoreFeed;
import org.overparam.engine.internal.loop.Outcome;
import org.overparam.engine.internal.loop.Prepared;
import org.overparam.engine.internal.loop.Restore;
import org.overparam.engine.internal.loop.StepLoop;
import org.overparam.engine.internal.registry.Bindings;
import org.overparam.engine.internal.registry.ComponentFailure;
import org.overparam.engine.internal.registry.JarHashes;
import org.overparam.engine.internal.swap.ActiveRuns;
import org.overparam.engine.internal.swap.HotSwap;
import org.overparam.engine.internal.swap.RunControl;
import org.overparam.engine.internal.swap.SwapFiles;
import org.overparam.engine.internal.swap.SwapLedger;
import org.overparam.engine.internal.swap.UnreadableJars;
import org.overparam.engine.runfolder.ResultJson;
import org.overparam.engine.runfolder.RunFileNames;

/**
 * One experiment from its spec to its result, on the calling thread: {@link RunSetup} (nothing on
 * disk yet), then the run folder ({@link RunFolder}, locked by {@link RunLock} while the run runs),
 * then the {@link StepLoop}, then result.json and, for a run that ended with a result, the final
 * checkpoint. Beside them it writes provenance.json and, when a {@link RunStore} is present, indexes
 * the run there as it goes ({@link RunIndex}). {@link #execute} opens a new folder, {@link #resume}
 * an existing one at a checkpoint ({@link Resume} checks the folder first); from there both take one
 * path.
 *
 * <p>An {@link InvalidInputException} during setup reaches the caller and leaves nothing on disk. Any
 * other failure during setup, or any failure of a component during the loop, ends the run FAILED:
 * the message names the component ({@code optimizer gd threw IllegalStateException: boom}), the stack
 * trace goes to run.log, and everything recorded so far is kept.
 */
final class Run {
    /** How long the loop waits for a component whose bundle went away before it pauses the run (setup: fails). */
    static final long MISSING_WAIT_MILLIS = 10_000;
    private final ComponentRegistry registry;
    private final RunSpec spec;
    private final Path runsDirectory;
    private final RunListener listener;
    private final long missingWaitMillis;
    private final long start = System.nanoTime();
    private final LocalDateTime started = LocalDateTime.now();
    private RunStore store;
    private ActiveRuns active = new ActiveRuns();
    private UnreadableJars unreadable = new UnreadableJars();
    private JarHashes hashes = new JarHashes();
    private RunLog log;
    private StepLoop loop;
    private RunControl control;
    private final List<String> notices = new ArrayList<>();

    /**
     * @param registry where components are looked up, by name, at every step
     * @param spec the experiment
     * @param runsDirectory where the run folder goes
     * @param listener receives the run's events
     * @param missingWaitMillis how long to wait for a component that went away
     */
    Run(ComponentRegistry registry, RunSpec spec, Path runsDirectory, RunListener listener, long missingWaitMillis) {
        this.registry = registry;
        this.spec = spec;
        this.runsDirectory = runsDirectory;
        this.listener = listener == null ? RunListener.NONE : listener;
        this.missingWaitMillis = missingWaitMillis;
    }

    /**
     * @param runStore the run store to index the run in, or {@code null} for none
     * @return this
     */
    Run withStore(RunStore runStore) {
        this.store = runStore;
        return this;
    }

    /**
     * @param runs the engine's active runs (which the run joins) and their lock table
     * @param jars the unreadable jars the run's pauses name
     * @param jarHashes the engine's cache of jar hashes, for the provenance
     * @return this
     */
    Run withContainer(ActiveRuns runs, UnreadableJars jars, JarHashes jarHashes) {
        this.active = runs;
        this.unreadable = jars;
        this.hashes = jarHashes;
        return this;
    }

    /**
     * @return how the run ended
     * @throws InvalidInputException if the spec or a component's input is wrong before the first step
     */
    RunResult execute() {
        Setup setup = setup(null, null);
        RunFolder folder = RunFolder.createFor(runsDirectory, spec.name(), started);
        String text = spec.text() == null ? "" : spec.text();
        MetricsWriter writer = null;
        RunLock lock = null;
        try {
            lock = active.locks().acquire(folder.path(), folder.id());
            log = new RunLog(folder.file(RunFileNames.LOG));
            folder.writeText(RunFileNames.SPEC, text);
            writer = new MetricsWriter(folder.file(RunFileNames.METRICS));
        } catch (IOException | RuntimeException e) {
            closeLog();
            if (lock != null) {
                lock.close();
            }
            folder.delete();
            throw new InvalidInputException(runsDirectory.toString(), "cannot write the run folder " + folder.id()
                    + ": " + e.getMessage());
        }
        String renamed = RunFolder.renamedNotice(spec.name(), folder.id());
        log.info("run " + folder.id() + " started: " + (renamed == null ? spec.name() : RunFolder.safe(spec.name()))
                + ", seed " + spec.seed()
                + (spec.source() == null || spec.source().isEmpty() ? "" : ", from " + spec.source()));
        if (renamed != null) {
            log.info(renamed);
            notices.add(renamed);
        }
        try {
            return finish(folder, writer, setup, null, SweepPoint.key(text), ResumedProvenance.NONE);
        } finally {
            lock.close();
        }
    }

    /**
     * Continues a run in its folder; the caller holds the folder's lock and has checked the checkpoint.
     *
     * @param folder the run's folder
     * @param from its checkpoint, or {@code null} to start again from step 0
     * @param specSha the SHA-256 of its spec.yaml
     * @param cutStore cuts the run store's rows back to the checkpoint, run when metrics.csv is cut
     * @param previousEnd a line for run.log saying how the previous process ended the run
     * @return how it ended
     * @throws InvalidInputException if the spec or a component's input is wrong before the first step, or
     *     the checkpoint does not fit the run set up now; nothing is changed on disk then
     */
    RunResult resume(RunFolder folder, Checkpoint from, String specSha, Runnable cutStore, String previousEnd) {
        Setup setup = setup(from, CheckpointFile.in(folder.path()).toString());
        MetricsWriter writer = null;
        try {
            log = new RunLog(folder.file(RunFileNames.LOG), true);
            writer = from == null ? new MetricsWriter(folder.file(RunFileNames.METRICS))
                    : MetricsWriter.resume(folder.file(RunFileNames.METRICS), from.metricsBytes());
            Files.deleteIfExists(folder.file(RunFileNames.RESULT));
            cutStore.run();
        } catch (IOException | RuntimeException e) {
            closeQuietly(writer);
            closeLog();
            throw new InvalidInputException(folder.path().toString(), "cannot write the run folder: " + e.getMessage());
        }
        log.info("run " + folder.id() + " resumed " + (from == null ? "from its first step (it has no checkpoint)"
                : "from its checkpoint after " + from.steps() + " steps; metrics.csv cut back to its first "
                + from.metricsBytes() + " bytes"));
        log.info(previousEnd);
        List<String> changes = from == null || setup.prepared() == null ? List.of()
                : Restore.changes(from.providers(), Restore.providers(setup.prepared().infos()));
        return finish(folder, writer, setup, from, specSha,
                ResumedProvenance.of(folder.path(), from == null ? -1 : from.steps(), changes, log));
    }

    /** The run's lookups and, before anything is written, its prepared run or the component's failure. */
    private record Setup(Bindings bindings, Prepared prepared, ComponentFailure failure) {
    }

    private Setup setup(Checkpoint from, String where) {
        Bindings bindings = new Bindings(registry, missingWaitMillis, ref -> {
            if (log != null) {
                log.info("setup: waiting for " + ref.kind().key() + " " + ref.name()
                        + ", which is not installed right now");
            }
        });
        try {
            Prepared prepared = RunSetup.prepare(registry, bindings, spec);
            return new Setup(bindings, from == null ? prepared : Restore.apply(prepared, from, where), null);
        } catch (ComponentFailure f) {
            return new Setup(bindings, null, f);
        }
    }

    /** The one path of a new and a resumed run once its folder is open: the loop, then the result. */
    private RunResult finish(RunFolder folder, MetricsWriter writer, Setup setup, Checkpoint from, String specSha,
                             ResumedProvenance resumed) {
        long setupNanos = System.nanoTime() - start;
        Prepared prepared = setup.prepared();
        Events events = new Events(listener, folder.id(), spec.stop().maxSteps(), log);
        notices.forEach(n -> events.notice(0, Double.NaN, n));
        RunIndex index = new RunIndex(folder, log, resumed);
        StoreFeed feed = index.begin(registry, spec, prepared == null ? Map.of() : prepared.infos(), specSha, started,
                store, runsDirectory, hashes);
        writer.feed(feed);
        Checkpoints checkpoints = new Checkpoints(spec.checkpoint(), folder.path(), specSha,
                prepared == null ? List.of() : Restore.providers(prepared.infos()), writer, log);
        Outcome outcome;
        try (writer) {
            outcome = setup.failure() != null ? failed(setup.failure(), from == null ? 0 : from.steps())
                    : loop(folder, writer, setup, from, events, index, resumed, checkpoints, feed);
            writer.flushIfDue(true);
        } catch (IOException e) {
            log.error("closing metrics.csv failed", e);
            outcome = new Outcome(RunStatus.FAILED, 0, Double.NaN, "cannot write metrics.csv: " + e, 0, 0, 0);
        }
        List<String> unapplied = SwapFiles.ended(folder.path());
        if (unapplied != null) {
            log.info("swap request " + unapplied + " not applied: the run ended first");
        }
        Map<String, Double> latest = loop == null ? Map.of() : loop.metrics().latestCopy();
        long totalNanos = System.nanoTime() - start;
        Map<String, Double> timings = outcome.timings(setupNanos, totalNanos);
        folder.writeText(RunFileNames.RESULT, new ResultJson()
                .text("id", folder.id()).text("name", spec.name()).number("seed", spec.seed())
                .text("status", outcome.status().name()).number("steps", outcome.steps()).number("loss", outcome.loss())
                .text("message", outcome.message()).number("sample_gradients", outcome.sampleGradients())
                .text("started", ResultJson.stamp(started)).text("finished", ResultJson.stamp(LocalDateTime.now()))
                .object("timings", timings).object("metrics", latest).build());
        if (loop != null && outcome.status().isFinished()) {
            if (checkpoints.enabled()) {
                checkpoints.write(loop.capture(outcome.status(), outcome.steps()));
            } else {
                CheckpointFile.delete(folder.path());
            }
        }
        feed.finish(folder.path(), new RunOutcome(outcome.status(), outcome.steps(), outcome.loss(), outcome.message(),
                Instant.now(), timings, latest));
        log.info("run " + folder.id() + " ended: " + outcome.status() + " after " + outcome.steps() + " steps, loss "
                + outcome.loss() + " (" + outcome.message() + "); " + Outcome.seconds(totalNanos) + " s");
        log.close();
        if (control != null) {
            active.remove(control);
        }
        events.finished(outcome.steps(), outcome.loss(), latest, outcome.message());
        if (loop != null && loop.interrupted()) {
            Thread.currentThread().interrupt();
        }
        return new RunResult(folder.id(), outcome.status(), outcome.steps(), outcome.loss(), folder.path(), latest,
                outcome.message());
    }

    private Outcome failed(ComponentFailure failure, long steps) {
        log.error("setup failed: " + failure.getMessage(), failure);
        return new Outcome(RunStatus.FAILED, steps, Double.NaN, failure.getMessage(), 0, 0, 0);
    }

    /** Builds the loop, joins the active runs and runs it. */
    private Outcome loop(RunFolder folder, MetricsWriter writer, Setup setup, Checkpoint from, Events events,
                         RunIndex index, ResumedProvenance resumed, Checkpoints checkpoints, StoreFeed feed) {
        Prepared prepared = setup.prepared();
        RunDescription.log(prepared, spec, log, events);
        RunControl runControl = new RunControl(folder.id(), folder.path(),
                () -> loop == null ? List.of() : loop.held());
        SwapLedger ledger = new SwapLedger(registry, hashes, index.provenance(), resumed.swaps(), log, events,
                () -> loop == null ? Double.NaN : loop.loss(), index::swapped);
        loop = new StepLoop(spec, prepared, setup.bindings(), writer, folder, events, log,
                checkpoints, from, new HotSwap.Wiring(runControl, ledger, feed::status, unreadable));
        events.started(spec.name() + ": " + prepared.model().layout().size() + " parameters, "
                + prepared.data().train().n() + " training samples, seed " + spec.seed());
        control = runControl;
        active.add(control);
        Outcome outcome = loop.run();
        if (outcome.steps() > 0 || !Double.isNaN(outcome.loss())) {
            events.progress(outcome.steps(), outcome.loss(), true);
        }
        return outcome;
    }

    /** Stops a writer that no run will use (its thread and file), keeping the failure being reported. */
    private static void closeQuietly(MetricsWriter writer) {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException | RuntimeException ignored) {
                // the failure that made the run give up is the one reported
            }
        }
    }

    private void closeLog() {
        if (log != null) {
            log.close();
        }
    }
}
