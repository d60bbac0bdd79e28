package org.overparam.launcher;

/**
 * The launcher's own messages on stderr, each one line prefixed {@code overparam: }. Errors are
 * always shown; details (timings, installed bundles, stack traces) only with {@code --verbose}.
 * Nothing is written to stdout, which belongs to the command line.
 */
public final class Log {
    private static volatile boolean verbose;

    private Log() {
    }

    /** @param on whether {@link #detail} messages are shown */
    public static void setVerbose(boolean on) {
        verbose = on;
    }

    /** @param message one line, always shown */
    public static void error(String message) {
        System.err.println("overparam: " + oneLine(message));
    }

    /** @param message one line, shown only with {@code --verbose} */
    public static void detail(String message) {
        if (verbose) {
            System.err.println("overparam: " + oneLine(message));
        }
    }

    /** @param failure printed with its stack trace, only with {@code --verbose} */
    public static void trace(Throwable failure) {
        if (verbose && failure != null) {
            failure.printStackTrace(System.err);
        }
    }

    /**
     * @param text any text
     * @return the text with line breaks and runs of blanks folded into single spaces
     */
    public static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }
}
