package org.overparam.store.internal;

import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.overparam.api.store.ArtifactRecord;
import org.overparam.api.store.Comparison;
import org.overparam.api.store.ComponentOrigin;
import org.overparam.api.store.ExportFormat;
import org.overparam.api.store.MetricQuery;
import org.overparam.api.store.Provenance;
import org.overparam.api.store.RunDetails;
import org.overparam.api.store.RunQuery;
import org.overparam.api.store.RunSummary;

/** The store's CSV and JSON exports (formats in {@link org.overparam.api.store.RunStore}). */
final class Exports {
    /** The listing fields, in column order. */
    static final List<String> FIELDS = List.of("id", "name", "status", "seed", "sweep", "created", "finished", "steps",
            "loss", "seconds", "tags");
    private static final int CHUNK = 500;

    private Exports() {
    }

    /**
     * @param db the store
     * @param c a connection
     * @param q which runs
     * @param format CSV or JSON
     * @param out where to write
     * @throws SQLException if a query fails
     * @throws IOException if writing fails
     */
    static void runs(Database db, Connection c, RunQuery q, ExportFormat format, Writer out)
            throws SQLException, IOException {
        List<RunListing.Row> rows = RunListing.page(db, c, q).rows();
        Map<Integer, Map<String, String>> params = new HashMap<>();
        Map<Integer, Map<String, Double>> finals = new HashMap<>();
        Map<Integer, String> names = Keys.metricNames(c);
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<Integer> rids = new ArrayList<>();
            rows.subList(from, Math.min(rows.size(), from + CHUNK)).forEach(r -> rids.add(r.rid()));
            String in = "?" + ", ?".repeat(rids.size() - 1);
            try (PreparedStatement ps = RunListing.prepare(c, "SELECT rid, pkey, pvalue FROM params WHERE rid IN (" + in
                    + ")", rids); ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    params.computeIfAbsent(r.getInt(1), k -> new TreeMap<>()).put(r.getString(2), r.getString(3));
                }
            }
            try (PreparedStatement ps = RunListing.prepare(c, "SELECT rid, mid, val FROM finals WHERE rid IN (" + in
                    + ")", rids); ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    double v = r.getDouble(3);
                    finals.computeIfAbsent(r.getInt(1), k -> new TreeMap<>()).put(names.get(r.getInt(2)),
                            r.wasNull() ? Double.NaN : v);
                }
            }
        }
        if (format == ExportFormat.JSON) {
            JsonWriter j = new JsonWriter(out).beginArray();
            for (RunListing.Row row : rows) {
                j.beginObject();
                summary(j, row.summary());
                strings(j.key("params"), params.getOrDefault(row.rid(), Map.of()));
                doubles(j.key("metrics"), finals.getOrDefault(row.rid(), Map.of()));
                j.endObject();
            }
            j.endArray().finish();
            return;
        }
        TreeSet<String> keys = new TreeSet<>();
        params.values().forEach(p -> keys.addAll(p.keySet()));
        TreeSet<String> metrics = new TreeSet<>();
        finals.values().forEach(f -> metrics.addAll(f.keySet()));
        List<String> header = new ArrayList<>(FIELDS);
        keys.forEach(k -> header.add("param:" + k));
        metrics.forEach(m -> header.add("metric:" + m));
        Csv.line(out, header);
        for (RunListing.Row row : rows) {
            List<String> line = summaryFields(row.summary());
            Map<String, String> p = params.getOrDefault(row.rid(), Map.of());
            keys.forEach(k -> line.add(p.get(k)));
            Map<String, Double> f = finals.getOrDefault(row.rid(), Map.of());
            metrics.forEach(m -> line.add(Csv.number(f.get(m))));
            Csv.line(out, line);
        }
    }

    /**
     * @param db the store
     * @param c a connection
     * @param q which rows
     * @param format CSV or JSON
     * @param out where to write
     * @throws SQLException if a query fails
     * @throws IOException if writing fails
     */
    static void metrics(Database db, Connection c, MetricQuery q, ExportFormat format, Writer out)
            throws SQLException, IOException {
        if (format == ExportFormat.CSV) {
            Csv.line(out, List.of("run", "step", "metric", "value"));
            MetricReads.forEach(db, c, q, s -> {
                String run = Csv.field(s.runId());
                String metric = Csv.field(s.metric());
                for (int i = 0; i < s.size(); i++) {
                    out.write(run);
                    out.write(',');
                    out.write(Long.toString(s.steps()[i]));
                    out.write(',');
                    out.write(metric);
                    out.write(',');
                    out.write(Double.toString(s.values()[i]));
                    out.write('\n');
                }
            });
            return;
        }
        JsonWriter j = new JsonWriter(out).beginArray();
        MetricReads.forEach(db, c, q, s -> {
            j.beginObject().key("run").value(s.runId()).key("metric").value(s.metric()).key("steps").beginArray();
            for (long step : s.steps()) {
                j.value(step);
            }
            j.endArray().key("values").beginArray();
            for (double v : s.values()) {
                j.value(v);
            }
            j.endArray().endObject();
        });
        j.endArray().finish();
    }

    /**
     * @param d a run's details
     * @param out where to write its JSON object
     * @throws IOException if writing fails
     */
    static void run(RunDetails d, Writer out) throws IOException {
        JsonWriter j = new JsonWriter(out).beginObject();
        summary(j, d.summary());
        j.key("folder").value(d.folder().toString()).key("point").value(d.point()).key("message").value(d.message());
        strings(j.key("params"), d.params());
        doubles(j.key("timings"), d.timings());
        doubles(j.key("metrics"), d.metrics());
        j.key("artifacts").beginArray();
        for (ArtifactRecord a : d.artifacts()) {
            j.beginObject().key("name").value(a.name()).key("path").value(a.path()).key("size").value(a.size())
                    .key("sha256").value(a.sha256()).endObject();
        }
        j.endArray();
        provenance(j.key("provenance"), d.provenance());
        j.key("spec").value(d.spec());
        j.endObject().finish();
    }

    /**
     * @param cmp a comparison
     * @param format CSV or JSON
     * @param out where to write
     * @throws IOException if writing fails
     */
    static void comparison(Comparison cmp, ExportFormat format, Writer out) throws IOException {
        if (format == ExportFormat.JSON) {
            JsonWriter j = new JsonWriter(out).beginObject().key("runs").beginArray();
            for (RunSummary s : cmp.runs()) {
                summary(j.beginObject(), s);
                j.endObject();
            }
            j.endArray().key("parameters").beginObject();
            for (Map.Entry<String, List<String>> e : cmp.parameters().entrySet()) {
                j.key(e.getKey()).beginArray();
                for (String v : e.getValue()) {
                    j.value(v);
                }
                j.endArray();
            }
            j.endObject().key("metrics").beginObject();
            for (Map.Entry<String, List<Double>> e : cmp.metrics().entrySet()) {
                j.key(e.getKey()).beginArray();
                for (Double v : e.getValue()) {
                    j.value(v);
                }
                j.endArray();
            }
            j.endObject().endObject().finish();
            return;
        }
        List<String> header = new ArrayList<>(List.of("kind", "key"));
        List<List<String>> fields = new ArrayList<>();
        for (RunSummary s : cmp.runs()) {
            header.add(s.id());
            fields.add(summaryFields(s));
        }
        Csv.line(out, header);
        for (int f = 1; f < FIELDS.size(); f++) {
            List<String> line = new ArrayList<>(List.of("run", FIELDS.get(f)));
            for (List<String> run : fields) {
                line.add(run.get(f));
            }
            Csv.line(out, line);
        }
        for (Map.Entry<String, List<String>> e : cmp.parameters().entrySet()) {
            List<String> line = new ArrayList<>(List.of("param", e.getKey()));
            line.addAll(e.getValue());
            Csv.line(out, line);
        }
        for (Map.Entry<String, List<Double>> e : cmp.metrics().entrySet()) {
            List<String> line = new ArrayList<>(List.of("metric", e.getKey()));
            e.getValue().forEach(v -> line.add(Csv.number(v)));
            Csv.line(out, line);
        }
    }

    /**
     * @param s a listing line
     * @return its fields as text in {@link #FIELDS} order (tags joined by ';')
     */
    static List<String> summaryFields(RunSummary s) {
        List<String> out = new ArrayList<>();
        out.add(s.id());
        out.add(s.name());
        out.add(s.status().name());
        out.add(Long.toString(s.seed()));
        out.add(s.sweep());
        out.add(s.created().toString());
        out.add(s.finished() == null ? null : s.finished().toString());
        out.add(Long.toString(s.steps()));
        out.add(Double.isNaN(s.loss()) ? null : Double.toString(s.loss()));
        out.add(Double.isNaN(s.seconds()) ? null : Double.toString(s.seconds()));
        out.add(String.join(";", s.tags()));
        return out;
    }

    private static void summary(JsonWriter j, RunSummary s) throws IOException {
        j.key("id").value(s.id()).key("name").value(s.name()).key("status").value(s.status().name())
                .key("seed").value(s.seed()).key("sweep").value(s.sweep()).key("created").value(s.created().toString())
                .key("finished").value(s.finished() == null ? null : s.finished().toString())
                .key("steps").value(s.steps()).key("loss").value(s.loss()).key("seconds").value(s.seconds())
                .key("tags").beginArray();
        for (String t : s.tags()) {
            j.value(t);
        }
        j.endArray();
    }

    private static void provenance(JsonWriter j, Provenance p) throws IOException {
        j.beginObject().key("host").value(p.host()).key("os").value(p.os()).key("processors").value(p.processors())
                .key("jvm_vendor").value(p.jvmVendor()).key("jvm_version").value(p.jvmVersion())
                .key("blas").value(p.blas()).key("overparam").value(p.overparamVersion()).key("components").beginArray();
        for (ComponentOrigin o : p.components()) {
            j.beginObject().key("kind").value(o.kind().key()).key("name").value(o.name()).key("bundle").value(o.bundle())
                    .key("version").value(o.version()).key("sha256").value(o.sha256()).endObject();
        }
        j.endArray().endObject();
    }

    private static void strings(JsonWriter j, Map<String, String> m) throws IOException {
        j.beginObject();
        for (Map.Entry<String, String> e : m.entrySet()) {
            j.key(e.getKey()).value(e.getValue());
        }
        j.endObject();
    }

    private static void doubles(JsonWriter j, Map<String, Double> m) throws IOException {
        j.beginObject();
        for (Map.Entry<String, Double> e : m.entrySet()) {
            j.key(e.getKey()).value(e.getValue());
        }
        j.endObject();
    }
}
