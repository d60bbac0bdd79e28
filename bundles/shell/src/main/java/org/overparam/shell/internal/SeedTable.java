package org.overparam.shell.internal;

import com.google.common.escape.Escaper;
import com.google.common.escape.Escapers;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.overparam.api.store.ExportFormat;
import org.overparam.api.store.MetricStats;
import org.overparam.api.store.SeedAggregate;

/**
 * A sweep aggregated over seeds, one row per group: the varying parameters, the number of runs and,
 * for each chosen metric, the mean, standard deviation, min and max of its final values. Exported as
 * CSV in long form ({@code <params>,runs,seeds,metric,count,mean,std,min,max}) or as a JSON array of
 * groups.
 */
final class SeedTable {
    private static final Escaper STRING = stringEscaper();

    private SeedTable() {
    }

    /**
     * @param groups the groups
     * @param metrics the metrics to show
     * @param out where to print
     */
    static void print(List<SeedAggregate> groups, List<String> metrics, PrintStream out) {
        List<String> keys = new ArrayList<>(groups.get(0).parameters().keySet());
        List<String> header = new ArrayList<>(keys);
        header.add("runs");
        for (String m : metrics) {
            header.addAll(List.of(m + " mean", "std", "min", "max"));
        }
        boolean[] numeric = new boolean[header.size()];
        for (int i = 0; i < numeric.length; i++) {
            numeric[i] = true;
        }
        TextTable table = new TextTable(header, numeric);
        for (SeedAggregate g : groups) {
            List<String> row = new ArrayList<>();
            keys.forEach(k -> row.add(g.parameters().get(k)));
            row.add(Integer.toString(g.runIds().size()));
            for (String m : metrics) {
                MetricStats s = g.metrics().get(m);
                row.addAll(s == null ? java.util.Arrays.asList(null, null, null, null)
                        : List.of(n(s.mean()), n(s.std()), n(s.min()), n(s.max())));
            }
            table.row(row);
        }
        table.print(out);
    }

    /**
     * @param groups the groups
     * @param metrics the metrics to write
     * @param format CSV or JSON
     * @param out where to write
     * @throws IOException if writing fails
     */
    static void export(List<SeedAggregate> groups, List<String> metrics, ExportFormat format, Writer out)
            throws IOException {
        List<String> keys = new ArrayList<>(groups.get(0).parameters().keySet());
        if (format == ExportFormat.CSV) {
            List<String> header = new ArrayList<>(keys);
            header.addAll(List.of("runs", "seeds", "metric", "count", "mean", "std", "min", "max"));
            out.write(csvLine(header));
            for (SeedAggregate g : groups) {
                for (String m : metrics) {
                    MetricStats s = g.metrics().get(m);
                    if (s == null) {
                        continue;
                    }
                    List<String> line = new ArrayList<>();
                    keys.forEach(k -> line.add(g.parameters().get(k)));
                    line.add(String.join(";", g.runIds()));
                    line.add(g.seeds().stream().map(String::valueOf).reduce((a, b) -> a + ";" + b).orElse(""));
                    line.addAll(List.of(m, Integer.toString(s.count()), Double.toString(s.mean()),
                            Double.toString(s.std()), Double.toString(s.min()), Double.toString(s.max())));
                    out.write(csvLine(line));
                }
            }
            return;
        }
        out.write("[");
        for (int i = 0; i < groups.size(); i++) {
            SeedAggregate g = groups.get(i);
            out.write(i == 0 ? "\n  {\"parameters\": {" : ",\n  {\"parameters\": {");
            int k = 0;
            for (Map.Entry<String, String> e : g.parameters().entrySet()) {
                out.write((k++ == 0 ? "" : ", ") + quote(e.getKey()) + ": " + quote(e.getValue()));
            }
            out.write("}, \"runs\": [");
            for (int r = 0; r < g.runIds().size(); r++) {
                out.write((r == 0 ? "" : ", ") + quote(g.runIds().get(r)));
            }
            out.write("], \"seeds\": " + g.seeds() + ", \"metrics\": {");
            int j = 0;
            for (String m : metrics) {
                MetricStats s = g.metrics().get(m);
                if (s != null) {
                    out.write((j++ == 0 ? "" : ", ") + quote(m) + ": {\"count\": " + s.count() + ", \"mean\": "
                            + json(s.mean()) + ", \"std\": " + json(s.std()) + ", \"min\": " + json(s.min())
                            + ", \"max\": " + json(s.max()) + "}");
                }
            }
            out.write("}}");
        }
        out.write(groups.isEmpty() ? "]\n" : "\n]\n");
    }

    private static String n(double v) {
        return Double.isNaN(v) ? null : Formats.number(v);
    }

    private static String json(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "null";
    }

    private static String csvLine(List<String> fields) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            String f = fields.get(i) == null ? "" : fields.get(i);
            boolean quote = f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0;
            b.append(i == 0 ? "" : ",").append(quote ? '"' + f.replace("\"", "\"\"") + '"' : f);
        }
        return b.append('\n').toString();
    }

    private static String quote(String s) {
        return '"' + STRING.escape(s) + '"';
    }

    /** @return {@code "} and {@code \} after a backslash, control characters as a backslash, {@code u} and four hexadecimal digits */
    private static Escaper stringEscaper() {
        Escapers.Builder b = Escapers.builder();
        for (char c = 0; c < 0x20; c++) {
            b.addEscape(c, String.format("\\u%04x", (int) c));
        }
        return b.addEscape('"', "\\\"").addEscape('\\', "\\\\").build();
    }
}
