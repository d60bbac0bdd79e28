package org.overparam.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.RunStatus;
import org.overparam.api.store.ArtifactRecord;
import org.overparam.api.store.ComponentOrigin;
import org.overparam.api.store.MetricRow;
import org.overparam.api.store.Provenance;
import org.overparam.api.store.RunOutcome;
import org.overparam.api.store.RunRecord;

/**
 * The engine's side of the store, one transaction per call. Metric rows go in as one insert over
 * arrays; if a row's (run, metric, step) is already stored (a replayed step), the insert is rolled
 * back and the rows are merged as a JDBC batch instead, so that the newer value wins and nothing is
 * doubled.
 */
final class Writes {
    private static final String DUPLICATE_KEY = "23505";

    private Writes() {
    }

    /**
     * @param db the store
     * @param run the run to register or register again
     */
    static void begin(Database db, RunRecord run) {
        db.transaction("cannot register run " + run.id(), c -> {
            Integer rid = Keys.findRun(db, c, run.id());
            if (rid == null) {
                rid = insertRun(c, run);
            } else {
                updateRun(c, rid, run);
                for (String table : List.of("params", "tags", "provenance", "components", "finals", "timings")) {
                    delete(c, table, rid);
                }
            }
            insertParams(c, rid, run.params());
            insertTags(c, rid, run.tags());
            insertProvenance(c, rid, run.provenance());
            return null;
        });
    }

    /**
     * @param db the store
     * @param runId the run
     * @param rows its new rows, in recording order
     */
    static void appendMetrics(Database db, String runId, List<MetricRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<String> names = new ArrayList<>(rows.size());
        rows.forEach(r -> names.add(r.metric()));
        Map<String, Integer> mids = Keys.metricsForWrite(db, names);
        db.transaction("cannot append metrics of run " + runId, c -> {
            int rid = Keys.run(db, c, runId);
            try {
                insert(c, rid, mids, rows);
            } catch (SQLException e) {
                if (!DUPLICATE_KEY.equals(e.getSQLState())) {
                    throw e;
                }
                c.rollback();
                batch(c, "MERGE INTO metrics(rid, mid, step, val) KEY(rid, mid, step) VALUES(?, ?, ?, ?)", rid, mids,
                        rows);
            }
            return null;
        });
    }

