package org.overparam.shell.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.ExperimentRunner;
import org.overparam.api.run.RunResult;
import org.overparam.api.run.RunStatus;
import org.overparam.api.run.StartOrder;
import org.overparam.api.run.Sweep;
import org.overparam.api.run.SweepPoint;
import org.overparam.linalg.Linalg;

/**
 * Runs a sweep's points, up to {@code parallel} at once, each on a thread of its own ({@code sweep-run-k});
 * one at a time in the order of the points, several at once largest estimated work first ({@link StartOrder},
 * the runner's {@link ExperimentRunner#cost}), so that the sweep does not end with a large run alone; the
 * table keeps the points' order. A point already finished (a resumed sweep) is skipped, an interrupted one
 * resumed from its checkpoint. Runs are deterministic per seed and share nothing, so the results are those
 * of the serial sweep whatever the parallelism. A run that is stopped ({@code stop RUN}, or an interrupt)
 * ends the sweep: no point starts after it, and the points never started are "not run". When the thread
 * running the sweep is interrupted (Ctrl-C in the shell), every active run's thread is interrupted and
 * stops at its next boundary with a checkpoint, and the sweep waits for them before it prints its table.
 * With several runs at once, each run's Java kernels are capped at one thread ({@link Linalg#limitThreads}),
 * in a long-lived shell's {@code op:sweep} as on the command line.
 */
final class SweepRuns {
    private final ExperimentRunner runner;
    private final LongSupplier nanos;
    private final int parallel;

    /**
     * @param runner runs the points
     * @param nanos a monotonic clock in nanoseconds
     * @param parallel how many runs at once, at least 1
     */
    SweepRuns(ExperimentRunner runner, LongSupplier nanos, int parallel) {
        if (parallel < 1) {
            throw new IllegalArgumentException("at least one run at once, not " + parallel);
        }
        this.runner = runner;
        this.nanos = nanos;
        this.parallel = parallel;
    }

