package org.overparam.shell.internal;

import java.io.PrintStream;
import java.util.function.DoubleFunction;
import java.util.function.LongSupplier;
import org.overparam.api.run.RunEvent;
import org.overparam.api.run.RunListener;

/**
 * Shows a run's progress on standard error. On a terminal: one line redrawn with {@code '\r'} at
 * most every 100 ms, a bar with the steps, loss, speed and ETA ({@link ProgressLine}); otherwise
 * (output to a file or a pipe) a plain line each time another tenth of the steps is done, and at
 * the end ({@code step 1200/2000 (60%)  loss 3.142e-04  850 steps/s  ETA 0:01}). Notices (swaps,
 * pauses) get lines of their own. The speed counts steps over wall time from the first progress
 * event on (so the analyses at step 0 and the first step's warm-up do not slow the estimate), and
 * from the run's start for that first event.
 *
 * <p>In a sweep, {@link SweepProgress#run} makes the run's Progress: its lines start with
 * {@code run k/N} and the terminal line ends with the sweep's ETA.
 */
final class Progress implements RunListener {
    private static final long REDRAW_NANOS = 100_000_000L;
    private final PrintStream err;
    private final boolean live;
    private final LongSupplier nanos;
    private final int columns;
    private final String prefix;
    private final DoubleFunction<String> suffix;
    private final ProgressBoard board;
    private long startNanos;
    private long startStep;
    private long firstNanos = -1;
    private long firstStep;
    private long total;
    private long nextMark;
    private long lastStep = -1;
    private long lastDraw;
    private boolean everDrawn;
    private String drawn = "";

    /**
     * A single run's progress, {@code COLUMNS} characters wide (80 when unset).
     *
     * @param err where to write
     * @param live whether {@code err} is a terminal
     * @param nanos a monotonic clock in nanoseconds
     */
    Progress(PrintStream err, boolean live, LongSupplier nanos) {
        this(err, live, nanos, ProgressLine.columns(System.getenv("COLUMNS")), "", f -> "");
    }

    /**
     * @param err where to write
     * @param live whether {@code err} is a terminal
     * @param nanos a monotonic clock in nanoseconds
     * @param columns the terminal's width in characters
     * @param prefix the start of every line, e.g. {@code run 3/12}; may be empty
     * @param suffix the end of the terminal line for the fraction of this run done, e.g.
     *     {@code sweep ETA 2:05}; may return an empty string
     */
    Progress(PrintStream err, boolean live, LongSupplier nanos, int columns, String prefix,
             DoubleFunction<String> suffix) {
        this(err, live, nanos, columns, prefix, suffix, null);
    }

    /**
     * A run of a parallel sweep on a terminal: its redrawn line is its line of {@code board}.
     *
     * @param err where to write
     * @param live whether {@code err} is a terminal
     * @param nanos a monotonic clock in nanoseconds
     * @param columns the terminal's width in characters
     * @param prefix the start of every line, e.g. {@code run 3/12}; may be empty
     * @param suffix the end of the terminal line for the fraction of this run done; may return an empty string
     * @param board the block of lines this run's line is one of, or {@code null}: one line of its own
     */
    Progress(PrintStream err, boolean live, LongSupplier nanos, int columns, String prefix,
             DoubleFunction<String> suffix, ProgressBoard board) {
        this.board = board;
        this.err = err;
        this.live = live;
        this.nanos = nanos;
        this.columns = columns;
        this.prefix = prefix;
        this.suffix = suffix;
    }

    @Override
    public void onEvent(RunEvent e) {
        switch (e.type()) {
            case STARTED -> {
                startNanos = nanos.getAsLong();
                startStep = e.step();
                total = e.totalSteps();
                nextMark = mark(e.step());
                println(lead() + "run " + e.runId() + ": " + e.totalSteps() + " steps");
            }
            case PROGRESS -> step(e, false);
            case NOTICE -> {
                if (!e.message().isEmpty()) {
                    println(lead() + e.message());
                }
            }
            case FINISHED -> step(e, true);
            default -> { }
        }
    }

    /** Ends a redrawn line, if one is open (call after the run returns or throws). */
    void finish() {
        if (board != null) {
            board.remove(this);
            drawn = "";
            return;
        }
        if (!drawn.isEmpty()) {
            err.println();
            drawn = "";
        }
        err.flush();
    }

    private String lead() {
        return prefix.isEmpty() ? "" : prefix + ": ";
    }

    private void step(RunEvent e, boolean last) {
        long now = nanos.getAsLong();
        if (firstNanos < 0) {
            firstNanos = now;
            firstStep = e.step();
        }
        if (live) {
            if (last || !everDrawn || now - lastDraw >= REDRAW_NANOS) {
                long t = e.totalSteps() > 0 ? e.totalSteps() : total;
                double fraction = t > 0 ? Math.min(1, e.step() / (double) t) : 0;
                draw(ProgressLine.render(prefix, e.step(), t, e.loss(), rate(e, now), suffix.apply(fraction), columns));
                lastDraw = now;
                everDrawn = true;
            }
            if (last) {
                finish();
            }
        } else if (e.step() >= nextMark || last && e.step() != lastStep) {
            err.println(lead() + line(e, now));
            err.flush();
            lastStep = e.step();
            nextMark = mark(e.step());
        }
    }

    /**
     * @return steps per second since the first progress event, or since the start at that event; NaN
     *     before any step or time has passed
     */
    private double rate(RunEvent e, long now) {
        if (firstNanos >= 0 && e.step() > firstStep && now > firstNanos) {
            return (e.step() - firstStep) / ((now - firstNanos) / 1e9);
        }
        double seconds = (now - startNanos) / 1e9;
        long done = e.step() - startStep;
        return seconds > 0 && done > 0 ? done / seconds : Double.NaN;
    }

    /** @return the first step at or after the next tenth of the budget beyond {@code step} */
    private long mark(long step) {
        if (total <= 0) {
            return Long.MAX_VALUE;
        }
        long tenth = step * 10 / total + 1;
        return (tenth * total + 9) / 10;
    }

    private String line(RunEvent e, long now) {
        long t = e.totalSteps() > 0 ? e.totalSteps() : total;
        StringBuilder b = new StringBuilder("step ").append(e.step()).append('/').append(t);
        if (t > 0) {
            b.append(" (").append(e.step() * 100 / t).append("%)");
        }
        b.append("  loss ").append(Formats.loss(e.loss()));
        double rate = rate(e, now);
        if (rate > 0) {
            b.append("  ").append(Formats.rate(rate)).append(" steps/s");
            if (t > e.step()) {
                b.append("  ETA ").append(Formats.clock((t - e.step()) / rate));
            }
        }
        return b.toString();
    }

    private void draw(String line) {
        if (board != null) {
            board.draw(this, line);
            drawn = line;
            return;
        }
        String pad = line.length() < drawn.length() ? " ".repeat(drawn.length() - line.length()) : "";
        err.print("\r" + line + pad);
        err.flush();
        drawn = line;
    }

    private void println(String text) {
        if (board != null) {
            board.println(text);
            return;
        }
        if (!drawn.isEmpty()) {
            err.print("\r" + " ".repeat(drawn.length()) + "\r");
        }
        err.println(text);
        if (!drawn.isEmpty()) {
            err.print(drawn);
        }
        err.flush();
    }
}