    /**
     * @param db the store
     * @param runId the run
     * @param a the artifact
     */
    static void addArtifact(Database db, String runId, ArtifactRecord a) {
        db.transaction("cannot record artifact " + a.name() + " of run " + runId, c -> {
            int rid = Keys.run(db, c, runId);
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO artifacts(rid, name, path, size, sha256)"
                    + " KEY(rid, name) VALUES(?, ?, ?, ?, ?)")) {
                ps.setInt(1, rid);
                ps.setString(2, a.name());
                ps.setString(3, a.path());
                ps.setLong(4, a.size());
                ps.setString(5, a.sha256());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * @param db the store
     * @param runId the run
     * @param status its status
     * @param message a line for humans
     */
    static void setStatus(Database db, String runId, RunStatus status, String message) {
        db.transaction("cannot set the status of run " + runId, c -> {
            int rid = Keys.run(db, c, runId);
            try (PreparedStatement ps = c.prepareStatement("UPDATE runs SET status = ?, message = ? WHERE rid = ?")) {
                ps.setString(1, status.name());
                ps.setString(2, message == null ? "" : message);
                ps.setInt(3, rid);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * @param db the store
     * @param runId the run
     * @param o how it ended
     */
    static void finish(Database db, String runId, RunOutcome o) {
        Map<String, Integer> mids = Keys.metricsForWrite(db, o.metrics().keySet());
        db.transaction("cannot record the result of run " + runId, c -> {
            int rid = Keys.run(db, c, runId);
            try (PreparedStatement ps = c.prepareStatement("UPDATE runs SET status = ?, finished = ?, steps = ?,"
                    + " loss = ?, seconds = ?, message = ? WHERE rid = ?")) {
                ps.setString(1, o.status().name());
                ps.setLong(2, o.finished().toEpochMilli());
                ps.setLong(3, o.steps());
                setDouble(ps, 4, Numbers.orNull(o.loss()));
                Double total = o.timings().get("total_seconds");
                setDouble(ps, 5, total == null ? null : Numbers.orNull(total));
                ps.setString(6, o.message());
                ps.setInt(7, rid);
                ps.executeUpdate();
            }
            delete(c, "finals", rid);
            delete(c, "timings", rid);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO finals(rid, mid, val) VALUES(?, ?, ?)")) {
                for (Map.Entry<String, Double> e : o.metrics().entrySet()) {
                    ps.setInt(1, rid);
                    ps.setInt(2, mids.get(e.getKey()));
                    ps.setDouble(3, e.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO timings(rid, name, val) VALUES(?, ?, ?)")) {
                for (Map.Entry<String, Double> e : o.timings().entrySet()) {
                    ps.setInt(1, rid);
                    ps.setString(2, e.getKey());
                    ps.setDouble(3, e.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /**
     * @param db the store
     * @param runId the run
     * @param step the checkpoint's step
     * @return rows deleted
     */
    static long truncateAfter(Database db, String runId, long step) {
        return db.transaction("cannot truncate the metrics of run " + runId, c -> {
            int rid = Keys.run(db, c, runId);
            long n;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM metrics WHERE rid = ? AND step > ?")) {
                ps.setInt(1, rid);
                ps.setLong(2, step);
                n = ps.executeLargeUpdate();
            }
            delete(c, "finals", rid);
            delete(c, "timings", rid);
            try (PreparedStatement ps = c.prepareStatement("UPDATE runs SET finished = NULL, steps = 0, loss = NULL,"
                    + " seconds = NULL WHERE rid = ?")) {
                ps.setInt(1, rid);
                ps.executeUpdate();
            }
            return n;
        });
    }

    /**
     * @param db the store
     * @param runId the run
     * @param add tags to add
     * @param remove tags to remove
     */
    static void tag(Database db, String runId, Collection<String> add, Collection<String> remove) {
        for (String t : add) {
            checkTag(t);
        }
        db.transaction("cannot tag run " + runId, c -> {
            int rid = Keys.run(db, c, runId);
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO tags(rid, tag) KEY(rid, tag) VALUES(?, ?)")) {
                for (String t : add) {
                    ps.setInt(1, rid);
                    ps.setString(2, t);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM tags WHERE rid = ? AND tag = ?")) {
                for (String t : remove) {
                    ps.setInt(1, rid);
                    ps.setString(2, t);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    private static void checkTag(String t) {
        if (t == null || t.isBlank() || t.indexOf(',') >= 0 || !t.equals(t.strip())) {
            throw new InvalidInputException("tag", "'" + t + "' is not a tag: tags are not blank, hold no comma and"
                    + " have no spaces around them");
        }
    }

    private static int insertRun(Connection c, RunRecord run) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO runs(id, name, folder, spec, seed, status, sweep,"
                + " point, created, steps, message) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, 0, '')",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, run.id());
            describe(ps, 2, run);
            ps.setLong(9, run.created().toEpochMilli());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getInt(1);
            }
        }
    }

    private static void updateRun(Connection c, int rid, RunRecord run) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE runs SET name = ?, folder = ?, spec = ?, seed = ?,"
                + " status = ?, sweep = ?, point = ?, finished = NULL, steps = 0, loss = NULL, seconds = NULL,"
                + " message = '' WHERE rid = ?")) {
            describe(ps, 1, run);
            ps.setInt(8, rid);
            ps.executeUpdate();
        }
    }

    /** Sets name, folder, spec, seed, status RUNNING, sweep and point from {@code at} on. */
    private static void describe(PreparedStatement ps, int at, RunRecord run) throws SQLException {
        ps.setString(at, run.name());
        ps.setString(at + 1, run.folder().toAbsolutePath().normalize().toString());
        ps.setString(at + 2, run.spec());
        ps.setLong(at + 3, run.seed());
        ps.setString(at + 4, RunStatus.RUNNING.name());
        ps.setString(at + 5, run.sweep());
        ps.setString(at + 6, run.point());
    }

    private static void insertParams(Connection c, int rid, Map<String, String> params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO params(rid, pkey, pvalue, pnum) VALUES(?, ?, ?, ?)")) {
            for (Map.Entry<String, String> e : params.entrySet()) {
                ps.setInt(1, rid);
                ps.setString(2, e.getKey());
                ps.setString(3, e.getValue());
                setDouble(ps, 4, Numbers.parse(e.getValue()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertTags(Connection c, int rid, Collection<String> tags) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tags(rid, tag) VALUES(?, ?)")) {
            for (String t : tags) {
                checkTag(t);
                ps.setInt(1, rid);
                ps.setString(2, t);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertProvenance(Connection c, int rid, Provenance p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO provenance(rid, host, os, processors, jvm_vendor,"
                + " jvm_version, blas, overparam) VALUES(?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setInt(1, rid);
            ps.setString(2, p.host());
            ps.setString(3, p.os());
            ps.setInt(4, p.processors());
            ps.setString(5, p.jvmVendor());
            ps.setString(6, p.jvmVersion());
            ps.setString(7, p.blas());
            ps.setString(8, p.overparamVersion());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO components(rid, kind, name, bundle, version, sha256)"
                + " KEY(rid, kind, name) VALUES(?, ?, ?, ?, ?, ?)")) {
            for (ComponentOrigin o : p.components()) {
                ps.setInt(1, rid);
                ps.setString(2, o.kind().name());
                ps.setString(3, o.name());
                ps.setString(4, o.bundle());
                ps.setString(5, o.version());
                ps.setString(6, o.sha256());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Inserts the rows with one statement over arrays ({@code INSERT ... SELECT FROM TABLE(...)}), which
     * costs H2 less per row than a JDBC batch of single-row inserts. Package-private for
     * {@code LayoutBench}, which measures this statement against other layouts.
     */
    static void insert(Connection c, int rid, Map<String, Integer> mids, List<MetricRow> rows)
            throws SQLException {
        int n = rows.size();
        Integer[] r = new Integer[n];
        Integer[] m = new Integer[n];
        Long[] s = new Long[n];
        Double[] v = new Double[n];
        for (int i = 0; i < n; i++) {
            MetricRow row = rows.get(i);
            r[i] = rid;
            m[i] = mids.get(row.metric());
            s[i] = row.step();
            v[i] = row.value();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO metrics(rid, mid, step, val) SELECT * FROM"
                + " TABLE(rid INT = ?, mid INT = ?, step BIGINT = ?, val DOUBLE PRECISION = ?)")) {
            ps.setObject(1, r);
            ps.setObject(2, m);
            ps.setObject(3, s);
            ps.setObject(4, v);
            ps.executeUpdate();
        }
    }

    /** A JDBC batch of single-row statements {@code sql(rid, mid, step, val)}; also measured by {@code LayoutBench}. */
    static void batch(Connection c, String sql, int rid, Map<String, Integer> mids, List<MetricRow> rows)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (MetricRow r : rows) {
                ps.setInt(1, rid);
                ps.setInt(2, mids.get(r.metric()));
                ps.setLong(3, r.step());
                ps.setDouble(4, r.value());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void delete(Connection c, String table, int rid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE rid = ?")) {
            ps.setInt(1, rid);
            ps.executeUpdate();
        }
    }

    private static void setDouble(PreparedStatement ps, int i, Double v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, v);
        }
    }
}
