package org.overparam.store.internal;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.overparam.api.InvalidInputException;

/**
 * One open store: a connection held for as long as the store service lives (it keeps the database
 * open, and makes this process the one that serves it to others), a fresh connection per
 * operation, and the cache of metric name keys. Thread-safe.
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

    private final StoreLocation location;
    private static final int RUN_KEYS_CACHED = 10_000;
    private final Driver driver;
    private final Connection keeper;
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
        this.location = location;
        this.driver = driver;
        try {
            keeper = connect();
            keeper.setAutoCommit(true);
            String other = Schema.create(keeper);
            if (other != null) {
                keeper.close();
                throw new InvalidInputException(location.label(), "the run store has schema version " + other
                        + "; this store reads version " + Schema.VERSION);
            }
        } catch (SQLException e) {
            throw error(location, "cannot open the run store", e);
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
     * back when it throws.
     *
     * @param what what the operation does, for the error message (e.g. {@code cannot list runs})
     * @param work the operation
     * @param <T> its result
     * @return its result
     * @throws InvalidInputException naming the store if a statement fails
     */
    <T> T transaction(String what, Work<T> work) {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try {
                T out = work.run(c);
                c.commit();
                return out;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw error(location, what, e);
        }
    }

    /**
     * Opens a connection. When another process is taking the file over at that moment (it found the
     * store unserved and wrote its lock file an instant ago), H2 refuses the open with an error of its
     * lock-file protocol instead of connecting to that process's server; the open is tried again, up to
     * {@value #HANDOVER_MILLIS} ms, by which time the new server answers. Without this, a run started
     * during a handover found no store, went on without it (it is an index) and was never listed.
     */
    private Connection connect() throws SQLException {
        long end = System.nanoTime() + HANDOVER_MILLIS * 1_000_000L;
        while (true) {
            try {
                Connection c = driver.connect(location.url(), new Properties());
                if (c == null) {
                    throw new SQLException("the H2 driver does not accept " + location.url());
                }
                return c;
            } catch (SQLException e) {
                if (!duringHandover(e) || System.nanoTime() > end) {
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

    /** How long an open waits for another process to finish taking the file over. */
    static final long HANDOVER_MILLIS = 15_000;
    private static final long HANDOVER_PAUSE_MILLIS = 100;
    /** H2's error code for a failed open, and the messages of its lock-file protocol that a moment cures. */
    private static final int ERROR_OPENING_DATABASE = 8000;
    private static final List<String> HANDOVER_MESSAGES = List.of("Lock file recently modified",
            "Another process was faster", "Concurrent update", "Locked by another process");

    /**
     * @param e an error of an open
     * @return whether it is a transient refusal of H2's lock-file protocol while another process takes
     *     the file over (a store that is missing, damaged or of another version is not)
     */
    static boolean duringHandover(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return e.getErrorCode() == ERROR_OPENING_DATABASE && HANDOVER_MESSAGES.stream().anyMatch(m::contains);
    }

    /** Closes the held connection; H2 closes the database when its last connection goes. */
    @Override
    public void close() {
        metricIds.clear();
        runIds.invalidateAll();
        try {
            keeper.close();
        } catch (SQLException e) {
            // Best effort: the file is consistent after each commit, whatever happens here.
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
