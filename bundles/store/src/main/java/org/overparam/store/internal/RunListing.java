package org.overparam.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.Names;
import org.overparam.api.run.RunStatus;
import org.overparam.api.store.ParamFilter;
import org.overparam.api.store.RunQuery;
import org.overparam.api.store.RunSummary;

/**
 * The SQL behind {@code runs}: one statement for the page and one for the count, sharing their
 * conditions. Each parameter condition is a semi-join on {@code params} through its
 * {@code (pkey, pnum, rid)} or {@code (pkey, pvalue, rid)} index; tags through {@code (tag, rid)};
 * status, name and sweep on the runs' own indexes. Ordering by a parameter or a final metric joins
 * that one value per run.
 */
final class RunListing {
    /** The orders on the runs' own columns, by the names queries use. */
    private static final Map<String, String> COLUMNS = Map.of("created", "r.created", "finished", "r.finished",
            "id", "r.id", "name", "r.name", "status", "r.status", "seed", "r.seed", "steps", "r.steps",
            "loss", "r.loss", "seconds", "r.seconds", "sweep", "r.sweep");
    static final String SELECT = "r.rid, r.id, r.name, r.status, r.seed, r.sweep, r.created, r.finished, r.steps,"
            + " r.loss, r.seconds";

    private final StringBuilder where = new StringBuilder();
    private final List<Object> args = new ArrayList<>();

    private RunListing() {
    }

