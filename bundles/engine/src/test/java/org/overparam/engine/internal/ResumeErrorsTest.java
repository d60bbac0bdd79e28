package org.overparam.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.RunResult;
import org.overparam.api.run.RunSpec;
import org.overparam.api.run.RunStatus;
import org.overparam.engine.internal.checkpoint.CheckpointFile;
import org.overparam.engine.internal.folder.RunLock;
import org.overparam.engine.internal.folder.RunLocks;
import org.overparam.engine.runfolder.MetricsCsv;

/**
 * What {@code resume} refuses, each with one line naming the file or folder, and with the run folder
 * left byte for byte as it was: a corrupt, truncated or foreign checkpoint, a checkpoint from another
 * spec, a metrics.csv shorter than the checkpoint says, a finished run, a run that is running, a
 * folder that is not a run's.
 */
class ResumeErrorsTest {
    @TempDir
    Path runs;
    private RunSpec spec;
    private Path folder;

    /** A run that crashed at step 30, after its checkpoint at step 25. */
    @BeforeEach
    void crashedRun() {
        spec = ResumeTest.spec(25);
        ResumeFakes.failAt = 30;
        RunResult r = ResumeTest.run(spec, runs);
        ResumeFakes.reset();
        assertEquals(RunStatus.FAILED, r.status());
        folder = r.directory();
    }

    @AfterEach
    void reset() {
        ResumeFakes.reset();
    }

    @Test
    void aFlippedByteIsACorruptCheckpoint() throws IOException {
        Path file = CheckpointFile.in(folder);
        byte[] b = Files.readAllBytes(file);
        b[b.length / 2] ^= 0x10;
        Files.write(file, b);
        assertRefused("the checkpoint is corrupt (CRC-32C checksum mismatch)", file);
    }

    @Test
    void aCutFileIsATruncatedCheckpoint() throws IOException {
        Path file = CheckpointFile.in(folder);
        byte[] b = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(b, b.length - 100));
        assertRefused("the checkpoint is truncated or incomplete", file);
        Files.write(file, Arrays.copyOf(b, 20));
        assertRefused("the checkpoint is truncated (20 bytes)", file);
    }

    @Test
    void aFileOfAnotherKindIsNotACheckpoint() throws IOException {
        Path file = CheckpointFile.in(folder);
        Files.writeString(file, "step,metric,value\n0,train.loss,1.0\n");
        assertRefused("the checkpoint is not an Overparam checkpoint", file);
    }

    @Test
    void aCheckpointOfAnotherSpecIsRefused() throws IOException {
        RunSpec other = ResumeTest.specs(25).seed(8).build();
        ResumeFakes.failAt = 30;
        RunResult r = ResumeTest.run(other, runs.resolve("other"));
        ResumeFakes.reset();
        Files.copy(CheckpointFile.in(r.directory()), CheckpointFile.in(folder), StandardCopyOption.REPLACE_EXISTING);
        assertRefused("a checkpoint from another spec", CheckpointFile.in(folder));
    }

    @Test
    void anEditedSpecNoLongerMatchesItsCheckpoint() throws IOException {
        Files.writeString(folder.resolve("spec.yaml"), "name: test\nseed: 9\n");
        assertRefused("a checkpoint from another spec", CheckpointFile.in(folder));
    }

    @Test
    void aMetricsFileShorterThanTheCheckpointSaysIsRefused() throws IOException {
        Files.writeString(folder.resolve("metrics.csv"), MetricsCsv.HEADER);
        assertRefused("has 18 bytes, fewer than the", folder.resolve("metrics.csv"));
    }

    @Test
    void aFinishedRunHasNothingToResume() throws IOException {
        RunResult done = ResumeTest.run(spec, runs.resolve("done"));
        folder = done.directory();
        assertRefused("has already finished (COMPLETED after 120 steps); nothing to resume", folder);
    }

    @Test
    void aRunningRunIsNotResumed() throws IOException {
        RunLocks locks = ResumeTest.CONTAINER.locks();
        try (RunLock lock = locks.acquire(folder, "x")) {
            assertTrue(locks.isRunning(folder));
            assertRefused("is running in this process; stop it first with 'overparam stop", folder);
        }
        assertFalse(locks.isRunning(folder));
    }

    @Test
    void aFolderWithoutASpecIsNotARun() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ResumeTest.resume(spec, runs));
        assertEquals(runs + ": not a run folder (it has no spec.yaml)", e.oneLine());
        assertThrows(InvalidInputException.class, () -> new RunLocks().requestStop(runs));
    }

    /** Resuming fails with that message at that place and changes no file of the run folder. */
    private void assertRefused(String message, Path where) throws IOException {
        List<String> files = RunFiles.tree(folder);
        List<byte[]> before = contents(files);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ResumeTest.resume(spec, folder));
        assertEquals(where.toString(), e.where());
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertFalse(e.oneLine().contains("\n"), e.oneLine());
        assertEquals(files, RunFiles.tree(folder));
        List<byte[]> after = contents(files);
        for (int i = 0; i < files.size(); i++) {
            assertTrue(Arrays.equals(before.get(i), after.get(i)), files.get(i) + " changed");
        }
    }

    private List<byte[]> contents(List<String> files) throws IOException {
        List<byte[]> out = new java.util.ArrayList<>();
        for (String f : files) {
            out.add(Files.readAllBytes(folder.resolve(f)));
        }
        return out;
    }
}
