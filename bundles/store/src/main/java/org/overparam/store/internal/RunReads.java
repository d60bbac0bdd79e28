package org.overparam.store.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.overparam.api.ComponentKind;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.Names;
import org.overparam.api.store.ArtifactRecord;
import org.overparam.api.store.ComponentOrigin;
import org.overparam.api.store.Provenance;
import org.overparam.api.store.RunDetails;
import org.overparam.api.store.RunSummary;

/** One run's details, its final metrics, and run ids from prefixes. */
final class RunReads {
    private RunReads() {
    }

    /**
     * @param db the store
     * @param c a connection
     * @param idOrPrefix an id or the start of one
     * @return the one full id it names
     * @throws SQLException if a query fails
     * @throws InvalidInputException if none or several match
     */
    static String resolve(Database db, Connection c, String idOrPrefix) throws SQLException {
        if (Keys.findRun(db, c, idOrPrefix) != null) {
            return idOrPrefix;
        }
        List<String> hits = new ArrayList<>();
        try (PreparedStatement ps = RunListing.prepare(c, "SELECT id FROM runs WHERE id LIKE ? ESCAPE '\\' ORDER BY id"
                + " LIMIT 6", List.of(RunListing.literal(idOrPrefix) + "%"));
             ResultSet r = ps.executeQuery()) {
            while (r.next()) {
                hits.add(r.getString(1));
            }
        }
        if (hits.size() == 1) {
            return hits.get(0);
        }
        if (hits.isEmpty()) {
            List<String> all = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM runs"); ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    all.add(r.getString(1));
                }
            }
            throw new InvalidInputException(idOrPrefix, "no run '" + idOrPrefix + "' in the run store "
                    + db.location().label() + Names.suggestion(idOrPrefix, all));
        }
        String shown = String.join(", ", hits.subList(0, Math.min(5, hits.size())));
        throw new InvalidInputException(idOrPrefix, "'" + idOrPrefix + "' starts several run ids: " + shown
                + (hits.size() > 5 ? ", ..." : "") + "; give more of the id");
    }

    /**
     * @param db the store
     * @param c a connection
     * @param runId a full id
     * @return the run's details, if it is stored
     * @throws SQLException if a query fails
     */
    static Optional<RunDetails> details(Database db, Connection c, String runId) throws SQLException {
        Integer rid = Keys.findRun(db, c, runId);
        if (rid == null) {
            return Optional.empty();
        }
        RunSummary summary = summary(c, rid);
        String folder;
        String spec;
        String point;
        String message;
        try (PreparedStatement ps = RunListing.prepare(c, "SELECT folder, spec, point, message FROM runs WHERE rid = ?",
                List.of(rid)); ResultSet r = ps.executeQuery()) {
            r.next();
            folder = r.getString(1);
            spec = r.getString(2);
            point = r.getString(3);
            message = r.getString(4);
        }
        return Optional.of(new RunDetails(summary, Path.of(folder), spec, point, message, params(c, rid),
                doubles(c, "SELECT name, val FROM timings WHERE rid = ?", rid), finals(c, rid), artifacts(c, rid),
                provenance(c, rid)));
    }

    /**
     * @param c a connection
     * @param rid a run's key
     * @return its listing line, with tags
     * @throws SQLException if a query fails
     */
    static RunSummary summary(Connection c, int rid) throws SQLException {
        List<String> tags = new ArrayList<>();
        try (PreparedStatement ps = RunListing.prepare(c, "SELECT tag FROM tags WHERE rid = ? ORDER BY tag", List.of(rid));
             ResultSet r = ps.executeQuery()) {
            while (r.next()) {
                tags.add(r.getString(1));
            }
        }
        try (PreparedStatement ps = RunListing.prepare(c, "SELECT " + RunListing.SELECT + " FROM runs r WHERE r.rid = ?",
                List.of(rid)); ResultSet r = ps.executeQuery()) {
            r.next();
            return RunListing.summary(r, tags);
        }
    }

    /**
     * @param c a connection
     * @param rid a run's key
     * @return its parameters, sorted
     * @throws SQLException if a query fails
     */
    static Map<String, String> params(Connection c, int rid) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (PreparedStatement ps = RunListing.prepare(c, "SELECT pkey, pvalue FROM params WHERE rid = ?", List.of(rid));
             ResultSet r = ps.executeQuery()) {
            while (r.next()) {
                out.put(r.getString(1), r.getString(2));
            }
        }
        return out;
    }

    /**
     * The final value of each metric; for a run without a result yet, each metric's value at its
     * latest step.
     *
     * @param c a connection
     * @param rid a run's key
     * @return the values by metric name, sorted
     * @throws SQLException if a query fails
     */
    static Map<String, Double> finals(Connection c, int rid) throws SQLException {
        Map<String, Double> out = doubles(c, "SELECT n.name, f.val FROM finals f JOIN metric_names n ON n.mid = f.mid"
                + " WHERE f.rid = ?", rid);
        if (!out.isEmpty()) {
            return out;
        }
        return doubles(c, "SELECT n.name, m.val FROM metrics m JOIN (SELECT mid, MAX(step) AS last FROM metrics"
                + " WHERE rid = ?1 GROUP BY mid) x ON m.mid = x.mid AND m.step = x.last"
                + " JOIN metric_names n ON n.mid = m.mid WHERE m.rid = ?1", rid);
    }

    private static Map<String, Double> doubles(Connection c, String sql, int rid) throws SQLException {
        Map<String, Double> out = new TreeMap<>();
        try (PreparedStatement ps = RunListing.prepare(c, sql, List.of(rid)); ResultSet r = ps.executeQuery()) {
            while (r.next()) {
                double v = r.getDouble(2);
                out.put(r.getString(1), r.wasNull() ? Double.NaN : v);
            }
        }
        return out;
    }

    private static List<ArtifactRecord> artifacts(Connection c, int rid) throws SQLException {
        List<ArtifactRecord> out = new ArrayList<>();
        try (PreparedStatement ps = RunListing.prepare(c, "SELECT name, path, size, sha256 FROM artifacts WHERE rid = ?"
                + " ORDER BY name", List.of(rid)); ResultSet r = ps.executeQuery()) {
            while (r.next()) {
                out.add(new ArtifactRecord(r.getString(1), r.getString(2), r.getLong(3), r.getString(4)));
            }
        }
        return out;
    }

    private static Provenance provenance(Connection c, int rid) throws SQLException {
        List<ComponentOrigin> components = new ArrayList<>();
        try (PreparedStatement ps = RunListing.prepare(c, "SELECT kind, name, bundle, version, sha256 FROM components"
                + " WHERE rid = ?", List.of(rid)); ResultSet r = ps.executeQuery()) {
            while (r.next()) {
                components.add(new ComponentOrigin(ComponentKind.valueOf(r.getString(1)), r.getString(2),
                        r.getString(3), r.getString(4), r.getString(5)));
            }
        }
        components.sort((a, b) -> a.kind() != b.kind() ? a.kind().compareTo(b.kind()) : a.name().compareTo(b.name()));
        try (PreparedStatement ps = RunListing.prepare(c, "SELECT host, os, processors, jvm_vendor, jvm_version, blas,"
                + " overparam FROM provenance WHERE rid = ?", List.of(rid)); ResultSet r = ps.executeQuery()) {
            if (!r.next()) {
                return new Provenance("", "", 0, "", "", "", "", components);
            }
            return new Provenance(r.getString(1), r.getString(2), r.getInt(3), r.getString(4), r.getString(5),
                    r.getString(6), r.getString(7), components);
        }
    }
}
