package org.overparam.shell.internal;

import java.io.PrintStream;

/**
 * Where a command writes: results to {@code out}, progress and errors to {@code err}.
 *
 * @param out standard output (summaries, listings, usage)
 * @param err standard error (progress, the one-line errors)
 * @param live whether {@code err} is a terminal, so progress can redraw one line with {@code '\r'}
 */
record Terminal(PrintStream out, PrintStream err, boolean live) {
    /** @return the process's streams; live when the JVM has a console */
    static Terminal system() {
        return new Terminal(System.out, System.err, System.console() != null);
    }

    /**
     * Prints {@code overparam: <text>} to {@code err} as exactly one line.
     *
     * @param text the error, e.g. {@code run.yaml:7: unknown key 'optimiser'}; line breaks become spaces
     */
    void error(String text) {
        String line = text == null || text.isBlank() ? "unknown error" : text.strip().replaceAll("\\s*\\R\\s*", " ");
        err.println("overparam: " + line);
        err.flush();
    }
}
