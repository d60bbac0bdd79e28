package org.overparam.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.run.RunListener;
import org.overparam.api.run.RunResult;
import org.overparam.api.run.RunSpec;
import org.overparam.api.run.RunStatus;
import org.overparam.api.store.MetricRow;
import org.overparam.engine.internal.folder.FolderRecord;
import org.overparam.engine.runfolder.RunFileNames;

/**
 * A run folder copied from another process as it grows (a clustered run under way) and at its end: its
 * progress recorded twice, each time only the rows after the last offset, then its end, stores the same
 * rows and outcome as the finished folder recorded at once.
 */
class FolderRecordTest {
    @TempDir
    Path work;

    @Test
    void progressInPartsThenTheEndStoresWhatTheWholeFolderStores() throws IOException {
        RunSpec spec = Specs.base().stop(300, 0).build();
        RunResult r = new Run(TestRegistry.standard(), spec, work.resolve("runs"), RunListener.NONE, 0).execute();
        assertEquals(RunStatus.COMPLETED, r.status(), r.message());
        byte[] metrics = Files.readAllBytes(r.directory().resolve(RunFileNames.METRICS));
        Path copy = Files.createDirectories(work.resolve("copy").resolve(r.runId()));
        Files.copy(r.directory().resolve(RunFileNames.SPEC), copy.resolve(RunFileNames.SPEC));

        MemoryStore parts = new MemoryStore();
        FolderRecord.Recorded recorded = FolderRecord.Recorded.NONE;
        for (int third = 1; third <= 2; third++) {
            Files.write(copy.resolve(RunFileNames.METRICS), Arrays.copyOf(metrics, rowEnd(metrics, third)));
            recorded = FolderRecord.progress(parts, TestRegistry.standard(), copy, f -> spec, List.of("t"), recorded);
            assertEquals(rows(copy), parts.rows.get(r.runId()), "the rows so far, each once, after part " + third);
            assertEquals(rowEnd(metrics, third), recorded.bytes());
        }
        try (Stream<Path> files = Files.list(r.directory())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, copy.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        FolderRecord.record(parts, TestRegistry.standard(), copy, f -> spec, List.of("t"), recorded);

        MemoryStore whole = new MemoryStore();
        FolderRecord.record(whole, TestRegistry.standard(), r.directory(), f -> spec, List.of("t"),
                FolderRecord.Recorded.NONE);
        assertEquals(rows(r.directory()), parts.rows.get(r.runId()), "every row once, in order");
        assertEquals(whole.rows.get(r.runId()), parts.rows.get(r.runId()));
        assertEquals(whole.outcomes.get(r.runId()).metrics(), parts.outcomes.get(r.runId()).metrics(),
                "the last value of each metric");
        assertEquals(r.metrics(), parts.outcomes.get(r.runId()).metrics());
    }

    /** @return the byte offset after the row that ends a third, two thirds... of the file */
    private static int rowEnd(byte[] metrics, int thirds) {
        int i = metrics.length * thirds / 3;
        while (metrics[i - 1] != '\n') {
            i++;
        }
        return i;
    }

    private static List<MetricRow> rows(Path folder) {
        return RunFiles.metrics(folder).stream().map(m -> new MetricRow(m.step(), m.metric(), m.value())).toList();
    }
}
