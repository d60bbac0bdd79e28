package org.overparam.store.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.overparam.api.store.MetricRow;

/**
 * What the layout of the metric rows costs H2 per row (not a unit test; {@code bench/run-store-ingest.sh
 * layouts}): each layout gets its own database file, with the store's URL settings, and the rows of
 * RUNS runs (3 transactions of 500 steps x 2 metrics each, as {@link IngestBench}) go in over one
 * connection held open, through the store's own insert ({@code Writes.insert}; {@code pk-batch}:
 * {@code Writes.batch}); the calling thread's CPU time per row
 * over the last two thirds of the runs is printed, the layouts taking turns round after round.
 *
 * <ul>
 * <li>{@code pk}: the store's table, {@code metrics(rid, mid, step, val; PK rid, mid, step)}; H2 keeps
 * the composite key as a second B-tree beside the table's row-id map
 * <li>{@code pk-batch}: the same table, a JDBC batch of single-row inserts instead of the array insert
 * <li>{@code index}: no primary key, a non-unique index on (rid, mid, step)
 * <li>{@code heap}: no key at all (a lower bound: the row-id map only)
 * <li>{@code packed}: one BIGINT primary key packing rid, mid and step ({@code rid<<41 | mid<<29 | step}),
 * which H2 uses as the row-id map's key: one B-tree
 * <li>{@code chunk}: one row per metric and transaction, its steps and values packed in a VARBINARY
 * </ul>
 *
 * <p>Usage: {@code LayoutBench DIR [RUNS] [ROUNDS] [LAYOUTS]}; DIR is emptied first.
 */
public final class LayoutBench {
    private static final int BATCHES = 3;
    private static final int STEPS = 500;
    private static final int METRICS = 2;
    /** The metrics' ids in the tables that key rows by (rid, mid, step). */
    private static final Map<String, Integer> MIDS = Map.of("m1", 1, "m2", 2);

    private LayoutBench() {
    }

    /**
     * @param args DIR [RUNS] [ROUNDS] [LAYOUTS, comma-separated]
     * @throws Exception if H2 fails
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "bench/target/store-layouts");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        String[] layouts = (args.length > 3 ? args[3] : "pk,pk-batch,index,heap,packed,chunk").split(",");
        Map<String, List<Double>> out = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            for (String layout : layouts) {
                Path d = dir.resolve(layout + "-" + r);
                IngestBench.clear(d);
                Files.createDirectories(d);
                double us = run(layout, "jdbc:h2:file:" + d.toAbsolutePath().resolve("db") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0", runs);
                out.computeIfAbsent(layout, k -> new ArrayList<>()).add(us);
                System.out.printf(Locale.ROOT, "round %d %-9s %6.2f us CPU per row%n", r, layout, us);
                IngestBench.clear(d);
            }
        }
        out.forEach((k, v) -> System.out.printf(Locale.ROOT, "layout %-9s us CPU per row by round %s%n", k,
                v.stream().map(x -> String.format(Locale.ROOT, "%.2f", x)).toList()));
    }

    private static double run(String layout, String url, int runs) throws SQLException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Driver driver = org.h2.Driver.load();
        try (Connection c = driver.connect(url, new Properties())) {
            try (Statement s = c.createStatement()) {
                for (String ddl : ddl(layout)) {
                    s.execute(ddl);
                }
            }
            c.setAutoCommit(false);
            long cpu = 0;
            long rows = 0;
            for (int rid = 1; rid <= runs; rid++) {
                long t0 = threads.getCurrentThreadCpuTime();
                for (int b = 0; b < BATCHES; b++) {
                    insert(c, layout, rid, b * STEPS);
                    c.commit();
                }
                if (rid > runs / 3) {
                    cpu += threads.getCurrentThreadCpuTime() - t0;
                    rows += BATCHES * STEPS * METRICS;
                }
            }
            return cpu / 1e3 / rows;
        }
    }

    private static List<String> ddl(String layout) {
        String cols = "rid INT NOT NULL, mid INT NOT NULL, step BIGINT NOT NULL, val DOUBLE PRECISION";
        return switch (layout) {
            case "pk", "pk-batch" -> List.of("CREATE TABLE metrics(" + cols + ", PRIMARY KEY(rid, mid, step))");
            case "index" -> List.of("CREATE TABLE metrics(" + cols + ")", "CREATE INDEX m ON metrics(rid, mid, step)");
            case "heap" -> List.of("CREATE TABLE metrics(" + cols + ")");
            case "packed" -> List.of("CREATE TABLE metrics(k BIGINT PRIMARY KEY, val DOUBLE PRECISION)");
            case "chunk" -> List.of("CREATE TABLE metrics(rid INT NOT NULL, mid INT NOT NULL, step BIGINT NOT NULL,"
                    + " n INT NOT NULL, vals VARBINARY(1000000), PRIMARY KEY(rid, mid, step))");
            default -> throw new IllegalArgumentException("no layout " + layout);
        };
    }

    /** The rows of one transaction, as the store's writer receives them: metrics m1, m2 at each step. */
    private static List<MetricRow> rows(long from) {
        List<MetricRow> rows = new ArrayList<>(STEPS * METRICS);
        for (long s = from; s < from + STEPS; s++) {
            for (int m = 1; m <= METRICS; m++) {
                rows.add(new MetricRow(s, "m" + m, value(m, s)));
            }
        }
        return rows;
    }

    private static double value(int mid, long step) {
        return mid * Math.exp(-0.01 * step);
    }

    private static void insert(Connection c, String layout, int rid, long from) throws SQLException {
        int n = STEPS * METRICS;
        switch (layout) {
            case "pk-batch" -> Writes.batch(c, "INSERT INTO metrics(rid, mid, step, val) VALUES(?, ?, ?, ?)", rid, MIDS,
                    rows(from));
            case "packed" -> {
                Long[] k = new Long[n];
                Double[] v = new Double[n];
                int i = 0;
                for (long s = from; s < from + STEPS; s++) {
                    for (int m = 1; m <= METRICS; m++) {
                        k[i] = (long) rid << 41 | (long) m << 29 | s;
                        v[i++] = value(m, s);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO metrics(k, val) SELECT * FROM"
                        + " TABLE(k BIGINT = ?, val DOUBLE PRECISION = ?)")) {
                    ps.setObject(1, k);
                    ps.setObject(2, v);
                    ps.executeUpdate();
                }
            }
            case "chunk" -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO metrics VALUES(?, ?, ?, ?, ?)")) {
                    for (int m = 1; m <= METRICS; m++) {
                        ByteBuffer b = ByteBuffer.allocate(STEPS * 16);
                        for (long s = from; s < from + STEPS; s++) {
                            b.putLong(s).putDouble(value(m, s));
                        }
                        ps.setInt(1, rid);
                        ps.setInt(2, m);
                        ps.setLong(3, from);
                        ps.setInt(4, STEPS);
                        ps.setBytes(5, b.array());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            default -> Writes.insert(c, rid, MIDS, rows(from));
        }
    }
}
