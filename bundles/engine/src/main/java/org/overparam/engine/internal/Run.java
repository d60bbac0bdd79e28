package org.overparam.engine.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.ComponentInfo;
import org.overparam.api.run.ComponentRef;
import org.overparam.api.run.ComponentRegistry;
import org.overparam.api.run.RunListener;
import org.overparam.api.run.Provenance;
import org.overparam.api.run.RunOutcome;
import org.overparam.api.run.RunRecord;
import org.overparam.api.run.RunResult;
import org.overparam.api.run.RunSpec;
import org.overparam.api.run.RunStatus;
import org.overparam.api.run.RunStore;
import org.overparam.api.run.SweepPoint;
import org.overparam.api.run.Switch;
import org.overparam.engine.internal.checkpoint.Checkpoint;
import org.overparam.engine.internal.checkpoint.CheckpointFile;
import org.overparam.engine.internal.checkpoint.Checkpoints;
import org.overparam.engine.internal.folder.Events;
import org.overparam.engine.internal.folder.MetricStore;
import org.overparam.engine.internal.folder.MetricsWriter;
import org.overparam.engine.internal.folder.ProvenanceFile;
import org.overparam.engine.internal.folder.ProvenanceJson;
import org.overparam.engine.internal.folder.ProvenanceProbe;
import org.overparam.engine.internal.folder.ResultJson;
import org.overparam.engine.internal.folder.ResumedProvenance;
import org.overparam.engine.internal.folder.RunFolder;
import org.overparam.engine.internal.folder.RunLock;
import org.overparam.engine.internal.folder.RunLog;
import org.overparam.engine.internal.folder.SpecParams;
import org.overparam.engine.internal.folder.StoreFeed;
import org.overparam.engine.internal.loop.Outcome;
import org.overparam.engine.internal.loop.Prepared;
import org.overparam.engine.internal.loop.Restore;
import org.overparam.engine.internal.loop.StepLoop;
import org.overparam.engine.internal.registry.Bindings;
import org.overparam.engine.internal.registry.ComponentFailure;
import org.overparam.engine.internal.swap.ActiveRuns;
import org.overparam.engine.internal.swap.RunControl;
import org.overparam.engine.internal.swap.SwapFiles;
import org.overparam.engine.internal.swap.SwapLedger;

