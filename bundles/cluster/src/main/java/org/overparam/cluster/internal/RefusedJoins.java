package org.overparam.cluster.internal;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hazelcast's own logging, routed through {@code java.util.logging} (the member's logging type is
 * {@code jdk}) to this one handler and nowhere else: every Hazelcast record is dropped but the master's
 * warning that it refused a join request ({@code Received an invalid join request from ADDRESS, cause:
 * ...}, logged when a member with another cluster name, hence another secret, asks to join). While a
 * coordinator listens ({@link #report}) each refused address is printed once, in one line.
 */
final class RefusedJoins extends Handler {
    private static final Pattern REFUSAL = Pattern.compile("Received an invalid join request from (\\S+), cause: (.*)");
    /** Held here: {@code java.util.logging} keeps its loggers only weakly, and would forget the settings. */
    private static final Logger HAZELCAST = Logger.getLogger("com.hazelcast");
    private static final RefusedJoins HANDLER = new RefusedJoins();
    private final Set<String> seen = new HashSet<>();
    private PrintStream out;

    private RefusedJoins() {
    }

    /** Keeps Hazelcast's records off the console (they go to this handler only); idempotent. */
    static synchronized void install() {
        HAZELCAST.setUseParentHandlers(false);
        HAZELCAST.setLevel(Level.WARNING);
        for (Handler h : HAZELCAST.getHandlers()) {
            if (h == HANDLER) {
                return;
            }
        }
        HAZELCAST.addHandler(HANDLER);
    }

    /**
     * @param err where to print each refused member, or {@code null} to stop printing them
     */
    static void report(PrintStream err) {
        synchronized (HANDLER) {
            HANDLER.out = err;
            HANDLER.seen.clear();
        }
    }

    /**
     * @param message a Hazelcast log message
     * @return the one line for a refused join request, or {@code null} for any other message
     */
    static String line(String message) {
        Matcher m = REFUSAL.matcher(message == null ? "" : message);
        if (!m.find()) {
            return null;
        }
        String cause = m.group(2).strip();
        return "cluster: refused the member at " + m.group(1) + ": " + (cause.contains("different cluster")
                ? "its cluster name or secret differs from this cluster's" : cause);
    }

    @Override
    public synchronized void publish(LogRecord r) {
        if (out == null) {
            return;
        }
        String line = line(r.getMessage());
        if (line != null && seen.add(line)) {
            out.println(line);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