    /**
     * @param sweep the sweep
     * @param dir its folder
     * @param t where to print
     * @return the exit code: 0 when every run converged or completed, 1 otherwise
     */
    int runAll(Sweep sweep, Path dir, Terminal t) {
        Map<String, SweepFolder.Done> done = SweepFolder.finished(dir);
        Map<String, Path> interrupted = SweepFolder.interrupted(dir);
        List<SweepPoint> points = sweep.points();
        int n = points.size();
        long skip = points.stream().filter(p -> done.containsKey(p.key())).count();
        int threads = (int) Math.max(1, Math.min(parallel, n - skip));
        t.err().println("sweep " + sweep.name() + ": " + n + " run" + (n == 1 ? "" : "s") + " in " + dir
                + (skip > 0 ? "; " + skip + " finished before" : "") + (threads > 1 ? "; " + threads + " at once" : ""));
        SweepProgress progress = new SweepProgress(t.err(), t.live(), nanos, n);
        if (threads > 1) {
            progress.parallel();
        }
        SweepTable.Row[] rows = new SweepTable.Row[n];
        AtomicBoolean stopped = new AtomicBoolean();
        List<Future<?>> futures = new ArrayList<>();
        List<Thread> workers = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread w = new Thread(r, "sweep-run-" + (workers.size() + 1));
            workers.add(w);
            return w;
        });
        try {
            List<Integer> toRun = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                SweepPoint p = points.get(i);
                SweepFolder.Done d = done.get(p.key());
                if (d != null) {
                    progress.skipped(p.index() - 1, shown(p));
                    rows[i] = new SweepTable.Row(p, d.status().name(), d.steps(), d.loss(),
                            d.folder().getFileName().toString(), true);
                } else {
                    toRun.add(i);
                }
            }
            for (int at : startOrder(points, toRun, threads)) {
                SweepPoint p = points.get(at);
                futures.add(pool.submit(() -> {
                    // Several runs at once fill the cores: each run's Java kernels keep to its own thread.
                    int cap = threads > 1 ? Linalg.limitThreads(1) : -1;
                    try {
                        rows[at] = stopped.get() || Thread.currentThread().isInterrupted()
                                ? new SweepTable.Row(p, "not run", -1, Double.NaN, "-", false)
                                : runOne(p, dir, interrupted.get(p.key()), progress, stopped, t);
                    } finally {
                        if (cap >= 0) {
                            Linalg.limitThreads(cap);
                        }
                    }
                }));
            }
            pool.shutdown();
            awaitAll(futures, workers, stopped);
        } finally {
            pool.shutdownNow();
        }
        progress.end();
        for (int i = 0; i < n; i++) {
            if (rows[i] == null) {
                rows[i] = new SweepTable.Row(points.get(i), "not run", -1, Double.NaN, "-", false);
            }
        }
        List<SweepTable.Row> table = List.of(rows);
        SweepTable.print(sweep.axes(), table, "run", t.out());
        long ok = table.stream().filter(r -> r.status().equals("CONVERGED") || r.status().equals("COMPLETED")).count();
        t.out().println(ok + " of " + n + " runs converged or completed; sweep folder " + dir);
        t.out().flush();
        if (stopped.get()) {
            t.error("sweep stopped; continue it with: overparam sweep --resume " + dir);
        }
        return ok == n ? CommandLine.OK : CommandLine.FAILED;
    }

    /**
     * The points to run, in the order to start them: the sweep's order for one run at a time, the
     * runner's largest estimated work first for several ({@link StartOrder}).
     */
    private List<Integer> startOrder(List<SweepPoint> points, List<Integer> toRun, int threads) {
        if (threads < 2) {
            return toRun;
        }
        List<OptionalDouble> costs = new ArrayList<>(toRun.size());
        for (int i : toRun) {
            costs.add(runner.cost(points.get(i).spec()));
        }
        List<Integer> order = new ArrayList<>(toRun.size());
        for (int k : StartOrder.largestFirst(costs)) {
            order.add(toRun.get(k));
        }
        return order;
    }

    /**
     * Waits for every point; on an interrupt of this thread, stops the sweep (the points not started
     * become "not run"), interrupts the run threads (each active run stops at a boundary with a
     * checkpoint), waits for them and sets the interrupt flag again.
     */
    private static void awaitAll(List<Future<?>> futures, List<Thread> workers, AtomicBoolean stopped) {
        boolean interrupted = false;
        for (Future<?> f : futures) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                    stopped.set(true);
                    workers.forEach(Thread::interrupt);
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs one point, or resumes its interrupted run from the run's checkpoint (its spec from the
     * manifest); a run that throws is a row, not the end of the sweep. A stopped run stops the sweep
     * before its line is printed.
     */
    private SweepTable.Row runOne(SweepPoint p, Path dir, Path interrupted, SweepProgress sweepProgress,
                                  AtomicBoolean stopped, Terminal t) {
        int index = p.index() - 1;
        Progress progress = sweepProgress.run(index, shown(p));
        SweepTable.Row row;
        try {
            RunResult r = interrupted == null ? runner.run(p.spec(), dir, progress)
                    : runner.resume(interrupted, file -> p.spec(), progress);
            row = new SweepTable.Row(p, r.status().name(), r.steps(), r.loss(),
                    r.directory() == null ? "-" : r.directory().getFileName().toString(), false);
        } catch (InvalidInputException e) {
            progress.finish();
            t.error("run " + p.index() + ": " + e.oneLine());
            row = new SweepTable.Row(p, "INVALID", -1, Double.NaN, "-", false);
        } catch (RuntimeException e) {
            progress.finish();
            t.error("run " + p.index() + " failed: " + RunsFolder.failure(e));
            row = new SweepTable.Row(p, RunStatus.FAILED.name(), -1, Double.NaN, "-", false);
        }
        progress.finish();
        if (row.status().equals(RunStatus.STOPPED.name())) {
            stopped.set(true);
        }
        sweepProgress.finished(index, row.status().equals("INVALID") ? RunStatus.FAILED
                : RunStatus.valueOf(row.status()));
        return row;
    }

    private static String shown(SweepPoint p) {
        StringBuilder b = new StringBuilder();
        p.values().forEach((k, v) -> b.append(b.length() == 0 ? "" : " ").append(k).append('=').append(v));
        return b.length() == 0 ? "no swept keys" : b.toString();
    }
}
