package org.overparam.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.store.RunQuery;
import org.overparam.api.store.RunStore;
import org.overparam.api.store.RunSummary;

/**
 * The handover of a store between processes (H2's AUTO_SERVER): when the process serving it ends,
 * another one takes the file over. A process that took it over keeps it open until its store closes
 * (before, it opened and closed the file for every operation, and the lock file, rewritten several
 * times a second, kept other processes' opens failing with "Lock file recently modified"); processes
 * take the file over one at a time; an open or an operation in the moment of a handover waits for it
 * instead of failing (a run whose store fails goes on without it and is never listed). Every process
 * a test starts is ended by the test, and waited for at most 120 s.
 */
class HandoverTest {
    private static final long WAIT_SECONDS = 120;
    @TempDir
    Path runs;
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void endProcesses() throws InterruptedException {
        for (Process p : started) {
            p.destroyForcibly();
            p.waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    /**
     * The cause of the failed opens, made exact: after the serving process A ended, this process
     * takes the file over on its next read and keeps it: the lock file names the same owner through
     * 20 more reads and a write by another process (which goes through this one's server), and is
     * gone once this store closes.
     */
    @Test
    void aProcessThatTookTheFileOverKeepsItUntilItsStoreCloses() throws Exception {
        Process a = start("hold");
        assertEquals("holding", firstLine(a));
        H2RunStore store = Records.store();
        try {
            assertEquals(List.of("first"), ids(store));
            String served = owner();
            end(a);
            assertEquals(List.of("first"), ids(store));
            String owner = owner();
            assertFalse(owner.equals(served), "this process took the file over");
            for (int i = 0; i < 20; i++) {
                assertEquals(List.of("first"), ids(store));
                assertEquals(owner, owner(), "read " + i + " kept the file open");
            }
            assertEquals("ok", output(start("write")));
            assertEquals(List.of("first", "child"), ids(store));
            assertEquals(owner, owner(), "the writer went through this process's server");
        } finally {
            store.close();
        }
        assertFalse(Files.exists(lockFile()), "closing the store let the file go");
    }

    /**
     * A creates the store and serves it; this process (a long-lived reader, like
     * {@code overparam serve}) reads through A without a pause, and keeps reading while A ends and C
     * records a run: no read fails, and the reader lists C's run.
     */
    @Test
    void aReaderSeesARunWrittenAfterTheServingProcessEnded() throws Exception {
        Process a = start("hold");
        assertEquals("holding", firstLine(a));
        H2RunStore store = Records.store();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger reads = new AtomicInteger();
        List<String> failures = new CopyOnWriteArrayList<>();
        Thread poll = new Thread(() -> {
            while (!stop.get()) {
                try {
                    ids(store);
                    reads.incrementAndGet();
                } catch (RuntimeException e) {
                    failures.add(e.getMessage());
                }
            }
        });
        try {
            assertEquals(List.of("first"), ids(store));
            poll.start();
            end(a);
            int before = reads.get();
            assertEquals("ok", output(start("write")));
            stop.set(true);
            poll.join();
            assertEquals(List.of(), failures);
            assertTrue(reads.get() > before, "the reader read while C wrote: " + before + " then " + reads.get());
            assertEquals(List.of("first", "child"), ids(store));
        } finally {
            stop.set(true);
            poll.join();
            store.close();
        }
    }

    /**
     * Several processes open the store, record a run, list the runs and close it, 6 times each, all
     * at once (the file changes hands dozens of times, often with two or three waiting for it): every
     * run is recorded and none fails. Before the turns and the held file, such a loop met "Lock file
     * recently modified" past 15 s, or "Locked by another process", within a few rounds.
     */
    @Test
    void processesOpeningAndClosingTheStoreAtOnceAllRecordTheirRuns() throws Exception {
        List<Process> churn = new ArrayList<>();
        for (String name : List.of("p", "q", "r")) {
            churn.add(start("churn", name, "6"));
        }
        for (Process p : churn) {
            assertEquals("ok", output(p));
        }
        H2RunStore store = Records.store();
        try {
            List<String> ids = ids(store);
            assertEquals(18, ids.size(), ids.toString());
            assertEquals(18, Set.copyOf(ids).size(), ids.toString());
        } finally {
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
        Path lock = lockFile();
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

    private Path lockFile() {
        return runs.resolve(RunStore.DATABASE_NAME + ".lock.db");
    }

    /** @return the id of the process that has the file open, from H2's lock file (which must exist) */
    private String owner() throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(lockFile(), StandardCharsets.ISO_8859_1)) {
            p.load(r);
        } catch (NoSuchFileException e) {
            throw new AssertionError("no process has the file open: " + lockFile() + " is missing", e);
        }
        return p.getProperty("id");
    }

    /** Starts {@link OtherProcess} in a mode on the store, with this JVM and class path. */
    private Process start(String mode, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), OtherProcess.class.getName(), mode,
                runs.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        started.add(p);
        return p;
    }

    private static String firstLine(Process p) throws IOException {
        return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
    }

    /** Ends a holding process (its standard input closes) and waits for it. */
    private static void end(Process p) throws IOException, InterruptedException {
        p.getOutputStream().close();
        assertTrue(p.waitFor(WAIT_SECONDS, TimeUnit.SECONDS) && p.exitValue() == 0, "the holding process did not end");
    }

    /** Waits for a process; @return its output, which must end with exit code 0 */
    private static String output(Process p) throws IOException, InterruptedException {
        boolean ended = p.waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
        String out = ended ? new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip() : "";
        assertTrue(ended && p.exitValue() == 0, "the other process failed: " + out);
        return out;
    }
}
