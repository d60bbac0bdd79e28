package org.overparam.engine.internal;

import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.overparam.api.run.RunStatus;
import org.overparam.api.store.ArtifactRecord;
import org.overparam.api.store.Comparison;
import org.overparam.api.store.ExportFormat;
import org.overparam.api.store.MetricQuery;
import org.overparam.api.store.MetricRow;
import org.overparam.api.store.MetricSeries;
import org.overparam.api.store.RunDetails;
import org.overparam.api.store.RunOutcome;
import org.overparam.api.store.RunPage;
import org.overparam.api.store.RunQuery;
import org.overparam.api.store.RunRecord;
import org.overparam.api.store.RunStore;
import org.overparam.api.store.SeedAggregate;

/**
 * The write side of a {@link RunStore} in memory, for tests of the engine's hook: rows are kept in
 * the order appended (a row appended twice shows twice), so a lost or doubled row is visible. The
 * read side is not needed here and refuses.
 */
final class MemoryStore implements RunStore {
    final Map<String, RunRecord> runs = Collections.synchronizedMap(new LinkedHashMap<>());
    final Map<String, List<MetricRow>> rows = Collections.synchronizedMap(new LinkedHashMap<>());
    final Map<String, List<ArtifactRecord>> artifacts = Collections.synchronizedMap(new LinkedHashMap<>());
    final Map<String, RunOutcome> outcomes = Collections.synchronizedMap(new LinkedHashMap<>());
    final List<RunStatus> statuses = Collections.synchronizedList(new ArrayList<>());
    final List<Path> folders = Collections.synchronizedList(new ArrayList<>());
    /** When set, appendMetrics throws this. */
    volatile RuntimeException failAppend;

    @Override
    public void open(Path runsFolder) {
        folders.add(runsFolder);
    }

    @Override
    public void begin(Path runsFolder, RunRecord run) {
        folders.add(runsFolder);
        runs.put(run.id(), run);
        rows.computeIfAbsent(run.id(), k -> Collections.synchronizedList(new ArrayList<>()));
        statuses.add(RunStatus.RUNNING);
    }

    @Override
    public void appendMetrics(Path runsFolder, String runId, List<MetricRow> batch) {
        if (failAppend != null) {
            throw failAppend;
        }
        rows.get(runId).addAll(batch);
    }

    @Override
    public void addArtifact(Path runsFolder, String runId, ArtifactRecord artifact) {
        artifacts.computeIfAbsent(runId, k -> new ArrayList<>()).add(artifact);
    }

    @Override
    public void setStatus(Path runsFolder, String runId, RunStatus status, String message) {
        statuses.add(status);
    }

    @Override
    public void finish(Path runsFolder, String runId, RunOutcome outcome) {
        outcomes.put(runId, outcome);
        statuses.add(outcome.status());
    }

    @Override
    public long truncateAfter(Path runsFolder, String runId, long step) {
        List<MetricRow> r = rows.get(runId);
        if (r == null) {
            throw new org.overparam.api.InvalidInputException(runId, "no run '" + runId + "' in the run store");
        }
        int before = r.size();
        r.removeIf(m -> m.step() > step);
        outcomes.remove(runId);
        return before - r.size();
    }

    @Override
    public void tag(Path runsFolder, String runId, Collection<String> add, Collection<String> remove) {
        throw new UnsupportedOperationException();
    }

    @Override
    public RunPage runs(Path runsFolder, RunQuery query) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String resolve(Path runsFolder, String idOrPrefix) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<RunDetails> run(Path runsFolder, String runId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<MetricSeries> metrics(Path runsFolder, MetricQuery query) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Comparison compare(Path runsFolder, List<String> runIds) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<SeedAggregate> aggregate(Path runsFolder, String sweep) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void exportRuns(Path runsFolder, RunQuery query, ExportFormat format, Writer out) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void exportMetrics(Path runsFolder, MetricQuery query, ExportFormat format, Writer out) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void exportRun(Path runsFolder, String runId, Writer out) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void exportComparison(Path runsFolder, List<String> runIds, ExportFormat format, Writer out) {
        throw new UnsupportedOperationException();
    }
}
