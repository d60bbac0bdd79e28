package org.overparam.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.overparam.api.InvalidInputException;

/**
 * The integer keys behind run ids ({@code runs.rid}) and metric names ({@code metric_names.mid}),
 * cached per database once committed. New metric names are added in their own transaction, before
 * the rows that use them, so that a cached key always exists in the file.
 */
final class Keys {
    private Keys() {
    }

    /**
     * @param db the store
     * @param c a connection
     * @param runId a run id
     * @return its key
     * @throws InvalidInputException if the store has no such run
     * @throws SQLException if the lookup fails
     */
    static int run(Database db, Connection c, String runId) throws SQLException {
        Integer rid = findRun(db, c, runId);
        if (rid == null) {
            throw new InvalidInputException(runId, "no run '" + runId + "' in the run store " + db.location().label());
        }
        return rid;
    }

    /**
     * @param db the store
     * @param c a connection
     * @param runId a run id
     * @return its key, or {@code null} if the store has no such run
     * @throws SQLException if the lookup fails
     */
    static Integer findRun(Database db, Connection c, String runId) throws SQLException {
        Integer cached = db.runIds().getIfPresent(runId);
        if (cached != null) {
            return cached;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT rid FROM runs WHERE id = ?")) {
            ps.setString(1, runId);
            try (ResultSet r = ps.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                db.runIds().put(runId, r.getInt(1));
                return r.getInt(1);
            }
        }
    }

    /**
     * Adds the names the store does not have yet (committed at once) and returns every name's key.
     *
     * @param db the store
     * @param names metric names
     * @return their keys by name
     */
    static Map<String, Integer> metricsForWrite(Database db, Collection<String> names) {
        Map<String, Integer> out = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String n : new LinkedHashSet<>(names)) {
            Integer mid = db.metricIds().get(n);
            if (mid == null) {
                missing.add(n);
            } else {
                out.put(n, mid);
            }
        }
        if (!missing.isEmpty()) {
            Map<String, Integer> added;
            try {
                added = addNames(db, missing);
            } catch (InvalidInputException e) {
                // Another process may have added the same name at the same moment: its row is there now.
                added = addNames(db, missing);
            }
            db.metricIds().putAll(added);
            out.putAll(added);
        }
        return out;
    }

    private static Map<String, Integer> addNames(Database db, List<String> missing) {
        return db.transaction("cannot record metric names", c -> {
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO metric_names(name) KEY(name) VALUES(?)")) {
                for (String n : missing) {
                    ps.setString(1, n);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return lookup(c, missing);
        });
    }

    /**
     * @param db the store
     * @param c a connection
     * @param names metric names
     * @return the keys of those the store has, by name (no name is added)
     * @throws SQLException if the lookup fails
     */
    static Map<String, Integer> metricsForRead(Database db, Connection c, Collection<String> names) throws SQLException {
        Map<String, Integer> out = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String n : new LinkedHashSet<>(names)) {
            Integer mid = db.metricIds().get(n);
            if (mid == null) {
                missing.add(n);
            } else {
                out.put(n, mid);
            }
        }
        Map<String, Integer> found = lookup(c, missing);
        db.metricIds().putAll(found);
        out.putAll(found);
        return out;
    }

    /**
     * @param c a connection
     * @return every metric name by key
     * @throws SQLException if the query fails
     */
    static Map<Integer, String> metricNames(Connection c) throws SQLException {
        Map<Integer, String> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT mid, name FROM metric_names");
             ResultSet r = ps.executeQuery()) {
            while (r.next()) {
                out.put(r.getInt(1), r.getString(2));
            }
        }
        return out;
    }

    private static Map<String, Integer> lookup(Connection c, List<String> names) throws SQLException {
        Map<String, Integer> out = new HashMap<>();
        if (names.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT mid FROM metric_names WHERE name = ?")) {
            for (String n : names) {
                ps.setString(1, n);
                try (ResultSet r = ps.executeQuery()) {
                    if (r.next()) {
                        out.put(n, r.getInt(1));
                    }
                }
            }
        }
        return out;
    }
}
