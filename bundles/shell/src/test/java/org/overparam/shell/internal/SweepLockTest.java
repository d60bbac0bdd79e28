package org.overparam.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.run.RunStatus;

/**
 * A sweep's own lock: a second {@code sweep --resume} of a sweep that is running, in this process or
 * another, is refused in one line naming the process and runs nothing; once the first has ended, the
 * resume runs only what is missing. Also the notice for a sweep name that is not safe as a folder name.
 */
class SweepLockTest {
    @TempDir
    Path dir;

    @Test
    void aSecondResumeInThisProcessIsRefusedWhileTheSweepRuns() throws IOException {
        SweepCommandTest t = new SweepCommandTest();
        t.dir = dir;
        SweepLocks held = new SweepLocks();
        t.command.locks(held);
        List<Integer> codes = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Path sweep = dir.resolve("runs").resolve("w-20261123-140509");
        t.runner.status = s -> {
            if (t.runner.ran.size() == 2) {
                Fakes.Captured second = new Fakes.Captured(false);
                codes.add(new CommandLine(new CorpusRegistry(), t.reader, t.runner, () -> 0L, p -> null).sweepLocks(held)
                        .execute(List.of("sweep", "--resume", sweep.toString()), second.terminal));
                errors.add(second.err());
            }
            return RunStatus.CONVERGED;
        };
        Fakes.Captured first = new Fakes.Captured(false);
        assertEquals(0, t.command.execute(List.of(t.file().toString()), o -> dir.resolve("runs"), first.terminal),
                first.err() + first.out());
        assertEquals(List.of(2), codes);
        assertEquals(List.of("overparam: " + sweep + ": sweep w-20261123-140509 is running in this process; resume it"
                + " once that process has ended (it holds sweep.lock)\n"), errors);
        assertEquals(List.of("8/0", "8/1", "16/0", "16/1"), t.runner.ran, "no point ran twice");
        assertEquals(4, SweepCommandTest.folders(sweep).size(), "4 run folders for 4 points");
        assertEquals(List.of("sweep.lock", "sweep.yaml"), Files.list(sweep).filter(Files::isRegularFile)
                .map(p -> p.getFileName().toString()).sorted().toList());
    }

    @Test
    void aResumeIsRefusedWhileAnotherProcessHoldsTheSweepAndRunsOnceItIsGone() throws Exception {
        SweepCommandTest t = new SweepCommandTest();
        t.dir = dir;
        t.runner.status = s -> t.runner.ran.size() == 1 ? RunStatus.STOPPED : RunStatus.CONVERGED;
        assertEquals(1, t.command.execute(List.of(t.file().toString()), o -> dir.resolve("runs"),
                new Fakes.Captured(false).terminal));
        Path sweep = dir.resolve("runs").resolve("w-20261123-140509");
        t.runner.status = s -> RunStatus.CONVERGED;
        t.runner.ran.clear();
        Process other = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldSweepLock.class.getName(), sweep.toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", out.readLine());
            Fakes.Captured io = new Fakes.Captured(false);
            assertEquals(CommandLine.BAD_INPUT, new CommandLine(new CorpusRegistry(), t.reader, t.runner, () -> 0L,
                    p -> null).execute(List.of("sweep", "--resume", sweep.toString()), io.terminal));
            assertEquals("overparam: " + sweep + ": sweep w-20261123-140509 is running in process " + other.pid()
                    + "; resume it once that process has ended (it holds sweep.lock)\n", io.err());
            assertEquals("", io.out());
            assertEquals(List.of(), t.runner.ran);
            assertEquals(1, SweepCommandTest.folders(sweep).size());
        } finally {
            other.destroyForcibly();
            assertTrue(other.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(0, t.command.execute(List.of("--resume", sweep.toString()), o -> null,
                new Fakes.Captured(false).terminal));
        assertEquals(List.of("8/0 resumed", "8/1", "16/0", "16/1"), t.runner.ran, "after a kill -9 the lock is free");
        assertEquals(4, SweepCommandTest.folders(sweep).size());
    }

    @Test
    void thePlanOfAResumeShowsAKilledRunInterruptedAndAStoppedOneStopped() throws Exception {
        SweepCommandTest t = new SweepCommandTest();
        t.dir = dir;
        t.runner.status = s -> t.runner.ran.size() == 2 ? RunStatus.STOPPED : RunStatus.CONVERGED;
        assertEquals(1, t.command.execute(List.of(t.file().toString()), o -> dir.resolve("runs"),
                new Fakes.Captured(false).terminal));
        Path sweep = dir.resolve("runs").resolve("w-20261123-140509");
        Fakes.Captured io = new Fakes.Captured(false);
        assertEquals(0, t.command.execute(List.of("--resume", sweep.toString(), "--dry-run"), o -> null, io.terminal));
        assertTrue(io.out().contains("\n2   8                   1     STOPPED    -      -          w-2\n"), io.out());
        Files.delete(sweep.resolve("w-2").resolve("result.json"));
        Files.writeString(sweep.resolve("w-2").resolve("run.lock"), RunOwnerTest.deadPid() + "\n");
        io = new Fakes.Captured(false);
        assertEquals(0, t.command.execute(List.of("--resume", sweep.toString(), "--dry-run"), o -> null, io.terminal));
        List<String> lines = io.out().lines().toList();
        assertEquals("2   8                   1     INTERRUPTED  -      -          w-2", lines.get(2));
        assertEquals("INTERRUPTED: the process running it is gone; 'overparam sweep --resume " + sweep
                + "' continues it from its checkpoint", lines.get(lines.size() - 1));
        Files.writeString(sweep.resolve("w-2").resolve("run.lock"), ProcessHandle.current().pid() + "\n");
        io = new Fakes.Captured(false);
        assertEquals(0, t.command.execute(List.of("--resume", sweep.toString(), "--dry-run"), o -> null, io.terminal));
        assertTrue(io.out().contains("\n2   8                   1     RUNNING    -      -          w-2\n"), io.out());
    }

    @Test
    void aSweepNameThatIsNotAFolderNameIsChangedWithANotice() throws IOException {
        SweepCommandTest t = new SweepCommandTest();
        t.dir = dir;
        Files.writeString(dir.resolve("w.yaml"), SweepCommandTest.FILE.replace("name: w", "name: \"-w:x\""));
        Fakes.Captured io = new Fakes.Captured(false);
        assertEquals(0, t.command.execute(List.of(dir.resolve("w.yaml").toString(), "seeds=1"),
                o -> dir.resolve("runs"), io.terminal), io.err() + io.out());
        assertEquals(List.of(dir.resolve("runs").resolve("sweep-w-x-20261123-140509")),
                Files.list(dir.resolve("runs")).toList());
        assertTrue(io.errLines().contains("sweep name '-w:x' is not safe as a folder name (only letters, digits,"
                + " '.', '_' and '-', not first '.' or '-'); the sweep folder is sweep-w-x-20261123-140509"),
                io.err());
    }
}
