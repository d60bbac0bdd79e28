package org.overparam.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.store.RunQuery;
import org.overparam.api.store.RunStore;
import org.overparam.api.store.RunSummary;

/**
 * The handover of a store between processes (H2's AUTO_SERVER): when the process serving it ends,
 * another one takes the file over, and a process that opens the store in that moment meets H2's
 * lock-file protocol ("Lock file recently modified") instead of a server. Such an open must wait,
 * not fail: a run whose store fails goes on without it and is never listed (the dashboard showed
 * total 0 for a run that exited 0).
 */
class HandoverTest {
    @TempDir
    Path runs;

    /**
     * A creates the store and serves it; this process (a long-lived reader, like
     * {@code overparam serve}) reads through A, and keeps reading while A ends and C records a run;
     * the reader lists C's run.
     */
    @Test
    void aReaderSeesARunWrittenAfterTheServingProcessEnded() throws Exception {
        Process a = start("hold");
        Process c = null;
        H2RunStore store = Records.store();
        AtomicBoolean stop = new AtomicBoolean();
        List<String> seen = new CopyOnWriteArrayList<>();
        Thread poll = new Thread(() -> {
            while (!stop.get()) {
                try {
                    seen.add(String.valueOf(ids(store)));
                } catch (RuntimeException e) {
                    seen.add(e.getMessage());
                }
            }
        });
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(a.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("holding", out.readLine());
            assertEquals(List.of("first"), ids(store));
            poll.start();
            a.getOutputStream().close();
            assertTrue(a.waitFor(60, TimeUnit.SECONDS) && a.exitValue() == 0, "A did not end");
            c = start("write");
            boolean ended = c.waitFor(60, TimeUnit.SECONDS);
            String said = ended ? new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip() : "";
            assertTrue(ended && c.exitValue() == 0, "the writer failed: " + said);
            stop.set(true);
            poll.join();
            assertEquals(List.of("first", "child"), ids(store), "the reader saw " + new LinkedHashSet<>(seen));
        } finally {
            stop.set(true);
            poll.join();
            a.destroyForcibly();
            if (c != null) {
                c.destroyForcibly();
            }
            store.close();
        }
    }

    /**
     * The moment of a handover, made exact: a lock file that another process keeps "recently
     * modified" (as one taking the file over does) for 6 s, longer than H2 waits in one open (4 s).
     * The store's open waits it out instead of failing.
     */
    @Test
    void anOpenDuringATakeOverWaitsForIt() throws Exception {
        Path lock = runs.resolve(RunStore.DATABASE_NAME + ".lock.db");
        Files.writeString(lock, "#FileLock\nid=0123456789abcdef\nmethod=file\n");
        AtomicBoolean stop = new AtomicBoolean();
        Thread taker = new Thread(() -> {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(6);
            try {
                while (!stop.get() && System.nanoTime() < end) {
                    Files.setLastModifiedTime(lock, FileTime.fromMillis(System.currentTimeMillis()));
                    Thread.sleep(100);
                }
            } catch (IOException | InterruptedException e) {
                return;
            }
        });
        taker.start();
        H2RunStore store = Records.store();
        try {
            store.begin(runs, Records.run(runs, "first", 64, 1, 0, "", Set.of()));
            assertEquals(List.of("first"), ids(store));
        } finally {
            stop.set(true);
            taker.join();
            store.close();
        }
    }

    private List<String> ids(H2RunStore store) {
        return store.runs(runs, RunQuery.all().sortedBy("created", false)).runs().stream().map(RunSummary::id).toList();
    }

    /** Starts {@link OtherProcess} in a mode on the store, with this JVM and class path. */
    private Process start(String mode) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), OtherProcess.class.getName(), mode, runs.toString())
                .redirectErrorStream(true).start();
    }
}
