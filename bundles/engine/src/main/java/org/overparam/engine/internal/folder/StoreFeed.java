package org.overparam.engine.internal.folder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.overparam.api.run.RunStatus;
import org.overparam.api.store.ArtifactRecord;
import org.overparam.api.store.MetricRow;
import org.overparam.api.store.RunOutcome;
import org.overparam.api.store.RunRecord;
import org.overparam.api.store.RunStore;
import org.overparam.engine.internal.registry.JarHashes;

/**
 * A run's link to the {@link RunStore}, when one is present. The run thread only hands work over:
 * the registration ({@link RunStore#begin}), then the rows recorded between two flushes of
 * metrics.csv as one batch at that flush, go to a single writer thread of this run, which makes the
 * calls in order. So the store never slows the steps, and results do not depend on it.
 *
 * <p>{@link #sync} waits until every row handed so far is committed; {@link MetricsWriter#sync}
 * calls it before a checkpoint is written, so a checkpoint never counts a row the store lacks. At
 * the end, {@link #finish} records the artifacts ({@code artifacts/**} and {@code checkpoint/**},
 * with size and SHA-256) and the outcome, and waits for all of it. A kill loses at most the rows
 * handed since the last flush that had committed; a resume cuts the store back to its checkpoint
 * ({@link RunStore#truncateAfter}) and records the rest again.
 *
 * <p>The store is an index: when it fails, the failure is written once to run.log and the run goes
 * on without it (its folder keeps the full record).
 */
public final class StoreFeed implements MetricStore.Sink {
    /** A feed that records nothing (no store present). */
    public static final StoreFeed NONE = new StoreFeed(null, null, "", null);
    /** The folders of a run whose files are indexed as artifacts. */
    static final List<String> ARTIFACT_FOLDERS = List.of("artifacts", RunFolder.CHECKPOINT);

    private final RunStore store;
    private final Path runs;
    private final String runId;
    private final RunLog log;
    private final ExecutorService writer;
    private List<MetricRow> buffer = new ArrayList<>();
    private volatile boolean broken;

    private StoreFeed(RunStore store, Path runs, String runId, RunLog log) {
        this.store = store;
        this.runs = runs;
        this.runId = runId;
        this.log = log;
        this.writer = store == null ? null : Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "overparam-store " + runId);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts the feed with the run's registration, on the writer thread like everything else (opening
     * the store, the first time in a process, takes a moment the steps need not wait for).
     *
     * @param store the store, or {@code null}
     * @param runs the runs folder
     * @param run the run
     * @param log the run's log
     * @return the feed, or {@link #NONE} without a store
     */
    public static StoreFeed begin(RunStore store, Path runs, RunRecord run, RunLog log) {
        if (store == null) {
            return NONE;
        }
        StoreFeed feed = new StoreFeed(store, runs, run.id(), log);
        feed.submit(() -> store.begin(runs, run));
        return feed;
    }

    @Override
    public void record(long step, String name, double value) {
        if (writer != null) {
            buffer.add(new MetricRow(step, name, value));
        }
    }

    /** Hands the rows recorded since the last flush to the writer thread. */
    void flush() {
        if (writer == null || buffer.isEmpty()) {
            return;
        }
        List<MetricRow> batch = buffer;
        buffer = new ArrayList<>();
        submit(() -> store.appendMetrics(runs, runId, batch));
    }

    /** Flushes and waits until the store has committed every row recorded so far. */
    void sync() {
        if (writer == null) {
            return;
        }
        flush();
        await(submit(() -> { }));
    }

    /**
     * @param status the run's status now (PAUSED while it waits for a component, RUNNING again)
     * @param message a line for humans
     */
    public void status(RunStatus status, String message) {
        if (writer != null) {
            submit(() -> store.setStatus(runs, runId, status, message));
        }
    }

    /**
     * Registers the run again with a new record (its provenance after a swap), keeping the tags it has
     * been given in the store meanwhile.
     *
     * @param run the run's record now
     */
    public void reregister(RunRecord run) {
        if (writer != null) {
            submit(() -> {
                java.util.Set<String> tags = new java.util.TreeSet<>(run.tags());
                store.run(runs, runId).ifPresent(d -> tags.addAll(d.summary().tags()));
                store.begin(runs, new RunRecord(run.id(), run.name(), run.folder(), run.spec(), run.seed(), run.params(),
                        tags, run.sweep(), run.point(), run.created(), run.provenance()));
            });
        }
    }

    /**
     * Records the artifacts and the outcome, waits for the writer to finish and stops it.
     *
     * @param folder the run's folder
     * @param outcome how the run ended
     */
    public void finish(Path folder, RunOutcome outcome) {
        if (writer == null) {
            return;
        }
        flush();
        for (String dir : ARTIFACT_FOLDERS) {
            Path d = folder.resolve(dir);
            if (Files.isDirectory(d)) {
                submit(() -> artifacts(folder, d));
            }
        }
        await(submit(() -> store.finish(runs, runId, outcome)));
        writer.shutdown();
    }

    private void artifacts(Path folder, Path dir) {
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        for (Path f : files) {
            try {
                String name = folder.relativize(f).toString().replace('\\', '/');
                store.addArtifact(runs, runId, new ArtifactRecord(name, f.toAbsolutePath().normalize().toString(),
                        Files.size(f), JarHashes.digest(f)));
            } catch (IOException e) {
                log.info("run store: cannot read the artifact " + f + ": " + e.getMessage());
            }
        }
    }

    private Future<?> submit(Runnable work) {
        return writer.submit(() -> {
            if (broken) {
                return;
            }
            try {
                work.run();
            } catch (RuntimeException e) {
                broken = true;
                log.info("run store: " + e.getMessage() + "; the run goes on without the store (its folder keeps"
                        + " every record)");
            }
        });
    }

    /** Waits for a task, also through an interrupt (which is kept for the run to see). */
    private static void await(Future<?> f) {
        boolean interrupted = false;
        while (true) {
            try {
                f.get(10, TimeUnit.MINUTES);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
