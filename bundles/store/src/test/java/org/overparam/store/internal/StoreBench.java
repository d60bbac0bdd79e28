package org.overparam.store.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.overparam.api.ComponentKind;
import org.overparam.api.run.RunStatus;
import org.overparam.api.store.ComponentOrigin;
import org.overparam.api.store.ExportFormat;
import org.overparam.api.store.MetricQuery;
import org.overparam.api.store.ParamFilter;
import org.overparam.api.store.Provenance;
import org.overparam.api.store.RunOutcome;
import org.overparam.api.store.RunQuery;
import org.overparam.api.store.RunRecord;
import org.overparam.api.store.RunStore;

/**
 * The run store's benchmark (not a unit test; run by {@code bench/run-store.sh}): fills a store with
 * synthetic runs (default 10,000 in sweeps of 100: in each sweep 5 widths x 5 learning rates x 4
 * seeds, the depth and optimizer varying from sweep to sweep; 33 parameters and 12 final metrics per
 * run) and their per-step metric rows
 * (default 10,000,000: 500 steps x 2 metrics per run), then times the queries the {@code runs},
 * {@code show} and {@code compare} commands make: the median of 7 repetitions after 2 warm-ups, and
 * the first query of a freshly opened store (what a new {@code overparam runs} process pays).
 *
 * <p>The first 200 runs go through the store's own write path ({@link RunStore#begin},
 * {@link RunStore#appendMetrics}, {@link RunStore#finish}); the rest are bulk-loaded with JDBC batches
 * and, for the metric rows, with one {@code INSERT ... SELECT} per 100 runs generated inside H2.
 * Usage: {@code StoreBench DIR [RUNS] [ROWS]}; DIR must not hold a store yet, or its store is reused.
 */
public final class StoreBench {
    private static final int API_RUNS = 200;
    private static final int STEPS_PER_METRIC = 500;
    private static final String[] OPTIMIZERS = {"gd", "nesterov"};
    private static final double[] LRS = {0.01, 0.02, 0.05, 0.1, 0.2};
    private static final String[] FINALS = {"train.loss", "optimizer.grad_norm", "dynamics.movement", "dynamics.flip",
        "dynamics.rate", "dynamics.rate_r2", "dynamics.log_rate", "ntk.lambda_min", "ntk.lambda_max",
        "ntk.movement", "train.sample_gradients", "test.loss"};

    private StoreBench() {
    }

    /**
     * @param args DIR [RUNS] [ROWS]
     * @throws Exception if the store fails
     */
    public static void main(String[] args) throws Exception {
        Path runs = Path.of(args.length > 0 ? args[0] : "bench/target/store-bench");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        long rows = args.length > 2 ? Long.parseLong(args[2]) : 10_000_000L;
        Files.createDirectories(runs);
        boolean fresh = !Files.exists(runs.resolve(StoreLocation.FILE_NAME));
        H2RunStore store = Records.store();
        if (fresh) {
            fill(store, runs, n, rows);
        }
        if (fresh) {
            store.close();
            long tc = System.nanoTime();
            try (Connection c = org.h2.Driver.load().connect(StoreLocation.of(runs, null).url(), new java.util.Properties());
                 Statement st = c.createStatement()) {
                st.execute("SHUTDOWN COMPACT");
            }
            System.out.printf(Locale.ROOT, "fill: SHUTDOWN COMPACT after the fill: %.1f s%n", (System.nanoTime() - tc) / 1e9);
            store = Records.store();
        }
        Database db = store.database(runs);
        long[] counts = db.transaction("count", c -> new long[] {count(c, "runs"), count(c, "metrics"),
                count(c, "params")});
        System.out.printf(Locale.ROOT, "store: %d runs, %d metric rows, %d parameter rows, %.0f MB on disk%n",
                counts[0], counts[1], counts[2], Files.size(runs.resolve(StoreLocation.FILE_NAME)) / 1e6);
        store.close();

        H2RunStore cold = Records.store();
        long t0 = System.nanoTime();
        cold.runs(runs, RunQuery.all().page(50, 0));
        System.out.printf(Locale.ROOT, "cold: open the store and list the newest 50 runs: %.0f ms%n",
                (System.nanoTime() - t0) / 1e6);
        long t1 = System.nanoTime();
        int total = (int) counts[0];
        cold.compare(runs, List.of(id(17 % total), id(4242 % total), id(9001 % total)));
        System.out.printf(Locale.ROOT, "cold: first compare of 3 runs: %.0f ms%n", (System.nanoTime() - t1) / 1e6);
        time(cold, runs, total);
        cold.close();
    }

