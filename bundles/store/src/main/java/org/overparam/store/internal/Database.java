package org.overparam.store.internal;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.io.IOException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.h2.api.ErrorCode;
import org.overparam.api.InvalidInputException;

/**
 * One open store: a fresh connection per operation, the cache of metric name keys, and the file's
 * handover between processes. Thread-safe.
 *
 * <p>The embedded database is shared with H2's AUTO_SERVER (see {@link StoreLocation}): the process
 * that has the file open serves it to the others. When this process opens the file itself, a
 * connection is held ({@code held}) until the store closes, so the file stays open here and changes
 * hands only when this process ends or closes its store. (Without it, a process that took the file
 * over after its server ended opened and closed it for every operation, H2 closing a database when
 * its last connection goes: the lock file was rewritten several times a second and other processes'
 * opens met "Lock file recently modified" for as long as that went on.) A process that does not have
 * the file open opens each connection in its turn ({@link HandoverLock}), as the open may take the
 * file over; an error of H2's lock-file protocol in that moment is tried again until
 * {@value #HANDOVER_MILLIS} ms have passed, and an operation whose server ended under it is done again.
 */
final class Database implements AutoCloseable {
    /** An operation on a connection. @param <T> its result */
    @FunctionalInterface
    interface Work<T> {
        /**
         * @param c a connection, auto-commit off
         * @return the result
         * @throws SQLException if a statement fails
         */
        T run(Connection c) throws SQLException;
    }

    /**
     * How long an operation waits for the file to change hands. One turn takes at most about 6 s (H2
     * waits up to 4 s for the lock file of a process that died an instant after writing it, then 2 s
     * to see that no one else claims it); a second one is needed when the previous owner was still
     * closing, which it does in well under a second.
     */
    static final long HANDOVER_MILLIS = 15_000;
    private static final long HANDOVER_PAUSE_MILLIS = 100;
    private static final int RUN_KEYS_CACHED = 10_000;
    private static final String IS_REMOTE = "SELECT SERVER IS NOT NULL FROM INFORMATION_SCHEMA.SESSIONS"
            + " WHERE SESSION_ID = SESSION_ID()";
    private final StoreLocation location;
    private final Driver driver;
    private final HandoverLock handover;
    /** A connection that keeps the file open in this process; {@code null} while another process has it. */
    private volatile Connection held;
    private final ConcurrentMap<String, Integer> metricIds = new ConcurrentHashMap<>();
    /** Run keys are looked up again after eviction; a store may index far more runs than this. */
    private final Cache<String, Integer> runIds = CacheBuilder.newBuilder().maximumSize(RUN_KEYS_CACHED).build();

