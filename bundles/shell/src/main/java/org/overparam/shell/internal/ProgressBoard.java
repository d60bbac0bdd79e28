package org.overparam.shell.internal;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The terminal display of a parallel sweep: a block of lines at the bottom of standard error, one
 * per active run (in the order they started) and a last one with the sweep's total, redrawn in
 * place with ANSI cursor movements (up to the block's first line, each line cleared to its end).
 * Plain lines (a run's start, notices, a failed run) are printed above the block, which is then
 * drawn again below them. Thread-safe: each run's {@link Progress} draws its own line from its
 * run's thread; every method holds the lock given at construction (the sweep's progress, whose
 * total line the block ends with), so the two never wait on each other in opposite orders.
 */
final class ProgressBoard {
    private static final String CLEAR_LINE = "\033[K";
    private static final String CLEAR_BELOW = "\033[J";
    private final PrintStream err;
    private final Supplier<String> total;
    private final Object lock;
    private final Map<Object, String> lines = new LinkedHashMap<>();
    private int drawn;

    /**
     * @param err where to write (a terminal)
     * @param total the total line, e.g. {@code sweep 37% ETA 4:10}
     * @param lock the lock every method holds (also held by {@code total}'s owner)
     */
    ProgressBoard(PrintStream err, Supplier<String> total, Object lock) {
        this.err = err;
        this.total = total;
        this.lock = lock;
    }

    /**
     * Sets the line of an active run and redraws the block.
     *
     * @param run the run's owner of the line (its {@link Progress})
     * @param line the run's line, already cut to the terminal's width
     */
    void draw(Object run, String line) {
        synchronized (lock) {
            lines.put(run, line);
            redraw();
        }
    }

    /** Prints a plain line above the block. */
    void println(String text) {
        synchronized (lock) {
            erase();
            err.println(text);
            redraw();
        }
    }

    /** Removes a run's line (its run has ended) and redraws the rest. */
    void remove(Object run) {
        synchronized (lock) {
            if (lines.remove(run) != null || drawn > 0) {
                redraw();
            }
        }
    }

    /** Clears the block for good (the sweep's end). */
    void close() {
        synchronized (lock) {
            lines.clear();
            erase();
            err.flush();
        }
    }

    private void erase() {
        if (drawn > 0) {
            err.print("\033[" + drawn + "F" + CLEAR_BELOW);
            drawn = 0;
        }
    }

    private void redraw() {
        StringBuilder b = new StringBuilder();
        if (drawn > 0) {
            b.append("\033[").append(drawn).append('F');
        }
        for (String line : lines.values()) {
            b.append(line).append(CLEAR_LINE).append('\n');
        }
        b.append(total.get()).append(CLEAR_LINE).append('\n').append(CLEAR_BELOW);
        err.print(b);
        err.flush();
        drawn = lines.size() + 1;
    }
}