    private static void time(H2RunStore s, Path runs, int n) throws IOException {
        List<String> five = List.of(id(3 % n), id(1003 % n), id(2003 % n), id(3003 % n), id(4003 % n));
        List<String> twenty = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            twenty.add(id(i * 487 % n));
        }
        String one = id(4242 % n);
        String sweep = "sweep-" + (4242 % n) / 100;
        time("runs (newest 50 of all)", () -> s.runs(runs, RunQuery.all().page(50, 0)).total());
        time("runs status=CONVERGED architecture.width=1024 tag=paper-b", () -> s.runs(runs, RunQuery.all()
                .withStatus(RunStatus.CONVERGED).withParam(ParamFilter.parse("architecture.width=1024"))
                .withTag("paper-b").page(50, 0)).total());
        time("runs architecture.width>=1024 optimizer.lr=0.05 --sort -loss --offset 100", () -> s.runs(runs,
                RunQuery.all().withParam(ParamFilter.parse("architecture.width>=1024"))
                        .withParam(ParamFilter.parse("optimizer.lr=0.05")).sortedBy("loss", true).page(50, 100)).total());
        time("runs --sort architecture.width (order by a parameter)", () -> s.runs(runs, RunQuery.all()
                .sortedBy("architecture.width", false).page(50, 0)).total());
        time("runs --sort -metric:dynamics.rate --offset 5000", () -> s.runs(runs, RunQuery.all()
                .sortedBy("metric:dynamics.rate", true).page(50, 5000)).total());
        time("runs sweep=" + sweep + " name=bench-*", () -> s.runs(runs, RunQuery.all().withSweep(sweep)
                .withName("bench-*").page(50, 0)).total());
        time("show RUN (details)", () -> s.run(runs, one).orElseThrow().params().size());
        time("compare 5 runs", () -> s.compare(runs, five).metrics().size());
        time("compare 20 runs", () -> s.compare(runs, twenty).metrics().size());
        time("compare --sweep " + sweep + " (aggregate 100 runs over seeds)", () -> s.aggregate(runs, sweep).size());
        time("metrics of 1 run (1,000 rows)", () -> s.metrics(runs, MetricQuery.of(List.of(one))).size());
        time("metrics of 20 runs, train.loss, 100 points each", () -> s.metrics(runs, MetricQuery.of(twenty)
                .metrics(List.of("train.loss")).downsampled(100)).size());
        Writer sink = Writer.nullWriter();
        time("runs --csv (export all runs, params and final metrics)", () -> {
            try {
                s.exportRuns(runs, RunQuery.all(), ExportFormat.CSV, sink);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return 0;
        });
    }

