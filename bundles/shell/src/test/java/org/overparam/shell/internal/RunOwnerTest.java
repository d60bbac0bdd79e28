package org.overparam.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run the store lists as RUNNING whose process is gone is shown INTERRUPTED, with the resume command,
 * by {@code runs} and {@code show}; a live process, this process, a reused process id and another host
 * are told apart.
 */
class RunOwnerTest {
    @TempDir
    Path dir;
    final FakeStore store = new FakeStore();
    final CommandLine cli = new CommandLine(new Fakes.Registry(), new Fakes.Reader(), new Fakes.Runner(), () -> 0L,
            name -> null).store(() -> store);

    /** @return the id of a process that has ended */
    static long deadPid() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return p.pid();
    }

    Path lock(String id, long pid) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(id));
        Files.writeString(folder.resolve("run.lock"), pid + "\n");
        return folder;
    }

    String run(String... args) {
        Fakes.Captured io = new Fakes.Captured(false);
        assertEquals(0, cli.execute(Arrays.asList(args), io.terminal), io.err());
        assertEquals("", io.err());
        return io.out();
    }

    @Test
    void aDeadOrReusedProcessIdIsGoneAndALiveOneOrThisProcessIsNot() throws Exception {
        assertTrue(RunOwner.gone(lock("dead", deadPid())));
        assertFalse(RunOwner.gone(lock("self", ProcessHandle.current().pid())));
        assertFalse(RunOwner.gone(Files.createDirectories(dir.resolve("nolock"))));
        Files.writeString(dir.resolve("nolock").resolve("run.lock"), "");
        assertFalse(RunOwner.gone(dir.resolve("nolock")), "no process named: not judged");
        Process live = new ProcessBuilder("sleep", "30").start();
        try {
            Thread.sleep(50);
            Path folder = lock("live", live.pid());
            assertFalse(RunOwner.gone(folder), "alive, and started before it wrote the lock");
            Files.setLastModifiedTime(folder.resolve("run.lock"), FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));
            assertTrue(RunOwner.gone(folder), "a process started after the lock was written reuses the id");
        } finally {
            live.destroyForcibly();
            live.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void runsAndShowSayInterruptedWithTheResumeCommandWhenTheProcessIsGone() throws Exception {
        store.host = RunOwner.host();
        lock("wide-b", deadPid());
        List<String> lines = run("runs", "--runs", dir.toString()).lines().toList();
        assertTrue(lines.get(2).startsWith("wide-b  INTERRUPTED     2      -          -        -  "), lines.get(2));
        assertEquals("runs 1-2 of 2", lines.get(3));
        assertEquals("wide-b INTERRUPTED: its process is gone (killed, out of memory or power lost); continue it"
                + " with 'overparam resume wide-b'", lines.get(4));
        assertEquals(5, lines.size());
        String show = run("show", "wide-b", "--runs", dir.toString());
        assertTrue(show.contains("\nstatus     INTERRUPTED  its process is gone (killed, out of memory or power lost);"
                + " continue it with 'overparam resume wide-b'\n"), show);

        lock("wide-b", ProcessHandle.current().pid());
        assertTrue(run("runs", "--runs", dir.toString()).contains("\nwide-b  RUNNING "));
        lock("wide-b", deadPid());
        store.host = "another-host";
        assertTrue(run("runs", "--runs", dir.toString()).contains("\nwide-b  RUNNING "), "another host's process");
        assertTrue(run("show", "wide-b", "--runs", dir.toString()).contains("\nstatus     RUNNING  converged\n"));
    }
}
