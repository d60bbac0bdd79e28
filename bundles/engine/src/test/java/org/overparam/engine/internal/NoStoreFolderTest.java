package org.overparam.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.run.ExperimentRunner;
import org.overparam.api.run.RunListener;
import org.overparam.api.run.RunResult;
import org.overparam.api.run.RunSpec;
import org.overparam.api.run.RunStatus;

/**
 * A runs folder holding {@link ExperimentRunner#NO_STORE_FILE} (a cluster member's scratch folder) keeps no
 * run store: its runs record nothing, while the same run in another folder records every row.
 */
class NoStoreFolderTest {
    @TempDir
    Path work;

    @Test
    void aRunInAMarkedFolderRecordsNothingAndElsewhereEverything() throws IOException {
        MemoryStore store = new MemoryStore();
        Path marked = Files.createDirectories(work.resolve("scratch"));
        Files.writeString(marked.resolve(ExperimentRunner.NO_STORE_FILE), "");
        Path plain = Files.createDirectories(work.resolve("runs"));
        assertNull(EngineRunner.storeFor(store, marked));
        assertSame(store, EngineRunner.storeFor(store, plain));
        assertNull(EngineRunner.storeFor(null, plain));

        RunSpec spec = Specs.base().stop(40, 1e-12).build();
        RunResult unrecorded = new Run(TestRegistry.standard(), spec, marked, RunListener.NONE, 0)
                .withStore(EngineRunner.storeFor(store, marked)).execute();
        assertEquals(RunStatus.COMPLETED, unrecorded.status());
        assertTrue(Files.isRegularFile(unrecorded.directory().resolve("metrics.csv")), "the folder keeps its rows");
        assertTrue(store.runs.isEmpty() && store.rows.isEmpty() && store.outcomes.isEmpty(), "nothing in the store");

        RunResult recorded = new Run(TestRegistry.standard(), spec, plain, RunListener.NONE, 0)
                .withStore(EngineRunner.storeFor(store, plain)).execute();
        assertTrue(RunFiles.metrics(recorded.directory()).size() > 40, "a row per step at least");
        assertEquals(RunFiles.metrics(recorded.directory()).size(), store.rows.get(recorded.runId()).size(),
                "every row of metrics.csv in the store");
    }
}
