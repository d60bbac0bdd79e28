package org.overparam.store.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.overparam.api.store.MetricQuery;
import org.overparam.api.store.MetricSeries;

/**
 * Reads metric rows one series (run and metric) at a time, each an index range scan of
 * {@code metrics(rid, mid, step)}, and thins a series to at most {@code maxPoints} evenly spaced
 * rows, the first and last always kept.
 */
final class MetricReads {
    /** Receives series one by one. */
    @FunctionalInterface
    interface SeriesSink {
        /**
         * @param s a series
         * @throws IOException if writing it fails
         */
        void accept(MetricSeries s) throws IOException;
    }

    private MetricReads() {
    }

    /**
     * @param db the store
     * @param c a connection
     * @param q the query
     * @param sink receives each non-empty series, by run in the query's order, then by metric name
     * @throws SQLException if a query fails
     * @throws IOException if the sink fails
     */
    static void forEach(Database db, Connection c, MetricQuery q, SeriesSink sink) throws SQLException, IOException {
        List<Integer> rids = new ArrayList<>();
        for (String id : q.runIds()) {
            rids.add(Keys.run(db, c, id));
        }
        Map<String, Integer> wanted = q.metrics().isEmpty() ? null : Keys.metricsForRead(db, c, q.metrics());
        for (int i = 0; i < rids.size(); i++) {
            Map<String, Integer> metrics = wanted == null ? metricsOf(c, rids.get(i)) : new TreeMap<>(wanted);
            for (Map.Entry<String, Integer> m : metrics.entrySet()) {
                MetricSeries s = series(c, q.runIds().get(i), rids.get(i), m.getKey(), m.getValue(), q);
                if (s.size() > 0) {
                    sink.accept(s);
                }
            }
        }
    }

    /**
     * @param db the store
     * @param c a connection
     * @param q the query
     * @return every non-empty series it selects
     * @throws SQLException if a query fails
     */
    static List<MetricSeries> list(Database db, Connection c, MetricQuery q) throws SQLException {
        List<MetricSeries> out = new ArrayList<>();
        try {
            forEach(db, c, q, out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static Map<String, Integer> metricsOf(Connection c, int rid) throws SQLException {
        Map<String, Integer> out = new TreeMap<>();
        try (PreparedStatement ps = RunListing.prepare(c, "SELECT n.name, n.mid FROM metric_names n WHERE n.mid IN"
                + " (SELECT DISTINCT m.mid FROM metrics m WHERE m.rid = ?)", List.of(rid)); ResultSet r = ps.executeQuery()) {
            while (r.next()) {
                out.put(r.getString(1), r.getInt(2));
            }
        }
        return out;
    }

    private static MetricSeries series(Connection c, String runId, int rid, String metric, int mid, MetricQuery q)
            throws SQLException {
        long[] steps = new long[64];
        double[] values = new double[64];
        int n = 0;
        try (PreparedStatement ps = RunListing.prepare(c, "SELECT step, val FROM metrics WHERE rid = ? AND mid = ?"
                + " AND step BETWEEN ? AND ? ORDER BY step", List.of(rid, mid, q.fromStep(), q.toStep()));
             ResultSet r = ps.executeQuery()) {
            while (r.next()) {
                if (n == steps.length) {
                    steps = Arrays.copyOf(steps, 2 * n);
                    values = Arrays.copyOf(values, 2 * n);
                }
                steps[n] = r.getLong(1);
                double v = r.getDouble(2);
                values[n++] = r.wasNull() ? Double.NaN : v;
            }
        }
        if (q.maxPoints() == 0 || n <= q.maxPoints()) {
            return new MetricSeries(runId, metric, Arrays.copyOf(steps, n), Arrays.copyOf(values, n));
        }
        int m = q.maxPoints();
        long[] s = new long[m];
        double[] v = new double[m];
        for (int j = 0; j < m; j++) {
            int k = pick(j, n, m);
            s[j] = steps[k];
            v[j] = values[k];
        }
        return new MetricSeries(runId, metric, s, v);
    }

    /**
     * @param j the point, 0 .. m-1
     * @param n the rows, more than m
     * @param m the points kept, at least 2
     * @return the row of point j: round(j (n-1) / (m-1)), so 0 and n-1 are kept and no row twice
     */
    static int pick(int j, int n, int m) {
        return (int) ((2L * j * (n - 1) + (m - 1)) / (2L * (m - 1)));
    }
}
