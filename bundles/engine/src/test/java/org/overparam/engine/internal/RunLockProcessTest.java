package org.overparam.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.InvalidInputException;
import org.overparam.api.run.RunResult;
import org.overparam.api.run.RunSpec;
import org.overparam.api.run.RunStatus;
import org.overparam.engine.internal.folder.RunLock;
import org.overparam.engine.internal.folder.RunLocks;

/**
 * The run lock across processes: while another JVM holds a run folder's lock, this one sees the run
 * as running, refuses to resume it (naming the other process) and may ask it to stop; once that
 * process has ended, however it ended, the folder is free again.
 */
class RunLockProcessTest {
    @TempDir
    Path runs;

    @Test
    void aLockHeldByAnotherProcessIsSeenAndGoesWithIt() throws Exception {
        RunSpec spec = ResumeTest.spec(25);
        ResumeFakes.failAt = 30;
        RunResult r;
        try {
            r = ResumeTest.run(spec, runs);
        } finally {
            ResumeFakes.reset();
        }
        assertEquals(RunStatus.FAILED, r.status());
        Path folder = r.directory();
        assertFalse(new RunLocks().isRunning(folder));

        Process other = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldLock.class.getName(), folder.toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", out.readLine());
            assertTrue(new RunLocks().isRunning(folder));
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> ResumeTest.resume(spec, folder));
            assertEquals(folder + ": run " + folder.getFileName() + " is running in process " + other.pid()
                    + "; stop it first with 'overparam stop " + folder.getFileName() + "'", e.oneLine());
            assertTrue(new RunLocks().requestStop(folder));
            assertTrue(Files.exists(folder.resolve(RunLock.STOP_FILE)));
        } finally {
            other.destroyForcibly();
            assertTrue(other.waitFor(30, TimeUnit.SECONDS));
        }
        assertFalse(new RunLocks().isRunning(folder), "a killed process leaves the lock free");
        RunResult resumed = ResumeTest.resume(spec, folder);
        assertEquals(RunStatus.COMPLETED, resumed.status());
        assertFalse(Files.exists(folder.resolve(RunLock.STOP_FILE)), "the stale request was removed, not obeyed");
    }
}
