package org.overparam.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.RunStatus;
import org.overparam.api.store.ArtifactRecord;
import org.overparam.api.store.MetricQuery;
import org.overparam.api.store.MetricRow;
import org.overparam.api.store.MetricSeries;
import org.overparam.api.store.RunDetails;
import org.overparam.api.store.RunStore;

class WriteReadTest {
    @TempDir
    Path runs;
    private final H2RunStore store = Records.store();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aRunReadsBackAsWritten() {
        store.begin(runs, Records.run(runs, "wide-1", 1024, 3, 0, "", Set.of("paper-b")));
        store.appendMetrics(runs, "wide-1", Records.loss(10, 0.5));
        store.appendMetrics(runs, "wide-1", List.of(new MetricRow(10, "train.loss", Double.NaN),
                new MetricRow(10, "ntk.lambda_min", Double.POSITIVE_INFINITY)));
        store.addArtifact(runs, "wide-1", new ArtifactRecord("artifacts/w.safetensors", "/x/w.safetensors", 123,
                "0f".repeat(32)));
        store.finish(runs, "wide-1", Records.outcome(RunStatus.DIVERGED, 10, Double.NaN,
                Map.of("train.loss", Double.NaN, "optimizer.grad_norm", 0.25)));

        assertTrue(Files.isRegularFile(runs.resolve(RunStore.DATABASE_NAME + ".mv.db")));
        RunDetails d = store.run(runs, "wide-1").orElseThrow();
        assertEquals(RunStatus.DIVERGED, d.summary().status());
        assertEquals(3, d.summary().seed());
        assertEquals(10, d.summary().steps());
        assertTrue(Double.isNaN(d.summary().loss()));
        assertEquals(12.5, d.summary().seconds(), 0);
        assertEquals(Records.T0, d.summary().created());
        assertEquals(Records.T0.plusSeconds(3600), d.summary().finished());
        assertEquals(List.of("paper-b"), d.summary().tags());
        assertEquals("1024", d.params().get("architecture.width"));
        assertEquals("name: wide\nseed: 3\n", d.spec());
        assertEquals(runs.resolve("wide-1").toAbsolutePath().normalize(), d.folder());
        assertEquals(Map.of("steps_seconds", 11.0, "total_seconds", 12.5), d.timings());
        assertEquals(0.25, d.metrics().get("optimizer.grad_norm"), 0);
        assertTrue(Double.isNaN(d.metrics().get("train.loss")));
        assertEquals(List.of(new ArtifactRecord("artifacts/w.safetensors", "/x/w.safetensors", 123, "0f".repeat(32))),
                d.artifacts());
        assertEquals("host1", d.provenance().host());
        assertEquals("JNIBLAS", d.provenance().blas());
        assertEquals(2, d.provenance().components().size());
        assertEquals("ab".repeat(32), d.provenance().components().get(0).sha256());

        List<MetricSeries> loss = store.metrics(runs, MetricQuery.of(List.of("wide-1")).metrics(List.of("train.loss")));
        assertEquals(1, loss.size());
        assertEquals(11, loss.get(0).size());
        assertEquals(0.5 * 0.5 * 0.5, loss.get(0).values()[3], 0);
        assertTrue(Double.isNaN(loss.get(0).values()[10]));
        List<MetricSeries> all = store.metrics(runs, MetricQuery.of(List.of("wide-1")));
        assertEquals(List.of("ntk.lambda_min", "optimizer.grad_norm", "train.loss"),
                all.stream().map(MetricSeries::metric).toList());
        assertEquals(Double.POSITIVE_INFINITY, all.get(0).values()[0], 0);
    }

    @Test
    void aRunningRunShowsItsLatestValues() {
        store.begin(runs, Records.run(runs, "r", 64, 1, 0, "", Set.of()));
        store.appendMetrics(runs, "r", Records.loss(5, 0.5));
        RunDetails d = store.run(runs, "r").orElseThrow();
        assertEquals(RunStatus.RUNNING, d.summary().status());
        assertEquals(0.0625, d.metrics().get("train.loss"), 0);
        assertEquals(0.125, d.metrics().get("optimizer.grad_norm"), 0);
        assertTrue(d.summary().finished() == null && Double.isNaN(d.summary().loss()));
    }

