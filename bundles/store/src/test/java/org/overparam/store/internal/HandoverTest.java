package org.overparam.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
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
}
