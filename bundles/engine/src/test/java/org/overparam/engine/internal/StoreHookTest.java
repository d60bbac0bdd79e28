package org.overparam.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.ComponentKind;
import org.overparam.api.run.ComponentInfo;
import org.overparam.api.run.ComponentRef;
import org.overparam.api.run.RunListener;
import org.overparam.api.run.RunResult;
import org.overparam.api.run.RunSpec;
import org.overparam.api.run.RunStatus;
import org.overparam.api.store.ArtifactRecord;
import org.overparam.api.store.ComponentOrigin;
import org.overparam.api.store.MetricRow;
import org.overparam.api.store.Provenance;
import org.overparam.api.store.RunRecord;
import org.overparam.engine.internal.checkpoint.CheckpointFile;
import org.overparam.engine.internal.folder.ProvenanceProbe;
import org.overparam.engine.internal.registry.ComponentTable;
import org.overparam.engine.internal.registry.JarHashes;
import org.overparam.engine.internal.swap.ActiveRuns;
import org.overparam.engine.internal.swap.UnreadableJars;

/** The engine's hook into the run store: registration, every row once and in order, artifacts, outcome, provenance. */
class StoreHookTest {
    @TempDir
    Path runs;

    @AfterEach
    void reset() {
        ResumeFakes.reset();
        Thread.interrupted();
    }

    private static List<MetricRow> csv(Path folder) {
        return RunFiles.metrics(folder).stream().map(r -> new MetricRow(r.step(), r.metric(), r.value())).toList();
    }

    @Test
    void aRunRegistersStreamsEveryRowAndRecordsItsEnd() throws IOException {
        MemoryStore store = new MemoryStore();
        RunSpec spec = Specs.base().stop(300, 1e-12).analyzer("probe", "probe", 10, Map.of()).checkpoint(50).build();
        RunResult r = new Run(TestRegistry.standard(), spec, runs, RunListener.NONE, 0).withStore(store).execute();

        RunRecord rec = store.runs.get(r.runId());
        assertEquals(r.directory(), rec.folder());
        assertEquals(List.of(runs.toAbsolutePath().normalize()), store.folders);
        assertEquals("linear", rec.params().get("architecture"));
        assertEquals("0.1", rec.params().get("optimizer.lr"));
        assertEquals("7", rec.params().get("seed"));
        assertEquals("300", rec.params().get("stop.maxSteps"));
        assertEquals("probe", rec.params().get("analyzers.0"));
        assertEquals("10", rec.params().get("analyzers.0.every"));
        assertEquals("", rec.sweep());
        assertEquals(spec.text(), rec.spec());
        assertEquals(csv(r.directory()), store.rows.get(r.runId()), "every row of metrics.csv once, in order");
        assertEquals(r.status(), store.outcomes.get(r.runId()).status());
        assertEquals(r.metrics(), store.outcomes.get(r.runId()).metrics());
        assertEquals(r.steps(), store.outcomes.get(r.runId()).steps());

        List<ArtifactRecord> artifacts = store.artifacts.get(r.runId());
        assertEquals(List.of("artifacts/probe.txt", "checkpoint/" + CheckpointFile.in(r.directory()).getFileName()),
                artifacts.stream().map(ArtifactRecord::name).toList());
        for (ArtifactRecord a : artifacts) {
            Path file = r.directory().resolve(a.name());
            assertEquals(file.toAbsolutePath().normalize().toString(), a.path());
            assertEquals(Files.size(file), a.size());
            assertEquals(sha256(file), a.sha256());
        }

        String json = Files.readString(r.directory().resolve("provenance.json"));
        assertTrue(json.contains("\"blas\": ") && json.contains("\"kind\": \"optimizer\", \"name\": \"gd\""), json);
        assertEquals(rec.provenance().components().size(), json.split("\"sha256\"", -1).length - 1);
    }

    @Test
    void aStoreThatFailsDoesNotChangeTheRun() {
        RunSpec spec = Specs.base().stop(200, 0).build();
        RunResult plain = new Run(TestRegistry.standard(), spec, runs.resolve("a"), RunListener.NONE, 0).execute();
        MemoryStore store = new MemoryStore();
        store.failAppend = new IllegalStateException("disk full");
        RunResult stored = new Run(TestRegistry.standard(), spec, runs.resolve("b"), RunListener.NONE, 0)
                .withStore(store).execute();
        assertEquals(plain.status(), stored.status());
        assertEquals(plain.loss(), stored.loss(), 0);
        assertEquals(csv(plain.directory()), csv(stored.directory()));
        String log = RunFiles.text(stored.directory().resolve("run.log"));
        assertTrue(log.contains("run store: disk full; the run goes on without the store"), log);
        assertFalse(store.outcomes.containsKey(stored.runId()), "after a failure the store is left alone");
    }

    /** A crash after the checkpoint at 50 and a resume leave the store with exactly the uninterrupted run's rows. */
    @Test
    void aResumedRunLeavesEveryRowOnceInTheStore() {
        RunSpec spec = ResumeTest.spec(25);
        RunResult whole = ResumeTest.run(spec, runs.resolve("whole"));
        MemoryStore store = new MemoryStore();
        ResumeFakes.failAt = 57;
        RunResult broken = new Run(ResumeFakes.registry(), spec, runs.resolve("broken"), RunListener.NONE, 0)
                .withStore(store).execute();
        assertEquals(RunStatus.FAILED, broken.status());
        assertTrue(store.rows.get(broken.runId()).stream().anyMatch(m -> m.step() > 50), "rows past the checkpoint");
        ResumeFakes.failAt = -1;
        RunResult resumed = Resume.resume(ResumeFakes.registry(), broken.directory(), f -> spec, RunListener.NONE, 0, store, new ActiveRuns(), new UnreadableJars(), new JarHashes());
        assertEquals(whole.status(), resumed.status());
        assertEquals(csv(whole.directory()), store.rows.get(broken.runId()));
        assertEquals(List.of(RunStatus.RUNNING, RunStatus.FAILED, RunStatus.RUNNING, whole.status()), store.statuses);
    }

    @Test
    void provenanceHasTheShaOfEachComponentsJar() throws IOException {
        Path jar = runs.resolve("plugins").resolve("fc.jar");
        Files.createDirectories(jar.getParent());
        Files.write(jar, "PK not really a jar, but bytes to hash".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ComponentTable table = TestRegistry.standard();
        ComponentInfo info = table.find(ComponentKind.ARCHITECTURE, "linear").orElseThrow();
        table.put(new ComponentTable.Entry(info, 5, org.osgi.framework.Version.parseVersion("2.0.0"), 999_999,
                new LinearArchitecture(), jar.toUri().toString()));
        ComponentRef ref = Specs.base().build().component(ComponentKind.ARCHITECTURE);

        Provenance p = ProvenanceProbe.of(table, Map.of(ref, info), new JarHashes());
        assertEquals(List.of(new ComponentOrigin(ComponentKind.ARCHITECTURE, "linear", "test.bundle.linear", "1.0.0",
                sha256(jar))), p.components());
        assertEquals(Runtime.getRuntime().availableProcessors(), p.processors());
        assertEquals(System.getProperty("java.vendor"), p.jvmVendor());
        assertFalse(p.blas().isEmpty());
        assertEquals(Path.of(jar.toUri()), table.bundleFile(ComponentKind.ARCHITECTURE, "linear").orElseThrow());
        assertTrue(table.bundleFile(ComponentKind.OPTIMIZER, "gd").isEmpty(), "no location, no file");
    }

    /** Independent of the engine's own hashing: the JDK's digest of the whole file at once. */
    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