    @Test
    void aRepeatedRowReplacesTheStoredOne() {
        store.begin(runs, Records.run(runs, "r", 64, 1, 0, "", Set.of()));
        store.appendMetrics(runs, "r", Records.loss(4, 0.5));
        store.appendMetrics(runs, "r", List.of(new MetricRow(2, "train.loss", 7.0), new MetricRow(4, "train.loss", 8.0),
                new MetricRow(4, "train.loss", 9.0)));
        MetricSeries s = store.metrics(runs, MetricQuery.of(List.of("r")).metrics(List.of("train.loss"))).get(0);
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), java.util.Arrays.stream(s.steps()).boxed().toList());
        assertEquals(7.0, s.values()[2], 0);
        assertEquals(9.0, s.values()[4], 0);
    }

    @Test
    void beginningAgainKeepsRowsAndCreationAndResetsTheResult() {
        store.begin(runs, Records.run(runs, "r", 64, 1, 0, "", Set.of("a")));
        store.appendMetrics(runs, "r", Records.loss(4, 0.5));
        store.finish(runs, "r", Records.outcome(RunStatus.COMPLETED, 4, 0.125, Map.of("train.loss", 0.125)));
        store.begin(runs, Records.run(runs, "r", 64, 1, 30, "", Set.of("b")));
        RunDetails d = store.run(runs, "r").orElseThrow();
        assertEquals(RunStatus.RUNNING, d.summary().status());
        assertEquals(Records.T0, d.summary().created());
        assertEquals(List.of("b"), d.summary().tags());
        assertTrue(d.timings().isEmpty());
        assertEquals(0.125, d.metrics().get("train.loss"), 0);
        assertEquals(4, store.metrics(runs, MetricQuery.of(List.of("r")).metrics(List.of("train.loss"))).get(0).size());
    }

    @Test
    void statusAndTagsChange() {
        store.begin(runs, Records.run(runs, "r", 64, 1, 0, "", Set.of("a")));
        store.setStatus(runs, "r", RunStatus.PAUSED, "waiting for optimizer gd");
        store.tag(runs, "r", List.of("b", "c"), List.of("a"));
        RunDetails d = store.run(runs, "r").orElseThrow();
        assertEquals(RunStatus.PAUSED, d.summary().status());
        assertEquals("waiting for optimizer gd", d.message());
        assertEquals(List.of("b", "c"), d.summary().tags());
        assertThrows(InvalidInputException.class, () -> store.tag(runs, "r", List.of("a,b"), List.of()));
    }

    @Test
    void unknownRunsAndMissingStoresAreOneLineErrors() {
        Path empty = runs.resolve("empty");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> store.run(empty, "x"));
        assertTrue(e.getMessage().startsWith("no run store here: "), e.getMessage());
        assertFalse(Files.exists(empty), "reading creates nothing");
        store.begin(runs, Records.run(runs, "wide-20261123-100000-abcd", 64, 1, 0, "", Set.of()));
        e = assertThrows(InvalidInputException.class, () -> store.appendMetrics(runs, "nope", Records.loss(1, 1)));
        assertTrue(e.oneLine().contains("no run 'nope'"), e.oneLine());
        assertTrue(store.run(runs, "nope").isEmpty());
        e = assertThrows(InvalidInputException.class, () -> store.resolve(runs, "wide-20261123-100000-abce"));
        assertTrue(e.getMessage().contains("did you mean 'wide-20261123-100000-abcd'"), e.getMessage());
        assertEquals("wide-20261123-100000-abcd", store.resolve(runs, "wide-2026"));
    }

    @Test
    void aSweepFolderSharesTheStoreOfItsParent() throws Exception {
        Path sweep = Files.createDirectories(runs.resolve("widths-20261123-100000"));
        Files.writeString(sweep.resolve("sweep.yaml"), "name: widths\n");
        store.begin(sweep, Records.run(sweep, "r", 64, 1, 0, "widths-20261123-100000", Set.of()));
        assertFalse(Files.exists(sweep.resolve(RunStore.DATABASE_NAME + ".mv.db")));
        assertEquals("widths-20261123-100000", store.run(runs, "r").orElseThrow().summary().sweep());
    }
}
