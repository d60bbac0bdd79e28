package org.overparam.shell.internal;

import java.io.PrintStream;
import java.util.function.LongSupplier;
import org.overparam.api.run.RunStatus;

/**
 * Console progress of a sweep of N runs: each run shows its own {@link Progress}, whose lines start
 * with {@code run k/N}; on a terminal its redrawn line also ends with the sweep's progress and ETA
 * ({@code sweep 37% ETA 4:10}), or, with several runs at once ({@link #parallel()}), each active run
 * has a line of a {@link ProgressBoard} that ends with the total ({@link #total()}); at the end one
 * summary line.
 * Without a terminal the run lines are the plain ones of {@link Progress} (a line per tenth of
 * each run), each prefixed with {@code run k/N}.
 *
 * <p>The sweep's ETA weighs runs equally: with {@code d} runs done in this session and the current
 * one a fraction {@code f} through, the time per run is {@code elapsed / (d + f)} and the time left
 * is that times the runs left ({@code N - skipped - d - f}). Runs skipped because they had already
 * finished (a resumed sweep) count neither in the elapsed time nor in what is left.
 *
 * <p>How a serial sweep uses it (a parallel one, {@link SweepRuns}, makes the same calls from each run's thread):
 * <pre>{@code
 * SweepProgress progress = new SweepProgress(t.err(), t.live(), nanos, runs.size());
 * for (int i = 0; i < runs.size(); i++) {
 *     if (alreadyFinished(i)) {
 *         progress.skipped(i, label(i));
 *         continue;
 *     }
 *     Progress p = progress.run(i, label(i));
 *     RunResult r;
 *     try {
 *         r = runner.run(spec(i), sweepFolder, p);
 *     } finally {
 *         p.finish();
 *     }
 *     progress.finished(i, r.status());
 * }
 * progress.end();
 * }</pre>
 * Thread-safe: in a parallel sweep ({@link SweepRuns}) each run's thread starts and counts its own run;
 * there the runs' lines are the plain ones (several runs redrawing one terminal line would garble it).
 */
final class SweepProgress {
    private final PrintStream err;
    private final boolean live;
    private final LongSupplier nanos;
    private final int runs;
    private final int columns;
    private long startNanos = -1;
    private int skipped;
    private int done;
    private int failed;
    private final String[] labels;
    private final double[] fractions;
    private ProgressBoard board;
    private int active;

    /**
     * A sweep's progress, {@code COLUMNS} characters wide (80 when unset).
     *
     * @param err where to write (standard error)
     * @param live whether {@code err} is a terminal ({@link Terminal#live()})
     * @param nanos a monotonic clock in nanoseconds
     * @param runs the number of runs in the sweep, at least 1
     */
    SweepProgress(PrintStream err, boolean live, LongSupplier nanos, int runs) {
        this(err, live, nanos, runs, ProgressLine.columns(System.getenv("COLUMNS")));
    }

    /**
     * @param err where to write (standard error)
     * @param live whether {@code err} is a terminal
     * @param nanos a monotonic clock in nanoseconds
     * @param runs the number of runs in the sweep, at least 1
     * @param columns the terminal's width in characters
     */
    SweepProgress(PrintStream err, boolean live, LongSupplier nanos, int runs, int columns) {
        if (runs < 1) {
            throw new IllegalArgumentException("a sweep has at least one run, not " + runs);
        }
        this.err = err;
        this.live = live;
        this.nanos = nanos;
        this.runs = runs;
        this.columns = columns;
        this.labels = new String[runs];
        this.fractions = new double[runs];
    }

    /**
     * Several runs at once: on a terminal a block of lines, one per active run and one with the sweep's
     * total ({@link ProgressBoard}); otherwise the plain lines, each with its run's prefix.
     *
     * @return this
     */
    SweepProgress parallel() {
        if (live) {
            board = new ProgressBoard(err, this::total, this);
        }
        return this;
    }

    /**
     * Starts run {@code index}: prints {@code run k/N <label>} and returns the listener to hand to
     * the runner. Call {@link Progress#finish()} on it after the run returns or throws, then
     * {@link #finished}.
     *
     * @param index the run's index in the sweep, from 0
     * @param label what distinguishes the run, e.g. {@code architecture.width=256 seed=2}; may be empty
     * @return the run's progress listener
     */
    synchronized Progress run(int index, String label) {
        if (startNanos < 0) {
            startNanos = nanos.getAsLong();
        }
        labels[index] = label;
        String prefix = position(index);
        print(prefix + (label.isEmpty() ? "" : " " + label));
        if (board != null) {
            active++;
            return new Progress(err, live, nanos, columns, prefix, f -> {
                progressed(index, f);
                return "";
            }, board);
        }
        return new Progress(err, live, nanos, columns, prefix, this::suffix);
    }

    /**
     * Notes a run that is not run again because it has already finished (a resumed sweep).
     *
     * @param index the run's index in the sweep, from 0
     * @param label what distinguishes the run; may be empty
     */
    synchronized void skipped(int index, String label) {
        skipped++;
        print(position(index) + (label.isEmpty() ? "" : " " + label) + ": finished before, skipped");
    }

    /**
     * Counts a run that has returned.
     *
     * @param index the run's index in the sweep, from 0
     * @param status how it ended
     */
    synchronized void finished(int index, RunStatus status) {
        String label = labels[index] == null ? "" : labels[index];
        done++;
        fractions[index] = 0;
        if (board != null) {
            active--;
        }
        if (status != RunStatus.CONVERGED && status != RunStatus.COMPLETED) {
            failed++;
            print(position(index) + (label.isEmpty() ? "" : " " + label) + ": " + status);
        }
    }

    /** Prints the sweep's summary line: {@code sweep: 12 runs, 3 skipped, 1 not converged or completed; 4:10}. */
    synchronized void end() {
        if (board != null) {
            board.close();
        }
        long elapsed = startNanos < 0 ? 0 : nanos.getAsLong() - startNanos;
        err.println("sweep: " + runs + " runs" + (skipped > 0 ? ", " + skipped + " skipped" : "")
                + (failed > 0 ? ", " + failed + " not converged or completed" : "") + "; " + Formats.duration(elapsed));
        err.flush();
    }

    /**
     * @param fraction the part of the current run done, in [0, 1]
     * @return {@code sweep 37% ETA 4:10}, or {@code sweep 37%} while no time has passed
     */
    synchronized String suffix(double fraction) {
        double counted = done + fraction;
        double all = runs - skipped;
        long percent = Math.round(Math.floor(100 * (skipped + counted) / runs));
        StringBuilder b = new StringBuilder("sweep ").append(Math.min(100, percent)).append('%');
        double seconds = (nanos.getAsLong() - startNanos) / 1e9;
        if (counted > 0 && seconds > 0 && all > counted) {
            b.append(" ETA ").append(Formats.clock(seconds / counted * (all - counted)));
        }
        return b.toString();
    }

    /** Notes how far run {@code index} is, for the total line of a parallel sweep. */
    private synchronized void progressed(int index, double fraction) {
        fractions[index] = fraction;
    }

    /** @return the total line of a parallel sweep: {@code sweep 3/12 done, 2 running, 37% ETA 4:10} */
    synchronized String total() {
        double running = 0;
        for (double f : fractions) {
            running += f;
        }
        return "sweep " + (done + skipped) + "/" + runs + " done, " + active + " running, "
                + suffix(running).substring("sweep ".length());
    }

    private void print(String line) {
        if (board != null) {
            board.println(line);
        } else {
            err.println(line);
            err.flush();
        }
    }

    private String position(int index) {
        return "run " + (index + 1) + "/" + runs;
    }
}
