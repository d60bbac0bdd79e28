package org.overparam.shell.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.overparam.api.ComponentKind;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.RunStatus;
import org.overparam.api.store.ArtifactRecord;
import org.overparam.api.store.Comparison;
import org.overparam.api.store.ComponentOrigin;
import org.overparam.api.store.ExportFormat;
import org.overparam.api.store.MetricQuery;
import org.overparam.api.store.MetricRow;
import org.overparam.api.store.MetricSeries;
import org.overparam.api.store.MetricStats;
import org.overparam.api.store.Provenance;
import org.overparam.api.store.RunDetails;
import org.overparam.api.store.RunOutcome;
import org.overparam.api.store.RunPage;
import org.overparam.api.store.RunQuery;
import org.overparam.api.store.RunRecord;
import org.overparam.api.store.RunStore;
import org.overparam.api.store.RunSummary;
import org.overparam.api.store.SeedAggregate;

/**
 * A run store with two canned runs, {@code wide-a} (CONVERGED, width 256) and {@code wide-b}
 * (RUNNING, width 1024), that remembers what the commands asked: the last query, folder, tags and
 * export calls. Exports write a line naming the call.
 */
final class FakeStore implements RunStore {
    static final Instant T = Instant.parse("2026-11-23T10:00:00Z");
    RunQuery query;
    Path folder;
    MetricQuery metricQuery;
    final List<String> tagged = new ArrayList<>();
    long total = 2;
    /** The host the runs' provenance names. */
    String host = "h";

    static RunSummary a() {
        return new RunSummary("wide-a", "wide", RunStatus.CONVERGED, 1, "s1", T, T.plusSeconds(90), 120, 9.5e-8,
                12.25, List.of("paper"));
    }

    static RunSummary b() {
        return new RunSummary("wide-b", "wide", RunStatus.RUNNING, 2, "", T.plusSeconds(60), null, 0, Double.NaN,
                Double.NaN, List.of());
    }

    @Override
    public RunPage runs(Path runs, RunQuery q) {
        folder = runs;
        query = q;
        return new RunPage(List.of(a(), b()), total, q.offset(), q.limit());
    }

    @Override
    public String resolve(Path runs, String idOrPrefix) {
        folder = runs;
        for (String id : List.of("wide-a", "wide-b")) {
            if (id.startsWith(idOrPrefix) && !idOrPrefix.equals("wide-")) {
                return id;
            }
        }
        throw new InvalidInputException(idOrPrefix, "no run '" + idOrPrefix + "' in the run store x");
    }

    @Override
    public Optional<RunDetails> run(Path runs, String runId) {
        Map<String, String> params = new TreeMap<>(Map.of("architecture.width", runId.equals("wide-a") ? "256" : "1024",
                "seed", runId.equals("wide-a") ? "1" : "2"));
        Provenance p = new Provenance(host, "Linux", 2, "Vendor", "17", "OpenBLAS", "0.1.0",
                List.of(new ComponentOrigin(ComponentKind.ARCHITECTURE, "fc", "org.x.fc", "1.0.0", "ab".repeat(32))));
        return Optional.of(new RunDetails(runId.equals("wide-a") ? a() : b(), Path.of("/r/" + runId), "name: wide\n",
                "", "converged", params, Map.of("total_seconds", 12.25), runId.equals("wide-a") ? Map.of("train.loss", 9.5e-8)
                : new TreeMap<>(Map.of("train.loss", 9.5e-8, "dyn.steps_to_target", Double.NaN, "dyn.movement.u", Double.NaN)),
                List.of(new ArtifactRecord("artifacts/w.bin", "/r/w.bin", 10, "cd".repeat(32))), p));
    }

    @Override
    public Comparison compare(Path runs, List<String> runIds) {
        return new Comparison(List.of(a(), b()), new TreeMap<>(Map.of("architecture.width", List.of("256", "1024"))),
                new TreeMap<>(Map.of("train.loss", java.util.Arrays.asList(9.5e-8, null))));
    }

    @Override
    public List<SeedAggregate> aggregate(Path runs, String sweep) {
        return List.of(new SeedAggregate(new TreeMap<>(Map.of("architecture.width", "256")), List.of("wide-a", "x"),
                List.of(1L, 2L), new TreeMap<>(Map.of("train.loss", new MetricStats(2, 0.5, 0.25, 0.25, 0.75)))));
    }

    @Override
    public void exportRuns(Path runs, RunQuery q, ExportFormat format, Writer out) throws IOException {
        query = q;
        out.write("runs " + format + "\n");
    }

    @Override
    public void exportMetrics(Path runs, MetricQuery q, ExportFormat format, Writer out) throws IOException {
        metricQuery = q;
        out.write("metrics " + format + "\n");
    }

    @Override
    public void exportRun(Path runs, String runId, Writer out) throws IOException {
        out.write("run " + runId + "\n");
    }

    @Override
    public void exportComparison(Path runs, List<String> runIds, ExportFormat format, Writer out) throws IOException {
        out.write("comparison " + runIds + " " + format + "\n");
    }

    @Override
    public void tag(Path runs, String runId, Collection<String> add, Collection<String> remove) {
        tagged.add(runId + " +" + add + " -" + remove);
    }

    @Override
    public void open(Path runs) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void begin(Path runs, RunRecord run) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void appendMetrics(Path runs, String runId, List<MetricRow> rows) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void addArtifact(Path runs, String runId, ArtifactRecord artifact) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setStatus(Path runs, String runId, RunStatus status, String message) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void finish(Path runs, String runId, RunOutcome outcome) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long truncateAfter(Path runs, String runId, long step) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<MetricSeries> metrics(Path runs, MetricQuery q) {
        throw new UnsupportedOperationException();
    }
}