    /**
     * @param db the store
     * @param c a connection
     * @param q the query
     * @return the page's runs with their keys, and the total
     * @throws SQLException if a statement fails
     */
    static Page page(Database db, Connection c, RunQuery q) throws SQLException {
        checkKeys(c, q);
        RunListing l = new RunListing();
        l.conditions(q);
        StringBuilder sql = new StringBuilder("SELECT ").append(SELECT).append(" FROM runs r");
        List<Object> joinArgs = new ArrayList<>();
        String order = l.order(db, c, q, sql, joinArgs);
        sql.append(" WHERE ").append(l.where).append(" ORDER BY ").append(order);
        if (q.limit() > 0) {
            sql.append(" LIMIT ").append(q.limit());
        }
        if (q.offset() > 0) {
            sql.append(" OFFSET ").append(q.offset());
        }
        List<Object> all = new ArrayList<>(joinArgs);
        all.addAll(l.args);
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = prepare(c, sql.toString(), all); ResultSet r = ps.executeQuery()) {
            while (r.next()) {
                rows.add(new Row(r.getInt(1), summary(r, List.of())));
            }
        }
        long total;
        if (q.limit() == 0 && q.offset() == 0) {
            total = rows.size();
        } else {
            try (PreparedStatement ps = prepare(c, "SELECT COUNT(*) FROM runs r WHERE " + l.where, l.args);
                 ResultSet r = ps.executeQuery()) {
                r.next();
                total = r.getLong(1);
            }
        }
        return new Page(withTags(c, rows), total);
    }

    /**
     * A run with its key.
     *
     * @param rid its key
     * @param summary its listing line
     */
    record Row(int rid, RunSummary summary) {
    }

    /**
     * @param rows the page
     * @param total how many match in all
     */
    record Page(List<Row> rows, long total) {
    }

    /**
     * Refuses a parameter condition on a key that no run in the store has (a misspelt key would
     * otherwise match nothing, or everything for {@code !=}), suggesting the nearest key. A store
     * without runs refuses nothing: its answer is "no runs match" whatever the key.
     */
    private static void checkKeys(Connection c, RunQuery q) throws SQLException {
        List<String> known = null;
        for (ParamFilter f : q.params()) {
            try (PreparedStatement ps = prepare(c, "SELECT 1 FROM params WHERE pkey = ? LIMIT 1", List.of(f.key()));
                 ResultSet r = ps.executeQuery()) {
                if (r.next()) {
                    continue;
                }
            }
            known = known == null ? paramKeys(c) : known;
            if (!known.isEmpty()) {
                throw new InvalidInputException(f.toString(), "no run has a parameter '" + f.key() + "'"
                        + Names.suggestion(f.key(), known) + "; 'overparam show ID' lists a run's parameters");
            }
        }
    }

    /** @return every parameter key in the store, sorted */
    private static List<String> paramKeys(Connection c) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (PreparedStatement ps = prepare(c, "SELECT DISTINCT pkey FROM params ORDER BY pkey", List.of());
             ResultSet r = ps.executeQuery()) {
            while (r.next()) {
                keys.add(r.getString(1));
            }
        }
        return keys;
    }

    private void conditions(RunQuery q) {
        where.append("1 = 1");
        if (!q.statuses().isEmpty()) {
            where.append(" AND r.status IN (");
            int i = 0;
            for (RunStatus s : q.statuses()) {
                where.append(i++ == 0 ? "?" : ", ?");
                args.add(s.name());
            }
            where.append(')');
        }
        if (!q.name().isEmpty()) {
            if (q.name().indexOf('*') >= 0 || q.name().indexOf('?') >= 0) {
                where.append(" AND r.name LIKE ? ESCAPE '\\'");
                args.add(like(q.name()));
            } else {
                where.append(" AND r.name = ?");
                args.add(q.name());
            }
        }
        if (!q.sweep().isEmpty()) {
            where.append(" AND r.sweep = ?");
            args.add(q.sweep());
        }
        for (String tag : q.tags()) {
            where.append(" AND r.rid IN (SELECT t.rid FROM tags t WHERE t.tag = ?)");
            args.add(tag);
        }
        for (ParamFilter f : q.params()) {
            param(f);
        }
    }

    private void param(ParamFilter f) {
        Double n = f.number();
        String test = switch (f.op()) {
            case EQ, NE -> n == null ? "p.pvalue = ?" : "p.pnum = ?";
            case LT -> "p.pnum < ?";
            case LE -> "p.pnum <= ?";
            case GT -> "p.pnum > ?";
            case GE -> "p.pnum >= ?";
        };
        where.append(f.op() == ParamFilter.Op.NE ? " AND r.rid NOT IN" : " AND r.rid IN")
                .append(" (SELECT p.rid FROM params p WHERE p.pkey = ? AND ").append(test).append(')');
        args.add(f.key());
        args.add(n == null ? f.value() : (Object) n);
    }

    private String order(Database db, Connection c, RunQuery q, StringBuilder sql, List<Object> joinArgs)
            throws SQLException {
        String dir = q.descending() ? " DESC" : "";
        String column = COLUMNS.get(q.sort());
        if (column != null) {
            return column + dir + " NULLS LAST, r.id" + dir;
        }
        if (q.sort().startsWith(RunQuery.METRIC_PREFIX)) {
            String metric = q.sort().substring(RunQuery.METRIC_PREFIX.length());
            Integer mid = Keys.metricsForRead(db, c, List.of(metric)).get(metric);
            if (mid == null) {
                throw new InvalidInputException("--sort", "no run has a metric '" + metric + "'");
            }
            sql.append(" LEFT JOIN finals f ON f.rid = r.rid AND f.mid = ?");
            joinArgs.add(mid);
            return "f.val" + dir + " NULLS LAST, r.id" + dir;
        }
        try (PreparedStatement ps = prepare(c, "SELECT 1 FROM params WHERE pkey = ? LIMIT 1", List.of(q.sort()));
             ResultSet r = ps.executeQuery()) {
            if (!r.next()) {
                List<String> known = new ArrayList<>(COLUMNS.keySet());
                known.sort(null);
                List<String> near = new ArrayList<>(known);
                near.addAll(paramKeys(c));
                throw new InvalidInputException("--sort", "cannot order by '" + q.sort() + "': no run has such a"
                        + " parameter" + Names.suggestion(q.sort(), near) + "; orders: " + String.join(", ", known)
                        + ", metric:<name> or a parameter key");
            }
        }
        sql.append(" LEFT JOIN params s ON s.rid = r.rid AND s.pkey = ?");
        joinArgs.add(q.sort());
        return "s.pnum" + dir + " NULLS LAST, s.pvalue" + dir + " NULLS LAST, r.id" + dir;
    }

    /**
     * @param glob a name with {@code *} and {@code ?}
     * @return the LIKE pattern, {@code \} escaping
     */
    static String like(String glob) {
        StringBuilder b = new StringBuilder();
        for (char ch : glob.toCharArray()) {
            switch (ch) {
                case '*' -> b.append('%');
                case '?' -> b.append('_');
                case '%', '_', '\\' -> b.append('\\').append(ch);
                default -> b.append(ch);
            }
        }
        return b.toString();
    }

    /**
     * @param text any text
     * @return a LIKE pattern matching exactly it, {@code \} escaping
     */
    static String literal(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /**
     * @param r a result set positioned on a row of {@link #SELECT}
     * @param tags the run's tags
     * @return its listing line
     * @throws SQLException if reading fails
     */
    static RunSummary summary(ResultSet r, List<String> tags) throws SQLException {
        long finished = r.getLong(8);
        Instant end = r.wasNull() ? null : Instant.ofEpochMilli(finished);
        double loss = r.getDouble(10);
        loss = r.wasNull() ? Double.NaN : loss;
        double seconds = r.getDouble(11);
        seconds = r.wasNull() ? Double.NaN : seconds;
        return new RunSummary(r.getString(2), r.getString(3), RunStatus.valueOf(r.getString(4)), r.getLong(5),
                r.getString(6), Instant.ofEpochMilli(r.getLong(7)), end, r.getLong(9), loss, seconds, tags);
    }

    /** Fills in the tags of a page's runs with one query. */
    private static List<Row> withTags(Connection c, List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Integer, List<String>> tags = new HashMap<>();
        StringBuilder in = new StringBuilder();
        List<Object> ids = new ArrayList<>();
        for (Row row : rows) {
            in.append(in.length() == 0 ? "?" : ", ?");
            ids.add(row.rid());
        }
        try (PreparedStatement ps = prepare(c, "SELECT rid, tag FROM tags WHERE rid IN (" + in + ") ORDER BY rid, tag",
                ids); ResultSet r = ps.executeQuery()) {
            while (r.next()) {
                tags.computeIfAbsent(r.getInt(1), k -> new ArrayList<>()).add(r.getString(2));
            }
        }
        if (tags.isEmpty()) {
            return rows;
        }
        List<Row> out = new ArrayList<>(rows.size());
        for (Row row : rows) {
            RunSummary s = row.summary();
            out.add(new Row(row.rid(), new RunSummary(s.id(), s.name(), s.status(), s.seed(), s.sweep(), s.created(),
                    s.finished(), s.steps(), s.loss(), s.seconds(), tags.getOrDefault(row.rid(), List.of()))));
        }
        return out;
    }

    /**
     * @param c a connection
     * @param sql a statement with {@code ?} placeholders
     * @param args their values: String, Integer, Long or Double
     * @return the prepared statement
     * @throws SQLException if preparing fails
     */
    static PreparedStatement prepare(Connection c, String sql, List<?> args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
        return ps;
    }
}
