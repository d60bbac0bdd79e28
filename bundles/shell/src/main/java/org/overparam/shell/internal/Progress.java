package org.overparam.shell.internal;

import java.io.PrintStream;
import java.util.function.LongSupplier;
import org.overparam.api.run.RunEvent;
import org.overparam.api.run.RunListener;

/**
 * Shows a run's progress on standard error: on a terminal, one line redrawn with {@code '\r'}
 * ({@code step 1200/2000 (60%)  loss 3.142e-04  850 steps/s  ETA 0:01}); otherwise a plain line each
 * time another tenth of the steps is done, and at the end. Notices (swaps, pauses) get lines of their
 * own. The speed counts steps since the run started, over wall time.
 */
final class Progress implements RunListener {
    private static final long REDRAW_NANOS = 100_000_000L;
    private final PrintStream err;
    private final boolean live;
    private final LongSupplier nanos;
    private long startNanos;
    private long startStep;
    private long total;
    private long nextMark;
    private long lastStep = -1;
    private long lastDraw;
    private boolean everDrawn;
    private String drawn = "";

    /**
     * @param err where to write
     * @param live whether {@code err} is a terminal
     * @param nanos a monotonic clock in nanoseconds
     */
    Progress(PrintStream err, boolean live, LongSupplier nanos) {
        this.err = err;
        this.live = live;
        this.nanos = nanos;
    }

    @Override
    public void onEvent(RunEvent e) {
        switch (e.type()) {
            case STARTED -> {
                startNanos = nanos.getAsLong();
                startStep = e.step();
                total = e.totalSteps();
                nextMark = mark(e.step());
                println("run " + e.runId() + ": " + e.totalSteps() + " steps");
            }
            case PROGRESS -> step(e, false);
            case NOTICE -> {
                if (!e.message().isEmpty()) {
                    println(e.message());
                }
            }
            case FINISHED -> step(e, true);
            default -> { }
        }
    }

    /** Ends a redrawn line, if one is open (call after the run returns or throws). */
    void finish() {
        if (!drawn.isEmpty()) {
            err.println();
            drawn = "";
        }
        err.flush();
    }

    private void step(RunEvent e, boolean last) {
        long now = nanos.getAsLong();
        if (live) {
            if (last || !everDrawn || now - lastDraw >= REDRAW_NANOS) {
                draw(line(e, now));
                lastDraw = now;
                everDrawn = true;
            }
            if (last) {
                finish();
            }
        } else if (e.step() >= nextMark || last && e.step() != lastStep) {
            err.println(line(e, now));
            err.flush();
            lastStep = e.step();
            nextMark = mark(e.step());
        }
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
        double seconds = (now - startNanos) / 1e9;
        long done = e.step() - startStep;
        if (seconds > 0 && done > 0) {
            double rate = done / seconds;
            b.append("  ").append(Formats.rate(rate)).append(" steps/s");
            if (t > e.step()) {
                b.append("  ETA ").append(Formats.clock((t - e.step()) / rate));
            }
        }
        return b.toString();
    }

    private void draw(String line) {
        String pad = line.length() < drawn.length() ? " ".repeat(drawn.length() - line.length()) : "";
        err.print("\r" + line + pad);
        err.flush();
        drawn = line;
    }

    private void println(String text) {
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