    private static void time(String what, Supplier<?> query) {
        for (int i = 0; i < 2; i++) {
            query.get();
        }
        double[] ms = new double[7];
        Object result = null;
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            result = query.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "%-64s median %7.1f ms  (min %.1f, max %.1f; result %s)%n", what, ms[3], ms[0],
                ms[6], result);
    }

    static String id(int i) {
        return String.format(Locale.ROOT, "bench-20261123-%06d-%04x", i, i * 2654435761L & 0xffff);
    }

    private static void fill(H2RunStore store, Path runs, int n, long rows) throws SQLException {
        long t0 = System.nanoTime();
        int api = Math.min(API_RUNS, n);
        for (int i = 0; i < api; i++) {
            RunRecord r = record(runs, i);
            store.begin(runs, r);
            store.appendMetrics(runs, r.id(), Records.loss(STEPS_PER_METRIC, rate(i)));
            store.finish(runs, r.id(), outcome(i));
        }
        long t1 = System.nanoTime();
        System.out.printf(Locale.ROOT, "fill: %d runs through the store's API (begin, %d rows, finish): %.1f s,"
                + " %.1f ms per run%n", api, 2 * STEPS_PER_METRIC, (t1 - t0) / 1e9, (t1 - t0) / 1e6 / api);
        Database db = store.database(runs);
        Map<String, Integer> mids = Keys.metricsForWrite(db, List.of(FINALS));
        int chunk = 500;
        for (int from = api; from < n; from += chunk) {
            int to = Math.min(n, from + chunk);
            int start = from;
            db.transaction("fill runs", c -> {
                bulkRuns(c, runs, start, to, mids);
                return null;
            });
        }
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "fill: %d more runs by JDBC batches (runs, params, tags, finals, provenance):"
                + " %.1f s%n", n - api, (t2 - t1) / 1e9);
        long perRun = Math.max(1, rows / n / 2);
        int loss = mids.get("train.loss");
        int grad = mids.get("optimizer.grad_norm");
        for (int from = api; from < n; from += 100) {
            int to = Math.min(n, from + 100);
            String sql = "INSERT INTO metrics(rid, mid, step, val) SELECT r.rid, m.mid, s.X,"
                    + " CASE WHEN m.mid = " + grad + " THEN 2 ELSE 1 END * EXP(-(1 + MOD(r.rid, 7)) * 0.01 * s.X)"
                    + " FROM runs r JOIN metric_names m ON m.mid IN (" + loss + ", " + grad + ")"
                    + " CROSS JOIN SYSTEM_RANGE(0, " + (perRun - 1) + ") s"
                    + " WHERE r.id >= '" + id(from) + "' AND r.id <= '" + id(to - 1) + "' AND r.id LIKE 'bench-%'";
            db.transaction("fill metrics", c -> {
                try (Statement st = c.createStatement()) {
                    st.execute(sql);
                }
                return null;
            });
        }
        long t3 = System.nanoTime();
        System.out.printf(Locale.ROOT, "fill: metric rows for %d runs by INSERT ... SELECT in H2: %.1f s (%.0f rows/s)%n",
                n - api, (t3 - t2) / 1e9, (n - api) * 2.0 * perRun / ((t3 - t2) / 1e9));
    }

    private static double rate(int i) {
        return 1 - 0.01 * (1 + i % 7);
    }

    private static RunRecord record(Path runs, int i) {
        return new RunRecord(id(i), "bench-" + (i / 100 % 3), runs.resolve(id(i)), "name: bench\nseed: " + seed(i) + "\n",
                seed(i), params(i), tags(i), "sweep-" + i / 100, "", Records.T0.plusSeconds(i), provenance());
    }

    private static long seed(int i) {
        return i % 4;
    }

    private static Set<String> tags(int i) {
        return i % 7 == 3 ? Set.of("bench", "paper-b") : Set.of("bench");
    }

    private static Map<String, String> params(int i) {
        Map<String, String> p = new TreeMap<>();
        p.put("name", "bench-" + (i / 100 % 3));
        p.put("seed", Long.toString(seed(i)));
        p.put("dataset", "sphere");
        p.put("dataset.n", "64");
        p.put("dataset.d", "10");
        p.put("dataset.delta", "0.0");
        p.put("dataset.noise", "-1.0");
        p.put("dataset.outputs", "1");
        p.put("dataset.target", "teacher");
        p.put("dataset.teacherWidth", "16");
        p.put("architecture", "fc");
        p.put("architecture.width", Integer.toString(64 << (i % 100 / 4 % 5)));
        p.put("architecture.depth", Integer.toString(1 + (i / 100) % 4));
        p.put("architecture.activation", "relu");
        p.put("architecture.bias", "false");
        p.put("initializer", "ntk");
        p.put("initializer.variance", "2.0");
        p.put("initializer.outputVariance", "1.0");
        p.put("initializer.biasScale", "1.0");
        p.put("loss", "squared");
        p.put("loss.half", "true");
        p.put("loss.reduction", "sum");
        p.put("optimizer", OPTIMIZERS[(i / 100) % 2]);
        p.put("optimizer.lr", Double.toString(LRS[i % 100 / 20]));
        p.put("schedule", "constant");
        p.put("analyzers.0", "dynamics");
        p.put("analyzers.0.label", "dynamics");
        p.put("analyzers.0.every", "50");
        p.put("analyzers.0.flips", "true");
        p.put("analyzers.0.rateWindow", "100");
        p.put("stop.maxSteps", "3000");
        p.put("stop.targetLoss", "1.0E-7");
        p.put("checkpoint.every", "1000");
        return p;
    }

    private static RunStatus status(int i) {
        int h = (int) ((i * 2654435761L >>> 8) % 20);
        return h < 10 ? RunStatus.CONVERGED : h < 16 ? RunStatus.COMPLETED : h < 19 ? RunStatus.DIVERGED
                : RunStatus.FAILED;
    }

    private static Map<String, Double> finals(int i) {
        Map<String, Double> m = new TreeMap<>();
        for (int k = 0; k < FINALS.length; k++) {
            m.put(FINALS[k], Math.exp(-((i * 31 + k * 17) % 97) / 10.0));
        }
        return m;
    }

    private static RunOutcome outcome(int i) {
        return new RunOutcome(status(i), 500, finals(i).get("train.loss"), "done", Records.T0.plusSeconds(i + 60),
                Map.of("total_seconds", 1.0 + i % 50, "steps_seconds", 0.5 + i % 50), finals(i));
    }

    private static Provenance provenance() {
        List<ComponentOrigin> c = new ArrayList<>();
        for (ComponentKind k : List.of(ComponentKind.DATASET, ComponentKind.ARCHITECTURE, ComponentKind.INITIALIZER,
                ComponentKind.LOSS, ComponentKind.OPTIMIZER, ComponentKind.SCHEDULE, ComponentKind.ANALYZER)) {
            c.add(new ComponentOrigin(k, k.key(), "org.overparam.plugin." + k.key(), "0.1.0.SNAPSHOT", "ab".repeat(32)));
        }
        return new Provenance("bench-host", "Linux 6.1 amd64", 2, "Eclipse Adoptium", "17.0.9+9", "native OpenBLAS",
                "0.1.0.SNAPSHOT", c);
    }

    private static void bulkRuns(Connection c, Path runs, int from, int to, Map<String, Integer> mids)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO runs(id, name, folder, spec, seed, status, sweep,"
                + " point, created, finished, steps, loss, seconds, message) VALUES(?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?,"
                + " 'done')")) {
            for (int i = from; i < to; i++) {
                RunRecord r = record(runs, i);
                RunOutcome o = outcome(i);
                ps.setString(1, r.id());
                ps.setString(2, r.name());
                ps.setString(3, r.folder().toString());
                ps.setString(4, r.spec());
                ps.setLong(5, r.seed());
                ps.setString(6, o.status().name());
                ps.setString(7, r.sweep());
                ps.setLong(8, r.created().toEpochMilli());
                ps.setLong(9, o.finished().toEpochMilli());
                ps.setLong(10, o.steps());
                ps.setDouble(11, o.loss());
                ps.setDouble(12, o.timings().get("total_seconds"));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        Map<String, Integer> rids = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, rid FROM runs WHERE id >= ? AND id <= ?")) {
            ps.setString(1, id(from));
            ps.setString(2, id(to - 1));
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    rids.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        try (PreparedStatement params = c.prepareStatement("INSERT INTO params(rid, pkey, pvalue, pnum) VALUES(?, ?, ?, ?)");
             PreparedStatement tags = c.prepareStatement("INSERT INTO tags(rid, tag) VALUES(?, ?)");
             PreparedStatement finals = c.prepareStatement("INSERT INTO finals(rid, mid, val) VALUES(?, ?, ?)");
             PreparedStatement timings = c.prepareStatement("INSERT INTO timings(rid, name, val) VALUES(?, ?, ?)");
             PreparedStatement prov = c.prepareStatement("INSERT INTO provenance(rid, host, os, processors, jvm_vendor,"
                     + " jvm_version, blas, overparam) VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement comps = c.prepareStatement("INSERT INTO components(rid, kind, name, bundle, version,"
                     + " sha256) VALUES(?, ?, ?, ?, ?, ?)")) {
            Provenance p = provenance();
            for (int i = from; i < to; i++) {
                int rid = rids.get(id(i));
                for (Map.Entry<String, String> e : params(i).entrySet()) {
                    params.setInt(1, rid);
                    params.setString(2, e.getKey());
                    params.setString(3, e.getValue());
                    Double num = Numbers.parse(e.getValue());
                    if (num == null) {
                        params.setNull(4, java.sql.Types.DOUBLE);
                    } else {
                        params.setDouble(4, num);
                    }
                    params.addBatch();
                }
                for (String t : tags(i)) {
                    tags.setInt(1, rid);
                    tags.setString(2, t);
                    tags.addBatch();
                }
                for (Map.Entry<String, Double> e : finals(i).entrySet()) {
                    finals.setInt(1, rid);
                    finals.setInt(2, mids.get(e.getKey()));
                    finals.setDouble(3, e.getValue());
                    finals.addBatch();
                }
                for (Map.Entry<String, Double> e : outcome(i).timings().entrySet()) {
                    timings.setInt(1, rid);
                    timings.setString(2, e.getKey());
                    timings.setDouble(3, e.getValue());
                    timings.addBatch();
                }
                prov.setInt(1, rid);
                prov.setString(2, p.host());
                prov.setString(3, p.os());
                prov.setInt(4, p.processors());
                prov.setString(5, p.jvmVendor());
                prov.setString(6, p.jvmVersion());
                prov.setString(7, p.blas());
                prov.setString(8, p.overparamVersion());
                prov.addBatch();
                for (ComponentOrigin o : p.components()) {
                    comps.setInt(1, rid);
                    comps.setString(2, o.kind().name());
                    comps.setString(3, o.name());
                    comps.setString(4, o.bundle());
                    comps.setString(5, o.version());
                    comps.setString(6, o.sha256());
                    comps.addBatch();
                }
            }
            params.executeBatch();
            tags.executeBatch();
            finals.executeBatch();
            timings.executeBatch();
            prov.executeBatch();
            comps.executeBatch();
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); var r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }
}