    /**
     * Opens (and, when missing, creates) the database and its schema.
     *
     * @param location where it is
     * @param driver the H2 driver
     * @throws InvalidInputException if it cannot be opened or was written by another version of the store
     */
    Database(StoreLocation location, Driver driver) {
        StoreLocation.serveOnLoopbackUnlessSet();
        this.location = location;
        this.driver = driver;
        try {
            handover = location.handoverLock() == null ? null : new HandoverLock(location.handoverLock());
        } catch (IOException e) {
            throw new InvalidInputException(location.label(), "cannot open the run store: " + e.getMessage());
        }
        String other;
        try {
            other = run("cannot open the run store", Schema::create, true);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        if (other != null) {
            close();
            throw new InvalidInputException(location.label(), "the run store has schema version " + other
                    + "; this store reads version " + Schema.VERSION);
        }
    }

    /** @return where it is */
    StoreLocation location() {
        return location;
    }

    /** @return the cache of metric keys by name (filled by {@link Keys}) */
    ConcurrentMap<String, Integer> metricIds() {
        return metricIds;
    }

    /**
     * @return the cache of run keys by run id (filled by {@link Keys}; runs are never deleted), the
     *     {@value #RUN_KEYS_CACHED} most recently used
     */
    Cache<String, Integer> runIds() {
        return runIds;
    }

    /**
     * Runs an operation in one transaction on a fresh connection: committed when it returns, rolled
     * back when it throws. When the process serving the store ends during the operation (its
     * connection breaks), the operation is done again on the next owner: operations given here must
     * have the same effect when repeated (every write of the store does).
     *
     * @param what what the operation does, for the error message (e.g. {@code cannot list runs})
     * @param work the operation
     * @param <T> its result
     * @return its result
     * @throws InvalidInputException naming the store if a statement fails
     */
    <T> T transaction(String what, Work<T> work) {
        return run(what, work, true);
    }

    /**
     * As {@link #transaction}, for an operation that cannot be repeated because it writes outside the
     * database as it reads (an export): it fails when its server ends under it.
     */
    <T> T streamed(String what, Work<T> work) {
        return run(what, work, false);
    }

    private <T> T run(String what, Work<T> work, boolean repeatable) {
        long deadline = System.nanoTime() + HANDOVER_MILLIS * 1_000_000L;
        while (true) {
            Session session = null;
            try {
                session = connect(deadline);
                try (Connection c = session.connection()) {
                    try {
                        T out = work.run(c);
                        c.commit();
                        return out;
                    } catch (SQLException | RuntimeException e) {
                        rollback(c, e);
                        throw e;
                    }
                }
            } catch (SQLException e) {
                if (!repeatable || session == null || !session.onAnotherProcess() || !serverMayHaveEnded(e)
                        || System.nanoTime() > deadline) {
                    throw error(location, what, e);
                }
            }
        }
    }

    /**
     * A connection and where its session is.
     *
     * @param connection the connection
     * @param onAnotherProcess whether another process serves it
     */
    private record Session(Connection connection, boolean onAnotherProcess) {
    }

    private static void rollback(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /**
     * Opens a connection, auto-commit off. While this process has the file open, that is a session on
     * it; otherwise the open may take the file over, so it waits for this process's turn, tries again
     * what the moment of a handover refuses, and holds the file open when it took it over. (A
     * configured URL names a server of the user's, opened once.)
     *
     * <p>Auto-commit goes off before any statement, in the turn: a remote H2 session in auto-commit
     * mode whose server ends reconnects by itself, which takes the file over; that must not happen
     * outside a turn.
     *
     * @param deadline the {@link System#nanoTime()} by which to give up
     * @throws SQLException if it cannot be opened
     */
    private Session connect(long deadline) throws SQLException {
        if (handover == null) {
            return new Session(withoutAutoCommit(open()), true);
        }
        if (held != null) {
            return new Session(withoutAutoCommit(openRetrying(deadline)), false);
        }
        synchronized (this) {
            if (held != null) {
                return new Session(withoutAutoCommit(openRetrying(deadline)), false);
            }
            try (java.nio.channels.FileLock turn = handover.take(deadline)) {
                while (true) {
                    Connection c = openRetrying(deadline);
                    try {
                        c.setAutoCommit(false);
                        boolean remote = isRemote(c);
                        if (!remote) {
                            held = open();
                        }
                        return new Session(c, remote);
                    } catch (SQLException e) {
                        closeQuietly(c);
                        if (!duringHandover(e) || System.nanoTime() > deadline) {
                            throw e;
                        }
                    }
                }
            } catch (IOException e) {
                throw new SQLException("cannot unlock " + location.handoverLock() + ": " + e.getMessage(), e);
            }
        }
    }

    private static Connection withoutAutoCommit(Connection c) throws SQLException {
        try {
            c.setAutoCommit(false);
            return c;
        } catch (SQLException e) {
            closeQuietly(c);
            throw e;
        }
    }

    private Connection openRetrying(long deadline) throws SQLException {
        while (true) {
            try {
                return open();
            } catch (SQLException e) {
                if (!duringHandover(e) || System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(HANDOVER_PAUSE_MILLIS);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private Connection open() throws SQLException {
        Connection c = driver.connect(location.url(), new Properties());
        if (c == null) {
            throw new SQLException("the H2 driver does not accept " + location.url());
        }
        return c;
    }

    private static boolean isRemote(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(IS_REMOTE)) {
            return r.next() && r.getBoolean(1);
        }
    }

    /** The messages of H2's lock-file protocol ({@code org.h2.store.FileLock}) that a moment cures. */
    private static final List<String> LOCK_FILE_MESSAGES = List.of("Lock file recently modified",
            "Another process was faster", "Concurrent update");

    /**
     * @param e an error of an open
     * @return whether it is a refusal that the file changing hands explains: H2's lock-file protocol
     *     with another process taking the file over, the file still in use by the process that is
     *     letting it go, or a server that ended while the connection was set up
     *     ({@link #serverMayHaveEnded}); a store that is missing, damaged or of another version is not
     */
    static boolean duringHandover(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return e.getErrorCode() == ErrorCode.ERROR_OPENING_DATABASE_1 && LOCK_FILE_MESSAGES.stream().anyMatch(m::contains)
                || e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1 || serverMayHaveEnded(e);
    }

    /**
     * @param e an error of a connection
     * @return whether the process serving it ended: its socket closed, or its database closing
     */
    static boolean serverEnded(SQLException e) {
        int code = e.getErrorCode();
        return code == ErrorCode.CONNECTION_BROKEN_1 || code == ErrorCode.DATABASE_CALLED_AT_SHUTDOWN
                || code == ErrorCode.DATABASE_IS_CLOSED;
    }

    /**
     * @param e an error of an operation on another process's server
     * @return whether that server may have ended under it: {@link #serverEnded}, or a general (internal)
     *     error, which is how H2 reports a session or transaction closed under a statement as the server's
     *     database closes ("Transaction 1 has status ROLLED_BACK, not OPEN", "Transaction was illegally
     *     transitioned from CLOSED to COMMITTED", a NullPointerException of the closed client session);
     *     constraint, syntax and data errors have codes of their own
     */
    static boolean serverMayHaveEnded(SQLException e) {
        return serverEnded(e) || e.getErrorCode() == ErrorCode.GENERAL_ERROR_1;
    }

    /**
     * Lets the file go, in this process's turn, when this process has it open (H2 closes the database
     * when its last connection goes, other processes' included); the next process to open the store
     * takes it over.
     */
    @Override
    public void close() {
        metricIds.clear();
        runIds.invalidateAll();
        synchronized (this) {
            Connection h = held;
            held = null;
            if (h != null) {
                try (java.nio.channels.FileLock turn = handover.take(System.nanoTime() + HANDOVER_MILLIS * 1_000_000L)) {
                    h.close();
                } catch (SQLException | IOException e) {
                    // Best effort: the file is consistent after each commit, and H2 closes it at exit.
                    closeQuietly(h);
                }
            }
            if (handover != null) {
                handover.close();
            }
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            return;
        }
    }

    /**
     * @param location the store
     * @param what what failed
     * @param e the cause
     * @return a one-line error naming the store
     */
    static InvalidInputException error(StoreLocation location, String what, SQLException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        int cut = m.indexOf('\n');
        m = (cut < 0 ? m : m.substring(0, cut)).replaceAll(" \\[[0-9-]+]$", "").strip();
        return new InvalidInputException(location.label(), what + ": " + m);
    }
}