/**
 * One experiment from its spec to its result, on the calling thread: {@link RunSetup} (nothing on
 * disk yet), then the run folder ({@link RunFolder}, locked by {@link RunLock} while the run runs),
 * then the {@link StepLoop}, then result.json and, for a run that ended with a result, the final
 * checkpoint. Beside them it writes provenance.json ({@link ProvenanceProbe}) and, when a
 * {@link RunStore} is present, indexes the run there as it goes ({@link StoreFeed}). {@link #resume}
 * continues a run in its existing folder from a checkpoint instead
 * ({@link Resume} checks the folder first).
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
    private RunLog log;
    private Events events;
    private StepLoop loop;
    private RunStore store;
    private StoreFeed feed = StoreFeed.NONE;
    private RunRecord record;
    private RunControl active;
    private Provenance provenance = Provenance.unknown();
    private final List<String> notices = new java.util.ArrayList<>();
    private ResumedProvenance resumed = ResumedProvenance.NONE;
    private List<String> resumes = List.of();

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
     * @return how the run ended
     * @throws InvalidInputException if the spec or a component's input is wrong before the first step
     */
    RunResult execute() {
        long start = System.nanoTime();
        LocalDateTime started = LocalDateTime.now();
        Bindings bindings = new Bindings(registry, missingWaitMillis, new Swaps());
        Prepared prepared = null;
        ComponentFailure setupFailure = null;
        try {
            prepared = RunSetup.prepare(registry, bindings, spec);
        } catch (ComponentFailure f) {
            setupFailure = f;
        }
        RunFolder folder = createFolder(started);
        String text = spec.text() == null ? "" : spec.text();
        MetricsWriter writer = null;
        RunLock lock = null;
        try {
            lock = RunLock.acquire(folder.path(), folder.id());
            log = new RunLog(folder.file("run.log"));
            folder.writeText("spec.yaml", text);
            writer = new MetricsWriter(folder.file("metrics.csv"));
        } catch (IOException | RuntimeException e) {
            if (log != null) {
                log.close();
            }
            if (lock != null) {
                lock.close();
            }
            deleteQuietly(folder.path());
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
            return finish(folder, writer, bindings, prepared, setupFailure, null, SweepPoint.key(text), start, started);
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
        long start = System.nanoTime();
        LocalDateTime started = LocalDateTime.now();
        Bindings bindings = new Bindings(registry, missingWaitMillis, new Swaps());
        Prepared prepared = null;
        ComponentFailure setupFailure = null;
        String where = CheckpointFile.in(folder.path()).toString();
        try {
            prepared = RunSetup.prepare(registry, bindings, spec);
            if (from != null) {
                prepared = Restore.apply(prepared, from, where);
            }
        } catch (ComponentFailure f) {
            setupFailure = f;
        }
        MetricsWriter writer;
        try {
            log = new RunLog(folder.file("run.log"), true);
            writer = from == null ? new MetricsWriter(folder.file("metrics.csv"))
                    : MetricsWriter.resume(folder.file("metrics.csv"), from.metricsBytes());
            Files.deleteIfExists(folder.file("result.json"));
            cutStore.run();
        } catch (IOException | RuntimeException e) {
            if (log != null) {
                log.close();
            }
            throw new InvalidInputException(folder.path().toString(), "cannot write the run folder: " + e.getMessage());
        }
        log.info("run " + folder.id() + " resumed " + (from == null ? "from its first step (it has no checkpoint)"
                : "from its checkpoint after " + from.steps() + " steps; metrics.csv cut back to its first "
                + from.metricsBytes() + " bytes"));
        log.info(previousEnd);
        List<String> changes = from == null || prepared == null ? List.of()
                : Restore.changes(from.providers(), Restore.providers(prepared.infos()));
        changes.forEach(change -> log.info("component version differs: " + change));
        resumed = ResumedProvenance.of(folder.path(), from == null ? -1 : from.steps(), changes);
        resumed.swaps().forEach(w -> log.info("swap kept from before the resume: " + ProvenanceFile.describe(w)));
        return finish(folder, writer, bindings, prepared, setupFailure, from, specSha, start, started);
    }

    private RunResult finish(RunFolder folder, MetricsWriter writer, Bindings bindings, Prepared prepared,
                             ComponentFailure setupFailure, Checkpoint from, String specSha, long start,
                             LocalDateTime started) {
        long setupNanos = System.nanoTime() - start;
        events = new Events(listener, folder.id(), spec.stop().maxSteps(), log);
        notices.forEach(n -> events.notice(0, Double.NaN, n));
        index(folder, prepared, specSha, started);
        writer.feed(feed);
        Checkpoints checkpoints = new Checkpoints(spec.checkpoint(), folder.path(), specSha,
                prepared == null ? List.of() : Restore.providers(prepared.infos()), writer, log);
        Outcome outcome;
        try (writer) {
            if (setupFailure != null) {
                log.error("setup failed: " + setupFailure.getMessage(), setupFailure);
                outcome = new Outcome(RunStatus.FAILED, from == null ? 0 : from.steps(), Double.NaN,
                        setupFailure.getMessage(), 0, 0, 0);
            } else {
                describe(prepared);
                MetricStore metrics = new MetricStore(writer);
                RunControl control = new RunControl(folder.id(), folder.path(),
                        () -> loop == null ? List.of() : loop.held());
                SwapLedger ledger = new SwapLedger(registry, provenance, resumed.swaps(), log, events,
                        () -> loop == null ? Double.NaN : loop.loss(), (p, swaps) -> swapped(folder, p, swaps));
                loop = new StepLoop(spec, prepared, bindings, metrics, writer, folder, events, log, checkpoints, from,
                        new StepLoop.Hot(control, ledger, feed::status));
                events.started(spec.name() + ": " + prepared.model().layout().size() + " parameters, "
                        + prepared.data().train().n() + " training samples, seed " + spec.seed());
                ActiveRuns.INSTANCE.add(control);
                try {
                    outcome = loop.run();
                } finally {
                    active = control;
                }
                if (outcome.steps() > 0 || !Double.isNaN(outcome.loss())) {
                    events.progress(outcome.steps(), outcome.loss(), true);
                }
            }
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
        folder.writeText("result.json", new ResultJson()
                .text("id", folder.id()).text("name", spec.name()).number("seed", spec.seed())
                .text("status", outcome.status().name()).number("steps", outcome.steps()).number("loss", outcome.loss())
                .text("message", outcome.message()).number("sample_gradients", outcome.sampleGradients())
                .text("started", stamp(started)).text("finished", stamp(LocalDateTime.now()))
                .object("timings", timings(setupNanos, outcome, totalNanos)).object("metrics", latest).build());
        if (loop != null && outcome.status().isFinished()) {
            if (checkpoints.enabled()) {
                checkpoints.write(loop.capture(outcome.status(), outcome.steps()));
            } else {
                CheckpointFile.delete(folder.path());
            }
        }
        feed.finish(folder.path(), new RunOutcome(outcome.status(), outcome.steps(), outcome.loss(), outcome.message(),
                Instant.now(), timings(setupNanos, outcome, totalNanos), latest));
        log.info("run " + folder.id() + " ended: " + outcome.status() + " after " + outcome.steps() + " steps, loss "
                + outcome.loss() + " (" + outcome.message() + "); " + seconds(totalNanos) + " s");
        log.close();
        if (active != null) {
            ActiveRuns.INSTANCE.remove(active);
        }
        events.finished(outcome.steps(), outcome.loss(), latest, outcome.message());
        if (loop != null && loop.interrupted()) {
            Thread.currentThread().interrupt();
        }
        return new RunResult(folder.id(), outcome.status(), outcome.steps(), outcome.loss(), folder.path(), latest,
                outcome.message());
    }

    /**
     * Writes provenance.json and registers the run in the store (when there is one), with its
     * parameters, its sweep (the runs folder's name when it holds a sweep.yaml) and its provenance.
     */
    private void index(RunFolder folder, Prepared prepared, String specSha, LocalDateTime started) {
        Map<ComponentRef, ComponentInfo> infos = prepared == null ? Map.of() : prepared.infos();
        provenance = ProvenanceProbe.of(registry, infos);
        resumes = resumed.resumes(provenance);
        provenance = resumed.provenance(provenance);
        try {
            folder.writeText("provenance.json", ProvenanceJson.of(provenance, resumed.swaps(), resumes));
        } catch (RuntimeException e) {
            log.error("cannot write provenance.json", e);
        }
        Path parent = folder.path().toAbsolutePath().normalize().getParent();
        boolean inSweep = parent != null && Files.isRegularFile(parent.resolve("sweep.yaml"));
        String sweep = inSweep && parent.getFileName() != null ? parent.getFileName().toString() : "";
        record = new RunRecord(folder.id(), spec.name(), folder.path(), spec.text(), spec.seed(),
                SpecParams.of(spec, infos), Set.of(), sweep, inSweep ? specSha : "",
                started.atZone(ZoneId.systemDefault()).toInstant(), provenance);
        feed = StoreFeed.begin(store, parent == null ? runsDirectory : parent, record, log);
    }

    /** After a swap: provenance.json rewritten with the swaps, and the run registered again in the store. */
    private void swapped(RunFolder folder, Provenance now, List<String> swaps) {
        try {
            folder.writeText("provenance.json", ProvenanceJson.of(now, swaps, resumes));
        } catch (RuntimeException e) {
            log.error("cannot write provenance.json", e);
        }
        if (record != null) {
            record = new RunRecord(record.id(), record.name(), record.folder(), record.spec(), record.seed(),
                    record.params(), record.tags(), record.sweep(), record.point(), record.created(), now);
            feed.reregister(record);
        }
    }

    private RunFolder createFolder(LocalDateTime started) {
        try {
            return RunFolder.create(runsDirectory, spec.name(), started, () -> ThreadLocalRandom.current().nextInt());
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException(runsDirectory.toString(), "cannot create a run folder: " + e);
        }
    }

    private void describe(Prepared p) {
        for (String notice : p.notices()) {
            log.info("notice: " + notice);
            events.notice(0, Double.NaN, notice);
        }
        for (Map.Entry<ComponentRef, ComponentInfo> e : p.infos().entrySet()) {
            ComponentRef r = e.getKey();
            log.info(r.kind().key() + " " + r.name() + " (" + e.getValue().bundle() + " " + e.getValue().version()
                    + ") " + r.config().values());
        }
        log.info("data: " + p.data().description() + "; " + p.data().train().n() + " training and "
                + p.data().test().n() + " test samples of shape " + p.data().train().inputShape() + ", "
                + p.data().train().outputSize() + " outputs");
        StringBuilder frozen = new StringBuilder();
        for (int i = 0; i < p.trainable().length; i++) {
            if (!p.trainable()[i]) {
                frozen.append(frozen.length() == 0 ? "" : ", ").append(p.model().layout().block(i).name());
            }
        }
        log.info("model: " + p.model().layout().size() + " parameters in " + p.model().layout() + "; frozen: "
                + (frozen.length() == 0 ? "none" : frozen));
        log.info("stop: at most " + spec.stop().maxSteps() + " steps"
                + (spec.stop().targetLoss() > 0 ? ", or at loss <= " + spec.stop().targetLoss() : ""));
        for (Switch s : spec.switches()) {
            String opt = s.optimizer() == null ? ""
                    : " optimizer " + s.optimizer().name() + " " + s.optimizer().config().values();
            String sched = s.schedule() == null ? ""
                    : " schedule " + s.schedule().name() + " " + s.schedule().config().values();
            log.info("switch planned at step " + s.at() + ":" + opt + sched);
        }
    }

    private static Map<String, Double> timings(long setupNanos, Outcome o, long totalNanos) {
        Map<String, Double> t = new LinkedHashMap<>();
        t.put("setup_seconds", seconds(setupNanos));
        t.put("steps_seconds", seconds(o.stepNanos()));
        t.put("analysis_seconds", seconds(o.analysisNanos()));
        t.put("total_seconds", seconds(totalNanos));
        return t;
    }

    private static String stamp(LocalDateTime t) {
        return t.truncatedTo(ChronoUnit.MILLIS).atZone(ZoneId.systemDefault()).toOffsetDateTime().toString();
    }

    private static double seconds(long nanos) {
        return Math.round(nanos / 1e6) / 1e3;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            dir.toFile().deleteOnExit();
        }
    }

    /** Logs waits for components during setup. */
    private final class Swaps implements Bindings.Swaps {
        @Override
        public void waiting(ComponentRef ref) {
            if (log != null) {
                log.info("setup: waiting for " + ref.kind().key() + " " + ref.name()
                        + ", which is not installed right now");
            }
        }
    }
}
